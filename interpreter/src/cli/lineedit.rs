//! The REPL's line editor, for a terminal in raw mode: history (Up/Down,
//! Ctrl-P/N), cursor movement (Left/Right, Ctrl-B/F, Home/End, Ctrl-A/E),
//! Backspace/Delete, Ctrl-K/U (kill to end/start), Ctrl-C (abandon the
//! line), Ctrl-D (end of input on an empty line, else delete), and Ctrl-E
//! on an empty primary line (paste mode, as MicroPython's).
//!
//! It runs between statements, never while Python code runs, so its buffers
//! are plain Rust vectors (they hold text, no GC pointers). Invariant: the
//! cursor is always on a UTF-8 character boundary of the line.

use upy::objects::fd;

/// What one call to `read_line` produced.
pub enum Read {
    Line(Vec<u8>),
    Eof,
    Interrupt,
    Paste,
}

pub struct Editor {
    history: Vec<Vec<u8>>,
}

const HISTORY: usize = 100;

fn out(b: &[u8]) {
    let _ = fd::write_all(1, b);
}

/// One byte from the terminal; None at end of input or on an error.
fn byte() -> Option<u8> {
    let mut b = [0u8; 1];
    loop {
        match fd::read(0, &mut b) {
            Ok(1) => return Some(b[0]),
            Err(fd::EINTR) => continue,
            _ => return None,
        }
    }
}

fn prev_boundary(line: &[u8], i: usize) -> usize {
    let mut j = i.saturating_sub(1);
    while j > 0 && line[j] & 0xc0 == 0x80 {
        j -= 1;
    }
    j
}

fn next_boundary(line: &[u8], i: usize) -> usize {
    let mut j = (i + 1).min(line.len());
    while j < line.len() && line[j] & 0xc0 == 0x80 {
        j += 1;
    }
    j
}

fn chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

impl Editor {
    pub fn new() -> Editor {
        Editor { history: Vec::new() }
    }

    pub fn add_history(&mut self, line: &[u8]) {
        if line.iter().all(|c| c.is_ascii_whitespace()) || self.history.last().is_some_and(|l| l == line) {
            return;
        }
        if self.history.len() == HISTORY {
            self.history.remove(0);
        }
        self.history.push(line.to_vec());
    }

    fn redraw(prompt: &[u8], line: &[u8], cur: usize) {
        let mut s = Vec::with_capacity(line.len() + 16);
        s.extend_from_slice(b"\r");
        s.extend_from_slice(prompt);
        s.extend_from_slice(line);
        s.extend_from_slice(b"\x1b[K");
        let back = chars(&line[cur..]);
        if back > 0 {
            s.extend_from_slice(format!("\x1b[{back}D").as_bytes());
        }
        out(&s);
    }

    /// Reads one line after `prompt`, starting with `initial` (auto-indent).
    /// `primary`: the `>>> ` prompt, where Ctrl-E enters paste mode.
    pub fn read_line(&mut self, prompt: &str, initial: &[u8], primary: bool) -> Read {
        let Some(_raw) = fd::RawMode::enter() else { return Read::Eof };
        let prompt = prompt.as_bytes();
        let mut line = initial.to_vec();
        let mut cur = line.len();
        // Position in history while browsing it; the line being edited is
        // kept aside meanwhile.
        let mut hpos = self.history.len();
        let mut edited = Vec::new();
        Self::redraw(prompt, &line, cur);
        loop {
            let Some(c) = byte() else { return Read::Eof };
            match c {
                b'\r' | b'\n' => {
                    out(b"\r\n");
                    return Read::Line(line);
                }
                3 => {
                    out(b"\r\n");
                    return Read::Interrupt;
                }
                4 => {
                    if line.is_empty() {
                        out(b"\r\n");
                        return Read::Eof;
                    }
                    if cur < line.len() {
                        let n = next_boundary(&line, cur);
                        line.drain(cur..n);
                    }
                }
                5 if primary && line.is_empty() => {
                    out(b"\r\n");
                    return Read::Paste;
                }
                1 => cur = 0,
                5 => cur = line.len(),
                2 => cur = prev_boundary(&line, cur),
                6 => cur = next_boundary(&line, cur),
                11 => line.truncate(cur),
                21 => {
                    line.drain(..cur);
                    cur = 0;
                }
                8 | 127 if cur > 0 => {
                    let p = prev_boundary(&line, cur);
                    line.drain(p..cur);
                    cur = p;
                }
                16 | 14 => self.browse(c == 16, &mut hpos, &mut line, &mut edited, &mut cur),
                b'\t' => {
                    // Indentation to the next multiple of four columns.
                    let n = 4 - chars(&line[..cur]) % 4;
                    for _ in 0..n {
                        line.insert(cur, b' ');
                    }
                    cur += n;
                }
                27 => {
                    let Some(k) = byte() else { return Read::Eof };
                    if k != b'[' && k != b'O' {
                        continue;
                    }
                    let Some(mut k) = byte() else { return Read::Eof };
                    let mut num = 0u32;
                    while k.is_ascii_digit() {
                        num = num * 10 + (k - b'0') as u32;
                        let Some(n) = byte() else { return Read::Eof };
                        k = n;
                    }
                    match (k, num) {
                        (b'A', _) => self.browse(true, &mut hpos, &mut line, &mut edited, &mut cur),
                        (b'B', _) => self.browse(false, &mut hpos, &mut line, &mut edited, &mut cur),
                        (b'C', _) => cur = next_boundary(&line, cur),
                        (b'D', _) => cur = prev_boundary(&line, cur),
                        (b'H', _) | (b'~', 1) | (b'~', 7) => cur = 0,
                        (b'F', _) | (b'~', 4) | (b'~', 8) => cur = line.len(),
                        (b'~', 3) if cur < line.len() => {
                            let n = next_boundary(&line, cur);
                            line.drain(cur..n);
                        }
                        _ => {}
                    }
                }
                c if c >= 32 => {
                    line.insert(cur, c);
                    cur += 1;
                    // The rest of a multi-byte character follows at once.
                    let more = match c {
                        0xc0..=0xdf => 1,
                        0xe0..=0xef => 2,
                        0xf0..=0xf7 => 3,
                        _ => 0,
                    };
                    for _ in 0..more {
                        let Some(b) = byte() else { return Read::Eof };
                        line.insert(cur, b);
                        cur += 1;
                    }
                }
                _ => {}
            }
            Self::redraw(prompt, &line, cur);
        }
    }

    fn browse(&self, up: bool, hpos: &mut usize, line: &mut Vec<u8>, edited: &mut Vec<u8>, cur: &mut usize) {
        let n = self.history.len();
        if up {
            if *hpos == 0 {
                return;
            }
            if *hpos == n {
                *edited = line.clone();
            }
            *hpos -= 1;
            *line = self.history[*hpos].clone();
        } else {
            if *hpos >= n {
                return;
            }
            *hpos += 1;
            *line = if *hpos == n { edited.clone() } else { self.history[*hpos].clone() };
        }
        *cur = line.len();
    }

    /// Paste mode: raw lines echoed after `=== ` until Ctrl-D (the text) or
    /// Ctrl-C (None).
    pub fn read_paste(&mut self) -> Option<Vec<u8>> {
        let _raw = fd::RawMode::enter()?;
        out(b"paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
        let mut text = Vec::new();
        loop {
            match byte()? {
                3 => {
                    out(b"\r\n");
                    return None;
                }
                4 => {
                    out(b"\r\n");
                    return Some(text);
                }
                b'\r' | b'\n' => {
                    text.push(b'\n');
                    out(b"\r\n=== ");
                }
                c => {
                    text.push(c);
                    out(&[c]);
                }
            }
        }
    }
}
