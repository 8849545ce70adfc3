//! A fixed-capacity string that never allocates: failure messages and dump
//! fields are formatted into these on paths where Rust's allocator must not be
//! touched (inside a collection, in a signal handler). Text past the capacity is
//! dropped, always at a UTF-8 character boundary.

use core::fmt;

#[derive(Clone, Copy)]
pub struct FixedStr<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> FixedStr<N> {
    pub const fn new() -> Self {
        FixedStr { buf: [0; N], len: 0 }
    }

    pub fn as_str(&self) -> &str {
        // The writer only ever appends whole characters, so this cannot fail;
        // fall back to the empty string rather than panic.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn push_str(&mut self, s: &str) {
        let room = N - self.len;
        let mut take = s.len().min(room);
        while take > 0 && !s.is_char_boundary(take) {
            take -= 1;
        }
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
    }

    /// Appends raw bytes that are known to be UTF-8 up to some cut (paths).
    pub fn push_lossy(&mut self, b: &[u8]) {
        match core::str::from_utf8(b) {
            Ok(s) => self.push_str(s),
            Err(e) => {
                let good = &b[..e.valid_up_to()];
                self.push_str(core::str::from_utf8(good).unwrap_or(""));
                self.push_str("\u{FFFD}");
            }
        }
    }
}

impl<const N: usize> Default for FixedStr<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> fmt::Write for FixedStr<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

impl<const N: usize> fmt::Display for FixedStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> fmt::Debug for FixedStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::fmt::Write;

    #[test]
    fn truncates_on_char_boundary() {
        let mut s = FixedStr::<5>::new();
        write!(s, "abé€x").unwrap();
        assert_eq!(s.as_str(), "abé");
        let mut t = FixedStr::<4>::new();
        t.push_lossy(b"a\xffb");
        assert_eq!(t.as_str(), "a\u{FFFD}");
    }
}
