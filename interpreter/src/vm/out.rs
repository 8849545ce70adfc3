//! Buffered standard output with a fixed buffer: writing never allocates.
//! The buffer is flushed when full, at exit, and before anything is written
//! to stderr (so interleaving matches an unbuffered run).

use std::io::Write;

pub struct Out {
    buf: [u8; 8192],
    len: usize,
    /// Capture instead of writing (tests).
    pub capture: Option<fn(&[u8])>,
}

impl Out {
    pub fn new() -> Out {
        // Touch stdout once here, before any Python code runs, so its lazily
        // created internal buffer is not allocated later.
        let _ = std::io::stdout().lock().flush();
        Out { buf: [0; 8192], len: 0, capture: None }
    }

    pub fn write(&mut self, s: &[u8]) {
        if self.len + s.len() > self.buf.len() {
            self.flush();
        }
        if s.len() > self.buf.len() {
            self.emit(s);
            return;
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    fn emit(&self, s: &[u8]) {
        match self.capture {
            Some(f) => f(s),
            None => {
                let _ = std::io::stdout().lock().write_all(s);
            }
        }
    }

    pub fn flush(&mut self) {
        if self.len > 0 {
            let n = self.len;
            self.len = 0;
            let b = self.buf;
            self.emit(&b[..n]);
        }
        if self.capture.is_none() {
            let _ = std::io::stdout().lock().flush();
        }
    }
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        self.flush();
    }
}
