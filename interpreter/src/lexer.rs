//! The lexer: UTF-8 source bytes to tokens, one at a time, on demand.
//!
//! Holds indentation (INDENT/DEDENT with CPython's tab consistency check),
//! implicit line joining inside brackets and explicit joining with a
//! backslash, comments, every string form (escapes decoded into a GC buffer;
//! f-strings are handed to the parser as a span of raw source), numbers of
//! every form (ints of any size become const-int objects), operators and
//! keywords. Identifiers are interned.
//!
//! Invariants: the indentation stacks and scratch buffers are GC blocks owned
//! by the lexer and freed when it is dropped; bracket nesting is bounded by
//! `MAX_PAREN` (a fixed array, no allocation); an error is returned, never a
//! panic, for any input.

use crate::error::{CResult, CompileError, ErrorKind, Fail};
use crate::obj;
use crate::qstr::QstrPool;
use crate::syntax_err;
use crate::token::keyword;
pub use crate::token::Tok;
use crate::value::Value;
use upy_heap::GcVec;

/// CPython's MAXLEVEL.
pub const MAX_PAREN: usize = 200;
/// CPython's MAXINDENT.
pub const MAX_INDENT: usize = 100;
/// CPython's default limit on decimal digits of an int literal.
pub const MAX_INT_DIGITS: usize = 4300;

/// String token flags.
pub mod sflag {
    pub const BYTES: u8 = 1;
    pub const RAW: u8 = 2;
    pub const FSTRING: u8 = 4;
    pub const TRIPLE: u8 = 8;
}

/// Decodes the UTF-8 character at `s[i]` (source is validated UTF-8).
pub fn char_at(s: &[u8], i: usize) -> (u32, usize) {
    let b = s[i];
    let (n, init) = match b {
        0..=0x7f => return (b as u32, 1),
        0xc0..=0xdf => (2, (b & 0x1f) as u32),
        0xe0..=0xef => (3, (b & 0x0f) as u32),
        _ => (4, (b & 0x07) as u32),
    };
    let mut c = init;
    for k in 1..n {
        c = (c << 6) | (s.get(i + k).copied().unwrap_or(0x80) & 0x3f) as u32;
    }
    (c, n)
}

/// Whether a non-ASCII code point may appear in an identifier. Without the
/// Unicode tables this approximates XID: letters of the common scripts yes,
/// punctuation, symbols and spaces no.
fn is_ident_cp(c: u32) -> bool {
    !matches!(c,
        0x80..=0xa9 | 0xab..=0xb4 | 0xb6..=0xb9 | 0xbb..=0xbf | 0xd7 | 0xf7
        | 0x2000..=0x2bff | 0x3000..=0x3003 | 0x3008..=0x3020 | 0xfe30..=0xfe4f
        | 0xff00..=0xff0f | 0xff1a..=0xff20 | 0xfeff | 0xfff0..=0xffff)
}

fn is_printable_cp(c: u32) -> bool {
    !matches!(c, 0x80..=0xa0 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f | 0x3000 | 0xfeff)
}

pub fn encode_utf8(c: u32, out: &mut [u8; 4]) -> usize {
    if c < 0x80 {
        out[0] = c as u8;
        1
    } else if c < 0x800 {
        out[0] = 0xc0 | (c >> 6) as u8;
        out[1] = 0x80 | (c & 0x3f) as u8;
        2
    } else if c < 0x10000 {
        out[0] = 0xe0 | (c >> 12) as u8;
        out[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
        out[2] = 0x80 | (c & 0x3f) as u8;
        3
    } else {
        out[0] = 0xf0 | (c >> 18) as u8;
        out[1] = 0x80 | ((c >> 12) & 0x3f) as u8;
        out[2] = 0x80 | ((c >> 6) & 0x3f) as u8;
        out[3] = 0x80 | (c & 0x3f) as u8;
        4
    }
}

/// Characters from `from` to `to` (1-based column of `to` when `from` is the
/// line start).
pub fn char_col(src: &[u8], from: usize, to: usize) -> u32 {
    let to = to.min(src.len());
    let from = from.min(to);
    src[from..to].iter().filter(|&&b| b & 0xc0 != 0x80).count() as u32 + 1
}

/// Checks the source as a whole before lexing: UTF-8 and no NUL bytes.
pub fn check_source(src: &[u8]) -> CResult<()> {
    if let Err(e) = core::str::from_utf8(src) {
        let pos = e.valid_up_to();
        let line = src[..pos].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let why = match e.error_len() {
            Some(_) if src[pos] >= 0x80 && src[pos] < 0xc2 || src[pos] > 0xf4 => "invalid start byte",
            Some(_) => "invalid continuation byte",
            None => "unexpected end of data",
        };
        return Err(syntax_err!(
            line,
            0,
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
            src[pos],
            pos,
            why
        ));
    }
    if let Some(pos) = src.iter().position(|&b| b == 0) {
        let line = src[..pos].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        return Err(syntax_err!(line, 0, "source code cannot contain null bytes"));
    }
    Ok(())
}

pub struct Lexer<'s, 'q> {
    pub src: &'s [u8],
    pos: usize,
    end: usize,
    line: u32,
    line_start: usize,
    pub qs: &'q mut QstrPool,

    // The current token.
    pub tok: Tok,
    pub tline: u32,
    pub tstart: usize,
    pub tend: usize,
    pub tline_start: usize,
    /// Name: its qstr; Number: its constant.
    pub value: Value,
    /// String: flags and decoded contents (for f-strings: the raw body span).
    pub sflags: u8,
    pub strbuf: GcVec<u8>,
    pub body: (usize, usize),

    /// The indentation stack: (column with tabs to 8, column with tabs to 1).
    indent: GcVec<(u32, u32)>,
    pending_dedents: u32,
    at_line_start: bool,
    line_has_tokens: bool,
    depth: usize,
    brackets: [u8; MAX_PAREN],
    bracket_at: [(u32, u32); MAX_PAREN],
    /// Inside an f-string replacement field: no newlines, no backslashes.
    fstring_expr: bool,
    /// Column cache: (line start, byte position, character column there),
    /// so that token columns cost O(1) amortised on long lines.
    col_cache: core::cell::Cell<(usize, usize, u32)>,
    scratch: GcVec<u8>,
    limbs: GcVec<u32>,
}

impl<'s, 'q> Lexer<'s, 'q> {
    /// A lexer over a whole module (`src` already checked with `check_source`).
    pub fn new(src: &'s [u8], qs: &'q mut QstrPool) -> Lexer<'s, 'q> {
        let start = if src.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
        Lexer {
            src,
            pos: start,
            end: src.len(),
            line: 1,
            line_start: start,
            qs,
            tok: Tok::Newline,
            tline: 1,
            tstart: 0,
            tend: 0,
            tline_start: 0,
            value: Value::NONE,
            sflags: 0,
            strbuf: GcVec::new(),
            body: (0, 0),
            indent: GcVec::new(),
            pending_dedents: 0,
            at_line_start: true,
            line_has_tokens: false,
            depth: 0,
            brackets: [0; MAX_PAREN],
            bracket_at: [(0, 0); MAX_PAREN],
            fstring_expr: false,
            col_cache: core::cell::Cell::new((usize::MAX, 0, 1)),
            scratch: GcVec::new(),
            limbs: GcVec::new(),
        }
    }

    /// A lexer over `src[start..end]`, an f-string replacement field that
    /// starts at `line`/`line_start`: as if inside brackets.
    pub fn sub(
        src: &'s [u8],
        start: usize,
        end: usize,
        line: u32,
        line_start: usize,
        qs: &'q mut QstrPool,
    ) -> Lexer<'s, 'q> {
        let mut lx = Lexer::new(src, qs);
        lx.pos = start;
        lx.end = end;
        lx.line = line;
        lx.line_start = line_start;
        lx.at_line_start = false;
        lx.depth = 1;
        lx.brackets[0] = b'{';
        lx.fstring_expr = true;
        lx
    }

    pub fn line(&self) -> u32 {
        self.line
    }

    /// Inside brackets (newlines do not end the statement).
    pub fn in_brackets(&self) -> bool {
        self.depth > 0
    }

    /// 1-based character column just past the current token.
    pub fn end_col(&self) -> u32 {
        self.col_of(self.line_start, self.tend)
    }

    /// 1-based character column of the current token.
    pub fn tcol(&self) -> u32 {
        self.col_of(self.tline_start, self.tstart)
    }

    /// 1-based character column of byte `at` on the line starting at
    /// `line_start`, through the cache (positions mostly move forward).
    fn col_of(&self, line_start: usize, at: usize) -> u32 {
        let (ls, pos, col) = self.col_cache.get();
        let (pos, col) = if ls == line_start && pos <= at { (pos, col) } else { (line_start, 1) };
        let c = col + char_col(self.src, pos, at) - 1;
        self.col_cache.set((line_start, at, c));
        c
    }

    /// The current token's source text.
    pub fn text(&self) -> &'s [u8] {
        &self.src[self.tstart..self.tend]
    }

    fn peek(&self, k: usize) -> u8 {
        if self.pos + k < self.end {
            self.src[self.pos + k]
        } else {
            0
        }
    }

    fn err_here(&self, at: usize, msg: &str) -> Fail {
        CompileError::syntax(self.line, char_col(self.src, self.line_start, at), msg).raise()
    }

    /// An indentation error on the current line. CPython's columns: 1 for a
    /// TabError, the end of the line for an unindent that matches nothing.
    fn indent_err(&self, kind: ErrorKind, msg: &str) -> Fail {
        let col = match kind {
            ErrorKind::Tab => 1,
            _ => {
                let mut e = self.pos;
                while e < self.end && self.src[e] != b'\n' && self.src[e] != b'\r' {
                    e += 1;
                }
                char_col(self.src, self.line_start, e)
            }
        };
        let mut e = CompileError::syntax(self.line, col, msg);
        e.kind = kind;
        e.raise()
    }

    fn newline(&mut self, after: usize) {
        self.line += 1;
        self.line_start = after;
    }

    /// Advances to the next token.
    pub fn next_token(&mut self) -> CResult<()> {
        loop {
            if self.pending_dedents > 0 {
                self.pending_dedents -= 1;
                self.set(Tok::Dedent, self.pos, self.pos);
                return Ok(());
            }
            if self.at_line_start && self.depth == 0 {
                if let Some(t) = self.indentation()? {
                    self.set(t, self.pos, self.pos);
                    return Ok(());
                }
                if self.pending_dedents > 0 {
                    continue;
                }
            }
            // Whitespace, comments, continuation lines.
            while self.pos < self.end {
                match self.src[self.pos] {
                    b' ' | b'\t' | 0x0c => self.pos += 1,
                    b'#' => {
                        if self.fstring_expr {
                            return Err(self.err_here(self.pos, "f-string expression part cannot include '#'"));
                        }
                        while self.pos < self.end && self.src[self.pos] != b'\n' && self.src[self.pos] != b'\r' {
                            self.pos += 1;
                        }
                    }
                    b'\\' => {
                        if self.fstring_expr {
                            return Err(self.err_here(self.pos, "f-string expression part cannot include a backslash"));
                        }
                        let mut p = self.pos + 1;
                        if p < self.end && self.src[p] == b'\r' {
                            p += 1;
                            if p < self.end && self.src[p] == b'\n' {
                                p += 1;
                            }
                        } else if p < self.end && self.src[p] == b'\n' {
                            p += 1;
                        } else if p >= self.end {
                            return Err(self.err_here(self.pos, "unexpected EOF while parsing"));
                        } else {
                            return Err(self.err_here(p, "unexpected character after line continuation character"));
                        }
                        if p >= self.end {
                            return Err(self.err_here(self.pos + 1, "unexpected EOF while parsing"));
                        }
                        self.pos = p;
                        self.newline(p);
                    }
                    _ => break,
                }
            }
            if self.pos >= self.end {
                return self.at_eof();
            }
            let c = self.src[self.pos];
            if c == b'\n' || c == b'\r' {
                let start = self.pos;
                self.pos += if c == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                let had = self.line_has_tokens;
                let line = self.line;
                let ls = self.line_start;
                self.newline(self.pos);
                if self.depth > 0 {
                    continue;
                }
                self.at_line_start = true;
                self.line_has_tokens = false;
                if had {
                    self.set(Tok::Newline, start, start);
                    self.tline = line;
                    self.tline_start = ls;
                    return Ok(());
                }
                continue;
            }
            self.line_has_tokens = true;
            return self.token(c);
        }
    }

    fn set(&mut self, t: Tok, start: usize, end: usize) {
        self.tok = t;
        self.tstart = start;
        self.tend = end;
        self.tline = self.line;
        self.tline_start = self.line_start;
    }

    fn at_eof(&mut self) -> CResult<()> {
        if self.depth > 0 && !self.fstring_expr {
            let (line, col) = self.bracket_at[self.depth - 1];
            return Err(syntax_err!(line, col, "'{}' was never closed", self.brackets[self.depth - 1] as char));
        }
        if self.line_has_tokens && !self.fstring_expr {
            self.line_has_tokens = false;
            self.set(Tok::Newline, self.pos, self.pos);
            return Ok(());
        }
        if self.indent.len() > 1 {
            self.indent.pop();
            self.set(Tok::Dedent, self.pos, self.pos);
            return Ok(());
        }
        self.set(Tok::EndMarker, self.pos, self.pos);
        Ok(())
    }

    /// Measures the indentation of a new logical line. Returns INDENT, or
    /// queues DEDENTs, or nothing for blank lines (which it skips).
    fn indentation(&mut self) -> CResult<Option<Tok>> {
        if self.indent.is_empty() {
            self.indent.push((0, 0))?;
        }
        loop {
            let (mut col, mut alt) = (0u32, 0u32);
            while self.pos < self.end {
                match self.src[self.pos] {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    0x0c => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                self.pos += 1;
            }
            if self.pos >= self.end {
                self.at_line_start = false;
                return Ok(None);
            }
            match self.src[self.pos] {
                b'#' | b'\n' | b'\r' => {
                    // Blank or comment-only line: no indentation tokens.
                    while self.pos < self.end && self.src[self.pos] != b'\n' && self.src[self.pos] != b'\r' {
                        self.pos += 1;
                    }
                    if self.pos >= self.end {
                        self.at_line_start = false;
                        return Ok(None);
                    }
                    self.pos += if self.src[self.pos] == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                    self.newline(self.pos);
                    continue;
                }
                b'\\' => {
                    // A continuation line starting the statement: indentation counts
                    // as usual (CPython does the same).
                }
                _ => {}
            }
            self.at_line_start = false;
            let (top, alt_top) = *self.indent.last().unwrap_or(&(0, 0));
            if col == top {
                if alt != alt_top {
                    return Err(self.indent_err(ErrorKind::Tab, "inconsistent use of tabs and spaces in indentation"));
                }
                return Ok(None);
            }
            if col > top {
                if alt <= alt_top {
                    return Err(self.indent_err(ErrorKind::Tab, "inconsistent use of tabs and spaces in indentation"));
                }
                if self.indent.len() >= MAX_INDENT {
                    return Err(self.indent_err(ErrorKind::Indentation, "too many levels of indentation"));
                }
                self.indent.push((col, alt))?;
                return Ok(Some(Tok::Indent));
            }
            while self.indent.len() > 1 && col < self.indent.last().map_or(0, |t| t.0) {
                self.indent.pop();
                self.pending_dedents += 1;
            }
            if col != self.indent.last().map_or(0, |t| t.0) {
                return Err(
                    self.indent_err(ErrorKind::Indentation, "unindent does not match any outer indentation level")
                );
            }
            if alt != self.indent.last().map_or(0, |t| t.1) {
                return Err(self.indent_err(ErrorKind::Tab, "inconsistent use of tabs and spaces in indentation"));
            }
            return Ok(None);
        }
    }

    fn token(&mut self, c: u8) -> CResult<()> {
        let start = self.pos;
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            if c >= 0x80 {
                let (cp, _) = char_at(self.src, self.pos);
                if !is_ident_cp(cp) {
                    return Err(self.bad_char(cp));
                }
            }
            let mut p = self.pos;
            while p < self.end {
                let b = self.src[p];
                if b.is_ascii_alphanumeric() || b == b'_' {
                    p += 1;
                } else if b >= 0x80 {
                    let (cp, n) = char_at(self.src, p);
                    if !is_ident_cp(cp) {
                        break;
                    }
                    p += n;
                } else {
                    break;
                }
            }
            let word = &self.src[start..p];
            if p < self.end && (self.src[p] == b'\'' || self.src[p] == b'"') {
                if let Some(f) = string_prefix(word) {
                    self.pos = p;
                    return self.string(start, f);
                }
            }
            self.pos = p;
            if let Some(k) = keyword(word) {
                self.set(k, start, p);
                return Ok(());
            }
            let q = self.qs.intern(word)?;
            self.value = Value::qstr(q);
            self.set(Tok::Name, start, p);
            return Ok(());
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
            return self.number();
        }
        if c == b'\'' || c == b'"' {
            return self.string(start, 0);
        }
        self.operator(c)
    }

    fn bad_char(&self, cp: u32) -> Fail {
        let col = char_col(self.src, self.line_start, self.pos);
        if !is_printable_cp(cp) {
            return syntax_err!(self.line, col, "invalid non-printable character U+{:04X}", cp);
        }
        let mut buf = [0u8; 4];
        let n = encode_utf8(cp, &mut buf);
        let s = core::str::from_utf8(&buf[..n]).unwrap_or("?");
        syntax_err!(self.line, col, "invalid character '{}' (U+{:04X})", s, cp)
    }

    fn operator(&mut self, c: u8) -> CResult<()> {
        use Tok::*;
        let (a, b) = (self.peek(1), self.peek(2));
        let (t, n) = match c {
            b'(' => (LPar, 1),
            b')' => (RPar, 1),
            b'[' => (LSqb, 1),
            b']' => (RSqb, 1),
            b'{' => (LBrace, 1),
            b'}' => (RBrace, 1),
            b',' => (Comma, 1),
            b';' => (Semi, 1),
            b'~' => (Tilde, 1),
            b':' if a == b'=' => (ColonEqual, 2),
            b':' => (Colon, 1),
            b'.' if a == b'.' && b == b'.' => (Ellipsis, 3),
            b'.' => (Dot, 1),
            b'+' if a == b'=' => (PlusEqual, 2),
            b'+' => (Plus, 1),
            b'-' if a == b'=' => (MinEqual, 2),
            b'-' if a == b'>' => (RArrow, 2),
            b'-' => (Minus, 1),
            b'*' if a == b'*' && b == b'=' => (DoubleStarEqual, 3),
            b'*' if a == b'*' => (DoubleStar, 2),
            b'*' if a == b'=' => (StarEqual, 2),
            b'*' => (Star, 1),
            b'/' if a == b'/' && b == b'=' => (DoubleSlashEqual, 3),
            b'/' if a == b'/' => (DoubleSlash, 2),
            b'/' if a == b'=' => (SlashEqual, 2),
            b'/' => (Slash, 1),
            b'%' if a == b'=' => (PercentEqual, 2),
            b'%' => (Percent, 1),
            b'@' if a == b'=' => (AtEqual, 2),
            b'@' => (At, 1),
            b'&' if a == b'=' => (AmperEqual, 2),
            b'&' => (Amper, 1),
            b'|' if a == b'=' => (VBarEqual, 2),
            b'|' => (VBar, 1),
            b'^' if a == b'=' => (CircumflexEqual, 2),
            b'^' => (Circumflex, 1),
            b'=' if a == b'=' => (EqEqual, 2),
            b'=' => (Equal, 1),
            b'!' if a == b'=' => (NotEqual, 2),
            b'<' if a == b'<' && b == b'=' => (LeftShiftEqual, 3),
            b'<' if a == b'<' => (LeftShift, 2),
            b'<' if a == b'=' => (LessEqual, 2),
            b'<' if a == b'>' => return Err(self.err_here(self.pos, "invalid syntax")),
            b'<' => (Less, 1),
            b'>' if a == b'>' && b == b'=' => (RightShiftEqual, 3),
            b'>' if a == b'>' => (RightShift, 2),
            b'>' if a == b'=' => (GreaterEqual, 2),
            b'>' => (Greater, 1),
            _ => {
                if c < 0x20 || c == 0x7f {
                    return Err(self.bad_char(c as u32));
                }
                return Err(self.err_here(self.pos, "invalid syntax"));
            }
        };
        let start = self.pos;
        match t {
            LPar | LSqb | LBrace => {
                if self.depth >= MAX_PAREN {
                    return Err(self.err_here(start, "too many nested parentheses"));
                }
                self.brackets[self.depth] = c;
                self.bracket_at[self.depth] = (self.line, self.col_of(self.line_start, start));
                self.depth += 1;
            }
            RPar | RSqb | RBrace => {
                let base = if self.fstring_expr { 1 } else { 0 };
                if self.depth <= base {
                    if self.fstring_expr {
                        return Err(syntax_err!(
                            self.line,
                            char_col(self.src, self.line_start, start),
                            "f-string: unmatched '{}'",
                            c as char
                        ));
                    }
                    return Err(syntax_err!(
                        self.line,
                        char_col(self.src, self.line_start, start),
                        "unmatched '{}'",
                        c as char
                    ));
                }
                let open = self.brackets[self.depth - 1];
                let want = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != want {
                    let (oline, _) = self.bracket_at[self.depth - 1];
                    let col = char_col(self.src, self.line_start, start);
                    if self.fstring_expr {
                        return Err(syntax_err!(
                            self.line,
                            col,
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char,
                            open as char
                        ));
                    }
                    if oline != self.line {
                        return Err(syntax_err!(
                            self.line,
                            col,
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char,
                            open as char,
                            oline
                        ));
                    }
                    return Err(syntax_err!(
                        self.line,
                        col,
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char,
                        open as char
                    ));
                }
                self.depth -= 1;
            }
            _ => {}
        }
        self.pos += n;
        self.set(t, start, self.pos);
        Ok(())
    }

    // ---- numbers -------------------------------------------------------------

    fn number(&mut self) -> CResult<()> {
        let start = self.pos;
        let c = self.src[self.pos];
        let radix = if c == b'0' {
            match self.peek(1) | 0x20 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => 10,
            }
        } else {
            10
        };
        if radix != 10 {
            return self.radix_int(start, radix);
        }
        // Decimal int or float.
        let mut p = self.pos;
        let mut is_float = false;
        let mut nonzero = false;
        let mut leading_zero = false;
        p = self.digits(p, 10, &mut nonzero, &mut leading_zero)?;
        if p < self.end && self.src[p] == b'.' {
            is_float = true;
            p += 1;
            if p < self.end && self.src[p].is_ascii_digit() {
                let (mut a, mut b) = (false, false);
                p = self.digits(p, 10, &mut a, &mut b)?;
            }
        }
        if p < self.end && (self.src[p] | 0x20) == b'e' {
            let mut q = p + 1;
            if q < self.end && (self.src[q] == b'+' || self.src[q] == b'-') {
                q += 1;
            }
            if q < self.end && self.src[q].is_ascii_digit() {
                let (mut a, mut b) = (false, false);
                p = self.digits(q, 10, &mut a, &mut b)?;
                is_float = true;
            } else {
                // `1else`, `1e` ... decided by the end-of-number check.
                self.pos = p;
                self.end_of_number(p, "decimal")?;
                is_float = false;
            }
        }
        let imag = p < self.end && (self.src[p] | 0x20) == b'j';
        let text_end = p;
        if imag {
            p += 1;
        }
        self.end_of_number(p, "decimal")?;
        if !is_float && !imag && leading_zero && nonzero {
            return Err(syntax_err!(
                self.line,
                char_col(self.src, self.line_start, start),
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
            ));
        }
        self.pos = p;
        self.scratch.clear();
        for &b in &self.src[start..text_end] {
            if b != b'_' {
                self.scratch.push(b)?;
            }
        }
        if is_float || imag {
            let s = core::str::from_utf8(&self.scratch).unwrap_or("0");
            let f: f64 = s.parse().unwrap_or(0.0);
            self.value = obj::new_float_obj(imag, f)?;
        } else {
            self.value = self.decimal_value(start)?;
        }
        self.set(Tok::Number, start, p);
        Ok(())
    }

    /// Digits of `radix` with single underscores between them, from `p`.
    fn digits(&self, mut p: usize, radix: u32, nonzero: &mut bool, leading_zero: &mut bool) -> CResult<usize> {
        let first = p;
        while p < self.end {
            let b = self.src[p];
            if (b as char).is_digit(radix) {
                if p == first && b == b'0' {
                    *leading_zero = true;
                }
                if b != b'0' {
                    *nonzero = true;
                }
                p += 1;
            } else if b == b'_' && p > first {
                if p + 1 < self.end && (self.src[p + 1] as char).is_digit(radix) {
                    p += 1;
                } else {
                    return Err(self.err_here(p, radix_msg(radix)));
                }
            } else {
                break;
            }
        }
        Ok(p)
    }

    /// A number must not run into an identifier (`1abc`), except for the
    /// keywords CPython allows there (`1if x else 2`).
    fn end_of_number(&self, p: usize, kind: &str) -> CResult<()> {
        let start = self.tok_start_guess(p);
        if p >= self.end {
            return Ok(());
        }
        let b = self.src[p];
        if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
            let rest = &self.src[p..self.end];
            for kw in [&b"and"[..], b"else", b"for", b"if", b"in", b"is", b"not", b"or"] {
                if rest.starts_with(kw) {
                    return Ok(());
                }
            }
            return Err(syntax_err!(self.line, char_col(self.src, self.line_start, start), "invalid {kind} literal"));
        }
        Ok(())
    }

    /// The start of the number being scanned, which ends at `p` (numbers
    /// are contiguous, so scan back over number characters).
    fn tok_start_guess(&self, p: usize) -> usize {
        let mut s = p.min(self.end);
        while s > self.line_start && {
            let b = self.src[s - 1];
            b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
        } {
            s -= 1;
        }
        s
    }

    fn decimal_value(&mut self, start: usize) -> CResult<Value> {
        let mut v: isize = 0;
        let mut small = true;
        for &b in self.scratch.iter() {
            let d = (b - b'0') as isize;
            match v.checked_mul(10).and_then(|x| x.checked_add(d)) {
                Some(x) if x <= Value::SMALL_INT_MAX => v = x,
                _ => {
                    small = false;
                    break;
                }
            }
        }
        if small {
            return Ok(Value::small_int(v).unwrap_or(Value::NONE));
        }
        let ndigits = self.scratch.len();
        if ndigits > MAX_INT_DIGITS {
            return Err(syntax_err!(
                self.line,
                char_col(self.src, self.line_start, start),
                "Exceeds the limit ({}) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                MAX_INT_DIGITS,
                ndigits
            ));
        }
        self.limbs.clear();
        let mut i = 0;
        while i < ndigits {
            let take = (ndigits - i).min(9);
            let mut chunk: u64 = 0;
            for k in 0..take {
                chunk = chunk * 10 + (self.scratch[i + k] - b'0') as u64;
            }
            mul_add(&mut self.limbs, 10u64.pow(take as u32), chunk)?;
            i += take;
        }
        Ok(obj::new_int_obj(false, &self.limbs)?)
    }

    fn radix_int(&mut self, start: usize, radix: u32) -> CResult<()> {
        let kind = match radix {
            16 => "hexadecimal",
            8 => "octal",
            _ => "binary",
        };
        let mut p = start + 2;
        if p < self.end && self.src[p] == b'_' {
            p += 1;
        }
        let first = p;
        let (mut a, mut b) = (false, false);
        p = self.digits(p, radix, &mut a, &mut b)?;
        if p < self.end && self.src[p].is_ascii_digit() {
            return Err(syntax_err!(
                self.line,
                char_col(self.src, self.line_start, p),
                "invalid digit '{}' in {} literal",
                self.src[p] as char,
                kind
            ));
        }
        if p == first {
            return Err(syntax_err!(self.line, char_col(self.src, self.line_start, p - 1), "invalid {} literal", kind));
        }
        self.end_of_number(p, kind)?;
        self.pos = p;
        let bits = radix.trailing_zeros();
        // Power-of-two radix: append bits, linear in the literal's length.
        self.limbs.clear();
        let mut acc: u64 = 0;
        let mut nacc = 0u32;
        let mut i = p;
        while i > first {
            i -= 1;
            let ch = self.src[i];
            if ch == b'_' {
                continue;
            }
            let d = (ch as char).to_digit(radix).unwrap_or(0) as u64;
            acc |= d << nacc;
            nacc += bits;
            if nacc >= 32 {
                self.limbs.push(acc as u32)?;
                acc >>= 32;
                nacc -= 32;
            }
        }
        if nacc > 0 {
            self.limbs.push(acc as u32)?;
        }
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        let mut v: u128 = 0;
        let fits = self.limbs.len() <= 2;
        if fits {
            for (k, &l) in self.limbs.iter().enumerate() {
                v |= (l as u128) << (32 * k);
            }
        }
        self.value = match (fits, isize::try_from(v).ok().and_then(Value::small_int)) {
            (true, Some(val)) => val,
            _ => obj::new_int_obj(false, &self.limbs)?,
        };
        self.set(Tok::Number, start, p);
        Ok(())
    }

    // ---- strings ---------------------------------------------------------------

    /// Scans a string literal whose prefix (flags `f`) starts at `start` and
    /// whose opening quote is at `self.pos`.
    fn string(&mut self, start: usize, f: u8) -> CResult<()> {
        let q = self.src[self.pos];
        let triple = self.peek(1) == q && self.peek(2) == q;
        let mut flags = f;
        if triple {
            flags |= sflag::TRIPLE;
            self.pos += 3;
        } else {
            self.pos += 1;
        }
        let (sline, sls) = (self.line, self.line_start);
        let body_start = self.pos;
        self.strbuf.clear();
        let raw = f & sflag::RAW != 0;
        let bytes = f & sflag::BYTES != 0;
        let mut bad_escape: Option<()> = None;
        let fstr = f & sflag::FSTRING != 0;
        loop {
            if self.pos >= self.end {
                let col = char_col(self.src, sls, start);
                if self.fstring_expr {
                    return Err(syntax_err!(sline, col, "f-string: unterminated string"));
                }
                if triple {
                    // The last line is the one holding the last character.
                    let at = if self.end > 0 && self.src[self.end - 1] == b'\n' { self.line - 1 } else { self.line };
                    return Err(syntax_err!(
                        sline,
                        col,
                        "unterminated triple-quoted string literal (detected at line {})",
                        at
                    ));
                }
                return Err(syntax_err!(sline, col, "unterminated string literal (detected at line {})", self.line));
            }
            let c = self.src[self.pos];
            if c == q {
                if !triple {
                    break;
                }
                if self.peek(1) == q && self.peek(2) == q {
                    break;
                }
                self.strbuf.push(c)?;
                self.pos += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                if !triple {
                    let col = char_col(self.src, sls, start);
                    if self.fstring_expr {
                        return Err(syntax_err!(sline, col, "f-string: unterminated string"));
                    }
                    return Err(syntax_err!(
                        sline,
                        col,
                        "unterminated string literal (detected at line {})",
                        self.line
                    ));
                }
                self.pos += if c == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                self.newline(self.pos);
                self.strbuf.push(b'\n')?;
                continue;
            }
            if c == b'\\' {
                if self.fstring_expr {
                    return Err(self.err_here(self.pos, "f-string expression part cannot include a backslash"));
                }
                if raw || fstr {
                    // Raw strings keep the backslash; it still escapes the quote.
                    // F-strings are decoded later, part by part.
                    self.strbuf.push(c)?;
                    self.pos += 1;
                    if self.pos < self.end {
                        let d = self.src[self.pos];
                        if d == b'\n' || d == b'\r' {
                            self.pos += if d == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                            self.newline(self.pos);
                            self.strbuf.push(b'\n')?;
                        } else {
                            self.strbuf.push(d)?;
                            self.pos += 1;
                        }
                    }
                    continue;
                }
                if self.escape(bytes, body_start).is_err() && bad_escape.is_none() {
                    // CPython reports a bad escape after the whole literal.
                    bad_escape = Some(());
                }
                continue;
            }
            if bytes && c >= 0x80 {
                return Err(syntax_err!(
                    sline,
                    char_col(self.src, sls, start),
                    "bytes can only contain ASCII literal characters"
                ));
            }
            self.strbuf.push(c)?;
            self.pos += 1;
        }
        let body_end = self.pos;
        self.pos += if triple { 3 } else { 1 };
        if bad_escape.is_some() {
            let (line, col) = (self.line, self.col_of(self.line_start, self.pos));
            CompileError::amend(|e| {
                e.line = line;
                e.col = col;
            });
            return Err(Fail);
        }
        self.sflags = flags;
        self.body = (body_start, body_end);
        let t = if fstr { Tok::FString } else { Tok::String };
        self.tok = t;
        self.tstart = start;
        self.tend = self.pos;
        self.tline = sline;
        self.tline_start = sls;
        Ok(())
    }

    /// Decodes the escape at `self.pos` (a backslash) into `strbuf`.
    fn escape(&mut self, bytes: bool, body_start: usize) -> CResult<()> {
        let at = self.pos - body_start;
        self.pos += 1;
        if self.pos >= self.end {
            return Ok(());
        }
        let c = self.src[self.pos];
        self.pos += 1;
        let simple = match c {
            b'\n' => {
                self.newline(self.pos);
                return Ok(());
            }
            b'\r' => {
                if self.peek(0) == b'\n' {
                    self.pos += 1;
                }
                self.newline(self.pos);
                return Ok(());
            }
            b'\\' => Some(b'\\'),
            b'\'' => Some(b'\''),
            b'"' => Some(b'"'),
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            _ => None,
        };
        if let Some(b) = simple {
            self.strbuf.push(b)?;
            return Ok(());
        }
        let (cp, n_hex) = match c {
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    let d = self.peek(0);
                    if (b'0'..=b'7').contains(&d) {
                        v = v * 8 + (d - b'0') as u32;
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                if bytes {
                    self.strbuf.push(v as u8)?;
                    return Ok(());
                }
                (v, 0)
            }
            b'x' => (0, 2),
            b'u' if !bytes => (0, 4),
            b'U' if !bytes => (0, 8),
            b'N' if !bytes => {
                return Err(self.err_here(self.pos - 2, "(unicode error) \\N{...} escapes are not supported"));
            }
            _ => {
                // Unknown escape: kept as written.
                self.strbuf.push(b'\\')?;
                self.pos -= 1;
                let (_, n) = char_at(self.src, self.pos);
                let s = &self.src[self.pos..self.pos + n];
                self.pos += n;
                self.strbuf.extend_from_slice(s)?;
                return Ok(());
            }
        };
        let mut cp = cp;
        if n_hex > 0 {
            for k in 0..n_hex {
                let d = self.peek(0);
                match (d as char).to_digit(16) {
                    Some(v) => {
                        cp = cp * 16 + v;
                        self.pos += 1;
                    }
                    None => {
                        let line = self.line;
                        let col = char_col(self.src, self.line_start, self.pos);
                        if bytes {
                            return Err(syntax_err!(line, col, "(value error) invalid \\x escape at position {}", at));
                        }
                        let name = match n_hex {
                            2 => "\\xXX",
                            4 => "\\uXXXX",
                            _ => "\\UXXXXXXXX",
                        };
                        return Err(syntax_err!(
                            line,
                            col,
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated {} escape",
                            at,
                            at + 1 + k,
                            name
                        ));
                    }
                }
            }
            if bytes {
                self.strbuf.push(cp as u8)?;
                return Ok(());
            }
            if cp > 0x10ffff {
                return Err(syntax_err!(
                    self.line,
                    char_col(self.src, self.line_start, self.pos),
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                    at,
                    at + 9
                ));
            }
        }
        let mut buf = [0u8; 4];
        let n = encode_utf8(cp, &mut buf);
        self.strbuf.extend_from_slice(&buf[..n])?;
        Ok(())
    }
}

fn radix_msg(radix: u32) -> &'static str {
    match radix {
        16 => "invalid hexadecimal literal",
        8 => "invalid octal literal",
        2 => "invalid binary literal",
        _ => "invalid decimal literal",
    }
}

/// Flags for a string prefix, or `None` if `w` is not one.
fn string_prefix(w: &[u8]) -> Option<u8> {
    if w.len() > 2 {
        return None;
    }
    let mut f = 0;
    for &c in w {
        let bit = match c | 0x20 {
            b'r' => sflag::RAW,
            b'b' => sflag::BYTES,
            b'f' => sflag::FSTRING,
            b'u' if w.len() == 1 => 0,
            _ => return None,
        };
        if f & bit != 0 {
            return None;
        }
        f |= bit;
    }
    if f & sflag::BYTES != 0 && f & sflag::FSTRING != 0 {
        return None;
    }
    Some(f)
}

/// limbs = limbs * m + a.
fn mul_add(limbs: &mut GcVec<u32>, m: u64, a: u64) -> Result<(), upy_heap::AllocError> {
    let mut carry = a;
    for l in limbs.iter_mut() {
        let v = (*l as u64) * m + carry;
        *l = v as u32;
        carry = v >> 32;
    }
    while carry > 0 {
        limbs.push(carry as u32)?;
        carry >>= 32;
    }
    Ok(())
}

/// Decodes escapes of a str (non-bytes) piece of source into `out`: used for
/// the literal parts of f-strings.
pub fn decode_str_piece(src: &[u8], raw: bool, out: &mut GcVec<u8>) -> CResult<()> {
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if c != b'\\' || raw {
            out.push(c)?;
            i += 1;
            continue;
        }
        i += 1;
        if i >= src.len() {
            out.push(b'\\')?;
            break;
        }
        let d = src[i];
        i += 1;
        let b = match d {
            b'\n' => continue,
            b'\\' => b'\\',
            b'\'' => b'\'',
            b'"' => b'"',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 11,
            b'0'..=b'7' => {
                let mut v = (d - b'0') as u32;
                for _ in 0..2 {
                    if i < src.len() && (b'0'..=b'7').contains(&src[i]) {
                        v = v * 8 + (src[i] - b'0') as u32;
                        i += 1;
                    }
                }
                let mut buf = [0u8; 4];
                let n = encode_utf8(v, &mut buf);
                out.extend_from_slice(&buf[..n])?;
                continue;
            }
            b'x' | b'u' | b'U' => {
                let n = match d {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for _ in 0..n {
                    match src.get(i).and_then(|&h| (h as char).to_digit(16)) {
                        Some(h) => {
                            v = v * 16 + h;
                            i += 1;
                        }
                        None => {
                            return Err(syntax_err!(
                                0,
                                0,
                                "(unicode error) 'unicodeescape' codec can't decode bytes: truncated escape"
                            ));
                        }
                    }
                }
                if v > 0x10ffff {
                    return Err(syntax_err!(
                        0,
                        0,
                        "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character"
                    ));
                }
                let mut buf = [0u8; 4];
                let k = encode_utf8(v, &mut buf);
                out.extend_from_slice(&buf[..k])?;
                continue;
            }
            b'N' => return Err(syntax_err!(0, 0, "(unicode error) \\N{{...}} escapes are not supported")),
            _ => {
                out.push(b'\\')?;
                d
            }
        };
        out.push(b)?;
    }
    Ok(())
}
