//! F-strings: the literal parts are decoded like other strings; each
//! replacement field's expression is parsed by a sub-parser over its span of
//! the original source, so positions in errors are real source positions.
//!
//! Invariant: nesting of replacement fields inside format specs is bounded
//! (CPython's limit of two levels), and the sub-parser shares the arena and
//! the depth budget of the parser that called it.

use super::Parser;
use crate::ast::{Kind, NodeId, NONE};
use crate::error::{CResult, CompileError};
use crate::lexer::{char_col, decode_str_piece, Lexer, Tok};
use crate::syntax_err;
use upy_heap::GcVec;

impl<'s, 'q, 'a> Parser<'s, 'q, 'a> {
    /// Line and line start of byte `at`, given a position before it.
    fn line_of(&self, line: u32, ls: usize, at: usize) -> (u32, usize) {
        let (mut l, mut s) = (line, ls);
        for (k, &b) in self.lx.src[ls..at].iter().enumerate() {
            if b == b'\n' {
                l += 1;
                s = ls + k + 1;
            }
        }
        (l, s)
    }

    fn decode_piece(&mut self, a: usize, b: usize, raw: bool, line: u32, ls: usize) -> CResult<()> {
        let src = self.lx.src;
        decode_str_piece(&src[a..b], raw, &mut self.sbuf).inspect_err(|_| {
            let (l, s) = self.line_of(line, ls, a);
            CompileError::amend(|e| {
                e.line = l;
                e.col = char_col(src, s, a);
            });
        })
    }

    /// Parses the body `src[start..end]` of an f-string, pushing its parts
    /// (Constant and FormattedValue nodes) onto the scratch list; literal text
    /// accumulates in `sbuf`.
    pub(crate) fn fstring_body(&mut self, start: usize, end: usize, raw: bool, line: u32, ls: usize) -> CResult<()> {
        let src = self.lx.src;
        let mut i = start;
        let mut seg = start;
        while i < end {
            match src[i] {
                b'{' => {
                    if i + 1 < end && src[i + 1] == b'{' {
                        self.decode_piece(seg, i + 1, raw, line, ls)?;
                        i += 2;
                        seg = i;
                        continue;
                    }
                    self.decode_piece(seg, i, raw, line, ls)?;
                    i = self.fstring_field(i + 1, end, raw, line, ls)?;
                    seg = i;
                }
                b'}' => {
                    if i + 1 < end && src[i + 1] == b'}' {
                        self.decode_piece(seg, i + 1, raw, line, ls)?;
                        i += 2;
                        seg = i;
                        continue;
                    }
                    let (l, s) = self.line_of(line, ls, i);
                    return Err(syntax_err!(l, char_col(src, s, i) + 1, "f-string: single '}}' is not allowed"));
                }
                b'\\' if !raw && i + 1 < end && src[i + 1] != b'{' && src[i + 1] != b'}' => i += 2,
                _ => i += 1,
            }
        }
        self.decode_piece(seg, end.max(seg), raw, line, ls)
    }

    /// One replacement field starting after its '{'; returns the index after
    /// its '}'.
    fn fstring_field(&mut self, start: usize, end: usize, raw: bool, line: u32, ls: usize) -> CResult<usize> {
        let src = self.lx.src;
        let (fline, fls) = self.line_of(line, ls, start);
        let here = |at: usize| char_col(src, fls, at);
        if self.fnest >= 2 {
            return Err(syntax_err!(fline, here(start), "f-string: expressions nested too deeply"));
        }
        let pos = (fline, here(start));
        // Find where the expression ends.
        let (mut depth, mut quote, mut j) = (0u32, 0u8, start);
        loop {
            if j >= end {
                return Err(syntax_err!(fline, here(start), "f-string: expecting '}}'"));
            }
            let c = src[j];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
                j += 1;
                continue;
            }
            let next = if j + 1 < end { src[j + 1] } else { 0 };
            match c {
                b'\'' | b'"' => quote = c,
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth > 0 => depth -= 1,
                b'}' => break,
                b')' | b']' => return Err(syntax_err!(fline, here(j), "f-string: unmatched '{}'", c as char)),
                b'!' if depth == 0 && next != b'=' => break,
                b':' if depth == 0 => break,
                b'=' if depth == 0 && next != b'=' && j > start && !matches!(src[j - 1], b'=' | b'!' | b'<' | b'>') => {
                    break
                }
                b'\\' => {
                    return Err(syntax_err!(fline, here(j), "f-string expression part cannot include a backslash"))
                }
                _ => {}
            }
            j += 1;
        }
        if src[start..j].iter().all(|b| b.is_ascii_whitespace()) {
            if matches!(src[j], b'!' | b':' | b'=') {
                return Err(syntax_err!(fline, here(j), "f-string: expression required before '{}'", src[j] as char));
            }
            return Err(syntax_err!(fline, here(j), "f-string: empty expression not allowed"));
        }
        let e = self.sub_expr(start, j, fline, fls)?;
        let mut conv = 0u8;
        let mut debug = false;
        if src[j] == b'=' {
            debug = true;
            j += 1;
            while j < end && src[j].is_ascii_whitespace() {
                j += 1;
            }
            self.sbuf.extend_from_slice(&src[start..j])?;
        }
        self.flush_literal(pos)?;
        if j < end && src[j] == b'!' {
            j += 1;
            match if j < end { src[j] } else { 0 } {
                c @ (b's' | b'r' | b'a') => conv = c,
                _ => {
                    return Err(syntax_err!(
                        fline,
                        here(j),
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
                    ));
                }
            }
            j += 1;
            if j >= end || (src[j] != b':' && src[j] != b'}') {
                return Err(syntax_err!(fline, here(j), "f-string: expecting '}}'"));
            }
        }
        let mut spec = NONE;
        if j < end && src[j] == b':' {
            j += 1;
            let spec_start = j;
            let mut d = 0u32;
            while j < end {
                match src[j] {
                    b'{' => d += 1,
                    b'}' if d == 0 => break,
                    b'}' => d -= 1,
                    _ => {}
                }
                j += 1;
            }
            let m = self.ar.mark();
            self.fnest += 1;
            let r = self.fstring_body(spec_start, j, raw, fline, fls);
            self.fnest -= 1;
            r?;
            self.flush_literal(pos)?;
            let l = self.ar.finish_list(m)?;
            spec = self.node(Kind::JoinedStr, 0, pos, l, 0, 0, 0)?;
        }
        if j >= end || src[j] != b'}' {
            return Err(syntax_err!(fline, here(j.min(end)), "f-string: expecting '}}'"));
        }
        if debug && conv == 0 && spec == NONE {
            conv = b'r';
        }
        let f = self.node(Kind::FormattedValue, conv, pos, e, spec, 0, 0)?;
        self.ar.push_item(f)?;
        Ok(j + 1)
    }

    /// Parses `src[s..e]` as an expression list (or a yield) with a sub-parser.
    fn sub_expr(&mut self, s: usize, e: usize, line: u32, ls: usize) -> CResult<NodeId> {
        let depth = self.depth + 1;
        let fnest = self.fnest + 1;
        let src = self.lx.src;
        let mut sub = Parser {
            lx: Lexer::sub(src, s, e, line, ls, &mut *self.lx.qs),
            ar: &mut *self.ar,
            depth,
            sbuf: GcVec::new(),
            fnest,
            last_test: (0, 0),
        };
        let r = (|| {
            sub.lx.next_token()?;
            let r = if sub.at(Tok::Yield) { sub.yield_expr()? } else { sub.star_expressions()? };
            if !sub.at(Tok::EndMarker) {
                return Err(sub.invalid());
            }
            Ok(r)
        })();
        r.inspect_err(|_| {
            CompileError::amend(|err| {
                if err.msg.as_str().starts_with("invalid syntax") {
                    let mut m = crate::error::Msg::new();
                    m.push_str("f-string: ");
                    m.push_str(err.msg.as_str());
                    err.msg = m;
                }
            });
        })
    }
}
