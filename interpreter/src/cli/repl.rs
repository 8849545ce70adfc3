//! The REPL: `>>> ` and `... ` prompts, expression results echoed through
//! repr (None is not), a block ended by an empty line, paste mode (Ctrl-E)
//! and everything run in `__main__`'s namespace.
//!
//! On a terminal the line editor (`lineedit`) reads in raw mode; otherwise
//! (`upy -i` with a pipe) lines come from the `sys.stdin` file object, the
//! same buffer `input()` reads from, so a program and its input can share
//! one stream. When input continues follows MicroPython's rule: open
//! brackets or a triple-quoted string, a trailing backslash, or a compound
//! statement whose last line is not empty.

use super::lineedit::{Editor, Read};
use upy::objects::{file, str as pstr};
use upy::qstr::q;
use upy::vm::{self, Rt};
use upy::Mode;

pub const BANNER: &str = concat!(
    "upy ",
    env!("CARGO_PKG_VERSION"),
    " (MicroPython-compatible, Python 3.11 language) on linux\n",
    "Use Ctrl-D to exit, Ctrl-E for paste mode\n"
);

/// Runs the REPL until end of input (status 0) or `SystemExit` (its status).
pub fn run(rt: &mut Rt, tty: bool) -> u8 {
    let mut ed = Editor::new();
    if tty {
        rt.out.write(BANNER.as_bytes());
    }
    loop {
        let mut buf = match read(rt, &mut ed, tty, ">>> ", b"", true) {
            Read::Eof => return 0,
            Read::Interrupt => continue,
            Read::Paste => {
                if let Some(text) = ed.read_paste() {
                    if let Some(code) = execute(rt, &text, Mode::Exec) {
                        return code;
                    }
                }
                continue;
            }
            Read::Line(l) => l,
        };
        let mut eof = false;
        while continues(&buf) {
            let indent = if tty { auto_indent(&buf) } else { Vec::new() };
            match read(rt, &mut ed, tty, "... ", &indent, false) {
                Read::Line(l) => {
                    buf.push(b'\n');
                    if !l.iter().all(|c| *c == b' ' || *c == b'\t') {
                        buf.extend_from_slice(&l);
                    }
                }
                Read::Interrupt | Read::Paste => {
                    buf.clear();
                    break;
                }
                Read::Eof => {
                    eof = true;
                    break;
                }
            }
        }
        if !buf.iter().all(|c| c.is_ascii_whitespace()) {
            if tty {
                ed.add_history(buf.strip_suffix(b"\n").unwrap_or(&buf));
            }
            if let Some(code) = execute(rt, &buf, Mode::Single) {
                return code;
            }
        }
        if eof {
            return 0;
        }
    }
}

/// One line: from the editor on a terminal, else from `sys.stdin` after
/// printing the prompt.
fn read(rt: &mut Rt, ed: &mut Editor, tty: bool, prompt: &str, initial: &[u8], primary: bool) -> Read {
    if tty {
        rt.out.flush();
        return ed.read_line(prompt, initial, primary);
    }
    rt.out.write(prompt.as_bytes());
    let stdin = rt.st.runtime[vm::SLOT_STDIN];
    match file::readline(rt, stdin, None) {
        Ok(s) => {
            let b = pstr::bytes_of(rt, s).unwrap_or(b"");
            if b.is_empty() {
                return Read::Eof;
            }
            Read::Line(b.strip_suffix(b"\n").unwrap_or(b).to_vec())
        }
        Err(e) if vm::exc_is(e, &upy::objects::class::KEYBOARD_INTERRUPT_CLASS) => {
            rt.out.write(b"\n");
            Read::Interrupt
        }
        Err(_) => Read::Eof,
    }
}

/// Compiles and runs one input in `__main__`. Some(status) when the
/// program asked to exit (`SystemExit`).
fn execute(rt: &mut Rt, src: &[u8], mode: Mode) -> Option<u8> {
    let code = match upy::compile::compile_with(&mut rt.st.qstr, src, q::stdin, mode) {
        Ok(c) => c,
        Err(e) => {
            let text = upy::error::report(&e, "<stdin>", src);
            vm::write_stderr(rt, text.as_bytes());
            return None;
        }
    };
    vm::INTERRUPT.store(false, core::sync::atomic::Ordering::Relaxed);
    match vm::exec_main(rt, code) {
        Ok(()) => None,
        Err(e) if vm::exc_is(e, &upy::objects::class::SYSTEM_EXIT_CLASS) => {
            Some(vm::report_uncaught(rt, e, "<stdin>", src))
        }
        Err(e) => {
            vm::report_uncaught(rt, e, "<stdin>", src);
            None
        }
    }
}

const COMPOUND: &[&str] =
    &["if", "else", "elif", "try", "except", "finally", "for", "while", "with", "def", "class", "async"];

/// Does the input so far need more lines?
pub fn continues(buf: &[u8]) -> bool {
    let mut depth = 0i32;
    // The open quote: 0, or the quote byte; `triple` when tripled.
    let mut quote = 0u8;
    let mut triple = false;
    let mut i = 0;
    while i < buf.len() {
        let c = buf[i];
        if quote != 0 {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == quote {
                if !triple {
                    quote = 0;
                } else if buf[i..].starts_with(&[c, c, c]) {
                    quote = 0;
                    i += 3;
                    continue;
                }
            } else if c == b'\n' && !triple {
                quote = 0;
            }
            i += 1;
            continue;
        }
        match c {
            b'#' => {
                while i < buf.len() && buf[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                quote = c;
                triple = buf[i..].starts_with(&[c, c, c]);
                i += if triple { 3 } else { 1 };
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    if depth > 0 || (quote != 0 && triple) {
        return true;
    }
    if buf.ends_with(b"\\") {
        return true;
    }
    let first = buf.iter().position(|c| !c.is_ascii_whitespace()).map(|k| &buf[k..]).unwrap_or(b"");
    let compound = first.starts_with(b"@")
        || COMPOUND.iter().any(|k| {
            first.starts_with(k.as_bytes())
                && first.get(k.len()).is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        });
    compound && !buf.ends_with(b"\n")
}

/// The indentation of the last line, one level deeper after a `:`.
fn auto_indent(buf: &[u8]) -> Vec<u8> {
    let last = buf.rsplit(|&c| c == b'\n').next().unwrap_or(b"");
    let mut ind: Vec<u8> = last.iter().take_while(|c| **c == b' ' || **c == b'\t').copied().collect();
    let code = match last.iter().position(|&c| c == b'#') {
        Some(k) => &last[..k],
        None => last,
    };
    if code.trim_ascii_end().ends_with(b":") {
        ind.extend_from_slice(b"    ");
    }
    ind
}

#[cfg(test)]
mod tests {
    use super::continues;

    #[test]
    fn continuation() {
        assert!(!continues(b"1 + 1"));
        assert!(continues(b"if x:"));
        assert!(continues(b"if x:\n    y"));
        assert!(!continues(b"if x:\n    y\n"));
        assert!(continues(b"f(1,"));
        assert!(!continues(b"f(1,\n2)"));
        assert!(continues(b"s = '''abc"));
        assert!(!continues(b"s = '''abc\n'''"));
        assert!(continues(b"x = 1 + \\"));
        assert!(!continues(b"x = '('  # ("));
        assert!(continues(b"@dec"));
        assert!(!continues(b"iffy = 3"));
        assert!(continues(b"class A: pass"));
        assert!(!continues(b"class A: pass\n"));
    }
}
