//! The parser: tokens to the parse tree, by recursive descent over the Python 3
//! grammar MicroPython accepts. This file holds the parser state and the
//! statements; `expr.rs` the expressions, `fstring.rs` f-strings.
//!
//! Invariants: one token of lookahead (the lexer's current token); every
//! recursive entry goes through `enter()`, which bounds the depth so no input
//! overflows the native stack; on error the partial tree is simply dropped
//! with the arena (no cleanup needed); nothing is allocated outside the GC
//! heap.

mod expr;
mod fstring;

use crate::ast::{argkind, ctx, Arena, BinOp, Kind, ListId, NodeId, NONE};
use crate::error::{CResult, CompileError, ErrorKind, Fail};
use crate::lexer::{char_col, Lexer, Tok};
use crate::qstr::{q, QstrPool};
use crate::syntax_err;
use upy_heap::GcVec;

/// Nesting bound for recursive descent (expressions and blocks together).
/// Above the lexer's bracket limit, so that pure bracket nesting reports
/// CPython's "too many nested parentheses" at the 201st bracket.
pub const MAX_DEPTH: u32 = 300;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A module or `exec`: statements.
    Exec,
    /// `eval`: one expression list.
    Eval,
    /// One interactive statement (expression results are printed).
    Single,
}

pub struct Parser<'s, 'q, 'a> {
    pub lx: Lexer<'s, 'q>,
    pub ar: &'a mut Arena,
    depth: u32,
    /// Accumulates adjacent string literals.
    sbuf: GcVec<u8>,
    fnest: u32,
    /// Start of the last complete `test` (for "Perhaps you forgot a comma?").
    last_test: (u32, u32),
}

/// Parses a whole source. The returned node is a Module (for Eval, a Module
/// whose body is a single Expr statement; `Parser::parse` reports which).
pub fn parse(src: &[u8], qs: &mut QstrPool, ar: &mut Arena, mode: Mode) -> CResult<NodeId> {
    parse_inner(src, qs, ar, mode)
}

/// `parse` with the error details: for tools and tests.
#[allow(clippy::result_large_err)]
pub fn parse_source(src: &[u8], qs: &mut QstrPool, ar: &mut Arena, mode: Mode) -> Result<NodeId, CompileError> {
    parse(src, qs, ar, mode).map_err(|_| CompileError::take())
}

fn parse_inner(src: &[u8], qs: &mut QstrPool, ar: &mut Arena, mode: Mode) -> CResult<NodeId> {
    crate::lexer::check_source(src)?;
    let mut p = Parser { lx: Lexer::new(src, qs), ar, depth: 0, sbuf: GcVec::new(), fnest: 0, last_test: (0, 0) };
    p.lx.next_token()?;
    match mode {
        Mode::Exec => p.file_input(),
        Mode::Eval => p.eval_input(),
        Mode::Single => p.single_input(),
    }
}

impl<'s, 'q, 'a> Parser<'s, 'q, 'a> {
    // ---- helpers ------------------------------------------------------------

    #[inline]
    fn tok(&self) -> Tok {
        self.lx.tok
    }

    #[inline]
    fn advance(&mut self) -> CResult<()> {
        self.lx.next_token()
    }

    fn at(&self, t: Tok) -> bool {
        self.lx.tok == t
    }

    fn eat(&mut self, t: Tok) -> CResult<bool> {
        if self.lx.tok == t {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn pos(&self) -> (u32, u32) {
        (self.lx.tline, self.lx.tcol())
    }

    /// "invalid syntax" at the current token (or the lexer's message for the
    /// tokens CPython words specially).
    fn invalid(&self) -> Fail {
        let (line, col) = self.pos();
        match self.tok() {
            Tok::Indent => {
                // CPython reports the width of the indentation.
                let mut e = CompileError::syntax(line, col.saturating_sub(1), "unexpected indent");
                e.kind = ErrorKind::Indentation;
                e.raise()
            }
            // Two expressions side by side inside brackets: CPython's hint.
            Tok::Name | Tok::Number | Tok::String | Tok::FString | Tok::True | Tok::False | Tok::None | Tok::LBrace
                if self.lx.in_brackets() && self.last_test.0 != 0 =>
            {
                syntax_err!(self.last_test.0, self.last_test.1, "invalid syntax. Perhaps you forgot a comma?")
            }
            _ => syntax_err!(line, col, "invalid syntax"),
        }
    }

    fn expect(&mut self, t: Tok) -> CResult<()> {
        if self.eat(t)? {
            Ok(())
        } else if t == Tok::Colon || t == Tok::LPar || t == Tok::In || t == Tok::RPar && self.fnest > 0 {
            let (line, col) = self.pos();
            Err(syntax_err!(line, col, "expected '{}'", t.text()))
        } else {
            Err(self.invalid())
        }
    }

    /// Expects ':' at the end of a compound statement header.
    fn colon(&mut self) -> CResult<()> {
        if self.eat(Tok::Colon)? {
            return Ok(());
        }
        let (line, col) = self.pos();
        if matches!(self.tok(), Tok::Newline | Tok::EndMarker) {
            // CPython points just past the header.
            let col = char_col(self.lx.src, self.lx.tline_start, self.lx.tstart);
            return Err(syntax_err!(line, col, "expected ':'"));
        }
        Err(syntax_err!(line, col, "expected ':'"))
    }

    fn enter(&mut self) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let (line, col) = self.pos();
            return Err(syntax_err!(line, col, "too many nested parentheses"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn name(&mut self) -> CResult<u32> {
        if self.at(Tok::Name) {
            let v = self.lx.value.as_qstr().map(|q| q.0).unwrap_or(0);
            self.advance()?;
            Ok(v)
        } else {
            Err(self.invalid())
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn node(&mut self, kind: Kind, flag: u8, pos: (u32, u32), a: u32, b: u32, c: u32, d: u32) -> CResult<NodeId> {
        Ok(self.ar.add(kind, flag, pos.0, pos.1, a, b, c, d)?)
    }

    // ---- top level ----------------------------------------------------------

    fn file_input(&mut self) -> CResult<NodeId> {
        let m = self.ar.mark();
        let pos = (1, 1);
        loop {
            match self.tok() {
                Tok::EndMarker => break,
                Tok::Newline => self.advance()?,
                _ => self.stmt()?,
            }
        }
        let body = self.ar.finish_list(m)?;
        self.node(Kind::Module, 0, pos, body, 0, 0, 0)
    }

    fn eval_input(&mut self) -> CResult<NodeId> {
        while self.at(Tok::Newline) {
            self.advance()?;
        }
        let pos = self.pos();
        let e = self.star_expressions()?;
        while self.at(Tok::Newline) {
            self.advance()?;
        }
        if !self.at(Tok::EndMarker) {
            return Err(self.invalid());
        }
        let st = self.node(Kind::Expr, 0, pos, e, 0, 0, 0)?;
        let body = self.ar.list1(st)?;
        self.node(Kind::Module, 1, (1, 1), body, 0, 0, 0)
    }

    fn single_input(&mut self) -> CResult<NodeId> {
        while self.at(Tok::Newline) {
            self.advance()?;
        }
        let m = self.ar.mark();
        if !self.at(Tok::EndMarker) {
            self.stmt()?;
        }
        while self.at(Tok::Newline) {
            self.advance()?;
        }
        if !self.at(Tok::EndMarker) {
            let (line, col) = self.pos();
            return Err(syntax_err!(line, col, "multiple statements found while compiling a single statement"));
        }
        let body = self.ar.finish_list(m)?;
        self.node(Kind::Module, 2, (1, 1), body, 0, 0, 0)
    }

    // ---- statements -----------------------------------------------------------

    /// One statement (compound, or a line of simple statements); its node(s)
    /// are pushed onto the scratch list.
    fn stmt(&mut self) -> CResult<()> {
        self.enter()?;
        let r = match self.tok() {
            Tok::If | Tok::While | Tok::For | Tok::Try | Tok::With | Tok::Def | Tok::Class | Tok::At | Tok::Async => {
                let s = self.compound()?;
                self.ar.push_item(s)?;
                Ok(())
            }
            Tok::Indent => Err(self.invalid()),
            _ => self.simple_stmts(),
        };
        self.leave();
        r
    }

    fn simple_stmts(&mut self) -> CResult<()> {
        loop {
            let s = self.simple_stmt()?;
            self.ar.push_item(s)?;
            if self.eat(Tok::Semi)? {
                if matches!(self.tok(), Tok::Newline | Tok::EndMarker) {
                    break;
                }
                continue;
            }
            break;
        }
        if self.at(Tok::EndMarker) {
            return Ok(());
        }
        if !self.eat(Tok::Newline)? {
            return Err(self.invalid());
        }
        Ok(())
    }

    /// The body after ':' of a compound statement that began at `head_line`.
    fn block(&mut self, what: &str, head_line: u32) -> CResult<ListId> {
        let m = self.ar.mark();
        if self.eat(Tok::Newline)? {
            if !self.eat(Tok::Indent)? {
                let (line, col) = self.pos();
                let mut e = CompileError::new(
                    ErrorKind::Indentation,
                    line,
                    col,
                    format_args!("expected an indented block after {} on line {}", what, head_line),
                );
                e.kind = ErrorKind::Indentation;
                return Err(e.raise());
            }
            while !self.at(Tok::Dedent) && !self.at(Tok::EndMarker) {
                self.stmt()?;
            }
            self.eat(Tok::Dedent)?;
        } else {
            self.simple_stmts()?;
        }
        Ok(self.ar.finish_list(m)?)
    }

    fn simple_stmt(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        match self.tok() {
            Tok::Pass => {
                self.advance()?;
                self.node(Kind::Pass, 0, pos, 0, 0, 0, 0)
            }
            Tok::Break => {
                self.advance()?;
                self.node(Kind::Break, 0, pos, 0, 0, 0, 0)
            }
            Tok::Continue => {
                self.advance()?;
                self.node(Kind::Continue, 0, pos, 0, 0, 0, 0)
            }
            Tok::Return => {
                self.advance()?;
                let v = if self.at_stmt_end() { NONE } else { self.star_expressions()? };
                self.node(Kind::Return, 0, pos, v, 0, 0, 0)
            }
            Tok::Raise => {
                self.advance()?;
                let (mut exc, mut cause) = (NONE, NONE);
                if !self.at_stmt_end() {
                    exc = self.test()?;
                    if self.eat(Tok::From)? {
                        cause = self.test()?;
                    }
                }
                self.node(Kind::Raise, 0, pos, exc, cause, 0, 0)
            }
            Tok::Global | Tok::Nonlocal => {
                let kind = if self.at(Tok::Global) { Kind::Global } else { Kind::Nonlocal };
                self.advance()?;
                let m = self.ar.mark();
                loop {
                    let n = self.name()?;
                    self.ar.push_item(n)?;
                    if !self.eat(Tok::Comma)? {
                        break;
                    }
                }
                let l = self.ar.finish_list(m)?;
                self.node(kind, 0, pos, l, 0, 0, 0)
            }
            Tok::Del => {
                self.advance()?;
                let m = self.ar.mark();
                loop {
                    let t = self.bitor_or_star()?;
                    self.set_ctx(t, ctx::DEL)?;
                    self.ar.push_item(t)?;
                    if !self.eat(Tok::Comma)? || self.at_stmt_end() {
                        break;
                    }
                }
                let l = self.ar.finish_list(m)?;
                self.node(Kind::Delete, 0, pos, l, 0, 0, 0)
            }
            Tok::Assert => {
                self.advance()?;
                let t = self.test()?;
                let msg = if self.eat(Tok::Comma)? { self.test()? } else { NONE };
                self.node(Kind::Assert, 0, pos, t, msg, 0, 0)
            }
            Tok::Import => self.import_name(),
            Tok::From => self.import_from(),
            _ => self.expr_stmt(),
        }
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Semi | Tok::EndMarker)
    }

    fn dotted_name(&mut self) -> CResult<u32> {
        let first = self.name()?;
        if !self.at(Tok::Dot) {
            return Ok(first);
        }
        self.sbuf.clear();
        let qs = &*self.lx.qs;
        let s = qs.get(crate::qstr::Qstr(first));
        self.sbuf.extend_from_slice(s)?;
        while self.eat(Tok::Dot)? {
            let n = self.name()?;
            self.sbuf.push(b'.')?;
            let s = self.lx.qs.get(crate::qstr::Qstr(n));
            self.sbuf.extend_from_slice(s)?;
        }
        Ok(self.lx.qs.intern(&self.sbuf)?.0)
    }

    fn import_name(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        self.advance()?;
        let m = self.ar.mark();
        loop {
            let apos = self.pos();
            let n = self.dotted_name()?;
            let asname = if self.eat(Tok::As)? { self.name()? } else { NONE };
            let a = self.node(Kind::Alias, 0, apos, n, asname, 0, 0)?;
            self.ar.push_item(a)?;
            if !self.eat(Tok::Comma)? {
                break;
            }
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::Import, 0, pos, l, 0, 0, 0)
    }

    fn import_from(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        self.advance()?;
        let mut level = 0u32;
        loop {
            match self.tok() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.advance()?;
        }
        let module = if self.at(Tok::Import) && level > 0 { NONE } else { self.dotted_name()? };
        self.expect(Tok::Import)?;
        let m = self.ar.mark();
        if self.at(Tok::Star) {
            let apos = self.pos();
            self.advance()?;
            let a = self.node(Kind::Alias, 0, apos, q::star.0, NONE, 0, 0)?;
            self.ar.push_item(a)?;
        } else {
            let paren = self.eat(Tok::LPar)?;
            loop {
                let apos = self.pos();
                let n = self.name()?;
                let asname = if self.eat(Tok::As)? { self.name()? } else { NONE };
                let a = self.node(Kind::Alias, 0, apos, n, asname, 0, 0)?;
                self.ar.push_item(a)?;
                if !self.eat(Tok::Comma)? {
                    break;
                }
                if paren && self.at(Tok::RPar) {
                    break;
                }
                if !paren && self.at_stmt_end() {
                    let (line, col) = self.pos();
                    return Err(syntax_err!(line, col, "trailing comma not allowed without surrounding parentheses"));
                }
            }
            if paren {
                self.expect(Tok::RPar)?;
            }
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::ImportFrom, 0, pos, module, l, level, 0)
    }

    fn expr_stmt(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let first_tok = self.tok();
        let first = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        let t = self.tok();
        if t == Tok::Equal {
            let m = self.ar.mark();
            let mut value = first;
            let mut bare_yield = first_tok == Tok::Yield;
            while self.eat(Tok::Equal)? {
                self.set_ctx_assign(value, bare_yield)?;
                self.ar.push_item(value)?;
                bare_yield = self.at(Tok::Yield);
                value = if bare_yield { self.yield_expr()? } else { self.star_expressions()? };
            }
            self.no_bare_starred(value)?;
            let targets = self.ar.finish_list(m)?;
            return self.node(Kind::Assign, 0, pos, targets, value, 0, 0);
        }
        if let Some(op) = augassign(t) {
            let n = self.ar.node(first);
            match n.kind {
                Kind::Name | Kind::Attribute | Kind::Subscript => self.set_ctx(first, ctx::STORE)?,
                _ => {
                    let what = self.describe(first);
                    return Err(syntax_err!(
                        n.line,
                        n.col,
                        "'{}' is an illegal expression for augmented assignment",
                        what
                    ));
                }
            }
            self.advance()?;
            let value = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
            return self.node(Kind::AugAssign, op as u8, pos, first, value, 0, 0);
        }
        if t == Tok::Colon {
            let n = self.ar.node(first);
            let simple = match n.kind {
                Kind::Name => 1,
                Kind::Attribute | Kind::Subscript => 0,
                Kind::Tuple => {
                    return Err(syntax_err!(n.line, n.col, "only single target (not tuple) can be annotated"))
                }
                Kind::List => return Err(syntax_err!(n.line, n.col, "only single target (not list) can be annotated")),
                _ => return Err(syntax_err!(n.line, n.col, "illegal target for annotation")),
            };
            self.set_ctx(first, ctx::STORE)?;
            self.advance()?;
            let ann = self.test()?;
            let value = if self.eat(Tok::Equal)? {
                if self.at(Tok::Yield) {
                    self.yield_expr()?
                } else {
                    self.star_expressions()?
                }
            } else {
                NONE
            };
            return self.node(Kind::AnnAssign, simple, pos, first, ann, value, 0);
        }
        self.no_bare_starred(first)?;
        // `print "x"`: CPython's friendlier message.
        let n = self.ar.node(first);
        if n.kind == Kind::Name && n.a == q::print.0 && matches!(self.tok(), Tok::String | Tok::Number | Tok::Name) {
            return Err(syntax_err!(n.line, n.col, "Missing parentheses in call to 'print'. Did you mean print(...)?"));
        }
        self.node(Kind::Expr, 0, pos, first, 0, 0, 0)
    }

    fn no_bare_starred(&self, e: NodeId) -> CResult<()> {
        let n = self.ar.node(e);
        if n.kind == Kind::Starred {
            return Err(syntax_err!(n.line, n.col, "can't use starred expression here"));
        }
        Ok(())
    }

    // ---- compound statements ---------------------------------------------------

    fn compound(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        match self.tok() {
            Tok::If => self.if_stmt(),
            Tok::While => {
                self.advance()?;
                let test = self.named_expr()?;
                self.colon()?;
                let body = self.block("'while' statement", pos.0)?;
                let orelse = self.else_block()?;
                self.node(Kind::While, 0, pos, test, body, orelse, 0)
            }
            Tok::For => self.for_stmt(0, pos),
            Tok::Try => self.try_stmt(),
            Tok::With => self.with_stmt(0, pos),
            Tok::Def => self.funcdef(0, pos, 0),
            Tok::Class => self.classdef(0),
            Tok::At => self.decorated(),
            Tok::Async => {
                self.advance()?;
                match self.tok() {
                    Tok::Def => self.funcdef(0, pos, 1),
                    Tok::For => self.for_stmt(1, pos),
                    Tok::With => self.with_stmt(1, pos),
                    _ => Err(self.invalid()),
                }
            }
            _ => Err(self.invalid()),
        }
    }

    fn else_block(&mut self) -> CResult<ListId> {
        if self.at(Tok::Else) {
            let line = self.lx.tline;
            self.advance()?;
            self.colon()?;
            return self.block("'else' statement", line);
        }
        Ok(0)
    }

    fn if_stmt(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let what = if self.at(Tok::If) { "'if' statement" } else { "'elif' statement" };
        self.advance()?;
        let test = self.named_expr()?;
        self.colon()?;
        let body = self.block(what, pos.0)?;
        let orelse = if self.at(Tok::Elif) {
            self.enter()?;
            let e = self.if_stmt()?;
            self.leave();
            self.ar.list1(e)?
        } else {
            self.else_block()?
        };
        self.node(Kind::If, 0, pos, test, body, orelse, 0)
    }

    fn for_stmt(&mut self, is_async: u8, pos: (u32, u32)) -> CResult<NodeId> {
        self.advance()?;
        let target = self.target_list()?;
        self.expect(Tok::In)?;
        let iter = self.star_expressions()?;
        self.colon()?;
        let body = self.block("'for' statement", pos.0)?;
        let orelse = self.else_block()?;
        self.node(Kind::For, is_async, pos, target, iter, body, orelse)
    }

    /// Targets of `for` and comprehensions: a list of or-expressions.
    pub(crate) fn target_list(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let first = self.bitor_or_star()?;
        let t = if self.at(Tok::Comma) {
            let m = self.ar.mark();
            self.ar.push_item(first)?;
            while self.eat(Tok::Comma)? {
                if self.at(Tok::In) || self.at(Tok::Equal) {
                    break;
                }
                let e = self.bitor_or_star()?;
                self.ar.push_item(e)?;
            }
            let l = self.ar.finish_list(m)?;
            self.node(Kind::Tuple, ctx::LOAD, pos, l, 0, 0, 0)?
        } else {
            first
        };
        self.set_ctx_for(t)?;
        Ok(t)
    }

    fn try_stmt(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        self.advance()?;
        self.colon()?;
        let body = self.block("'try' statement", pos.0)?;
        let m = self.ar.mark();
        let mut bare_seen: Option<(u32, u32)> = None;
        while self.at(Tok::Except) {
            let hpos = self.pos();
            if let Some((l, c)) = bare_seen {
                return Err(syntax_err!(l, c, "default 'except:' must be last"));
            }
            self.advance()?;
            let (mut ty, mut name) = (NONE, NONE);
            if !self.at(Tok::Colon) {
                ty = self.test()?;
                if self.at(Tok::Comma) {
                    let first = ty;
                    let lm = self.ar.mark();
                    self.ar.push_item(first)?;
                    while self.eat(Tok::Comma)? {
                        if self.at(Tok::Colon) || self.at(Tok::As) {
                            break;
                        }
                        let e = self.test()?;
                        self.ar.push_item(e)?;
                    }
                    if self.at(Tok::As) {
                        let (line, col) = self.pos();
                        return Err(syntax_err!(line, col, "multiple exception types must be parenthesized"));
                    }
                    let l = self.ar.finish_list(lm)?;
                    ty = self.node(Kind::Tuple, ctx::LOAD, hpos, l, 0, 0, 0)?;
                }
                if self.eat(Tok::As)? {
                    name = self.name()?;
                }
            } else {
                bare_seen = Some(hpos);
            }
            self.colon()?;
            let hbody = self.block("'except' statement", hpos.0)?;
            let h = self.node(Kind::ExceptHandler, 0, hpos, ty, name, hbody, 0)?;
            self.ar.push_item(h)?;
        }
        let handlers = self.ar.finish_list(m)?;
        let orelse = if handlers != 0 { self.else_block()? } else { 0 };
        let finalbody = if self.at(Tok::Finally) {
            let line = self.lx.tline;
            self.advance()?;
            self.colon()?;
            self.block("'finally' statement", line)?
        } else {
            0
        };
        if handlers == 0 && finalbody == 0 {
            let (line, col) = self.pos();
            return Err(syntax_err!(line, col, "expected 'except' or 'finally' block"));
        }
        self.node(Kind::Try, 0, pos, body, handlers, orelse, finalbody)
    }

    fn with_stmt(&mut self, is_async: u8, pos: (u32, u32)) -> CResult<NodeId> {
        self.advance()?;
        let m = self.ar.mark();
        let mut done = false;
        if self.at(Tok::LPar) {
            // `with (a as b, c):` — or a parenthesised expression.
            let ppos = self.pos();
            self.advance()?;
            let im = self.ar.mark();
            let mut any_as = false;
            let mut trailing = false;
            loop {
                if self.at(Tok::RPar) {
                    break;
                }
                let ipos = self.pos();
                let e = self.named_expr_or_star()?;
                let t = if self.eat(Tok::As)? {
                    any_as = true;
                    let t = self.target_single()?;
                    self.set_ctx_for(t)?;
                    t
                } else {
                    NONE
                };
                let it = self.node(Kind::WithItem, 0, ipos, e, t, 0, 0)?;
                self.ar.push_item(it)?;
                trailing = false;
                if !self.eat(Tok::Comma)? {
                    break;
                }
                trailing = true;
            }
            self.expect(Tok::RPar)?;
            let n_items = self.ar.scratch.len() - im;
            if any_as || self.at(Tok::Colon) {
                done = true;
                if n_items == 0 {
                    return Err(self.invalid());
                }
            } else if self.at(Tok::As) {
                // `with (a, b) as c:` / `with (a) as c:`: one item.
                let expr = if n_items == 1 && !trailing {
                    let it = self.ar.scratch[im];
                    self.ar.node(it).a
                } else {
                    let em = self.ar.mark();
                    for i in 0..n_items {
                        let it = self.ar.scratch[im + i];
                        let a = self.ar.node(it).a;
                        self.ar.push_item(a)?;
                    }
                    let l = self.ar.finish_list(em)?;
                    self.ar.scratch.truncate(im);
                    self.node(Kind::Tuple, ctx::LOAD, ppos, l, 0, 0, 0)?
                };
                self.ar.scratch.truncate(im);
                self.advance()?;
                let t = self.target_single()?;
                self.set_ctx_for(t)?;
                let it = self.node(Kind::WithItem, 0, ppos, expr, t, 0, 0)?;
                self.ar.push_item(it)?;
                if !self.eat(Tok::Comma)? {
                    done = true;
                }
            } else {
                return Err(self.invalid());
            }
        }
        if !done {
            loop {
                let ipos = self.pos();
                let e = self.test()?;
                let t = if self.eat(Tok::As)? {
                    let t = self.target_single()?;
                    self.set_ctx_for(t)?;
                    t
                } else {
                    NONE
                };
                let it = self.node(Kind::WithItem, 0, ipos, e, t, 0, 0)?;
                self.ar.push_item(it)?;
                if !self.eat(Tok::Comma)? {
                    break;
                }
            }
        }
        let items = self.ar.finish_list(m)?;
        self.colon()?;
        let body = self.block("'with' statement", pos.0)?;
        self.node(Kind::With, is_async, pos, items, body, 0, 0)
    }

    /// A `with ... as` target: a primary, or a parenthesised/bracketed tuple.
    fn target_single(&mut self) -> CResult<NodeId> {
        self.bitor_or_star()
    }

    fn decorated(&mut self) -> CResult<NodeId> {
        let m = self.ar.mark();
        while self.at(Tok::At) {
            self.advance()?;
            let d = self.named_expr()?;
            self.ar.push_item(d)?;
            self.expect(Tok::Newline)?;
        }
        let decos = self.ar.finish_list(m)?;
        let pos = self.pos();
        match self.tok() {
            Tok::Def => self.funcdef(decos, pos, 0),
            Tok::Class => self.classdef(decos),
            Tok::Async => {
                self.advance()?;
                if !self.at(Tok::Def) {
                    return Err(self.invalid());
                }
                self.funcdef(decos, pos, 1)
            }
            _ => Err(self.invalid()),
        }
    }

    fn funcdef(&mut self, decos: ListId, pos: (u32, u32), is_async: u8) -> CResult<NodeId> {
        self.advance()?; // def
        let name = self.name()?;
        if !self.at(Tok::LPar) {
            let (line, col) = self.pos();
            return Err(syntax_err!(line, col, "expected '('"));
        }
        self.advance()?;
        let args = self.parameters(Tok::RPar)?;
        self.expect(Tok::RPar)?;
        if self.eat(Tok::RArrow)? {
            self.test()?; // return annotations are not evaluated
        }
        self.colon()?;
        let body = self.block("function definition", pos.0)?;
        self.node(Kind::FunctionDef, is_async, pos, name, args, body, decos)
    }

    /// Parameters up to `end` (')' for def, ':' for lambda).
    pub(crate) fn parameters(&mut self, end: Tok) -> CResult<NodeId> {
        let pos = self.pos();
        let m = self.ar.mark();
        let annotations = end == Tok::RPar;
        let mut kind = argkind::NORMAL;
        let mut seen_default = false;
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut star_pos = (0, 0);
        let mut kwonly_after_star = false;
        let mut seen_kwarg = false;
        while !self.at(end) {
            let ppos = self.pos();
            if seen_kwarg {
                return Err(syntax_err!(ppos.0, ppos.1, "arguments cannot follow var-keyword argument"));
            }
            match self.tok() {
                Tok::Slash => {
                    if seen_slash {
                        return Err(syntax_err!(ppos.0, ppos.1, "/ may appear only once"));
                    }
                    if seen_star {
                        return Err(syntax_err!(ppos.0, ppos.1, "/ must be ahead of *"));
                    }
                    if self.ar.scratch.len() == m {
                        return Err(syntax_err!(ppos.0, ppos.1, "at least one argument must precede /"));
                    }
                    self.advance()?;
                    seen_slash = true;
                    for i in m..self.ar.scratch.len() {
                        let a = self.ar.scratch[i];
                        self.ar.node_mut(a).flag = argkind::POSONLY;
                    }
                }
                Tok::Star => {
                    if seen_star {
                        return Err(syntax_err!(ppos.0, ppos.1, "* argument may appear only once"));
                    }
                    self.advance()?;
                    seen_star = true;
                    star_pos = ppos;
                    if self.at(Tok::Name) {
                        let n = self.name()?;
                        let ann = if annotations && self.eat(Tok::Colon)? { self.test()? } else { NONE };
                        if self.at(Tok::Equal) {
                            let (line, col) = self.pos();
                            return Err(syntax_err!(line, col, "var-positional argument cannot have default value"));
                        }
                        let a = self.node(Kind::Arg, argkind::VARARG, ppos, n, NONE, ann, 0)?;
                        self.ar.push_item(a)?;
                        kwonly_after_star = true;
                    } else if !self.at(Tok::Comma) {
                        let (line, col) = if annotations { ppos } else { self.pos() };
                        return Err(syntax_err!(line, col, "named arguments must follow bare *"));
                    }
                    kind = argkind::KWONLY;
                }
                Tok::DoubleStar => {
                    self.advance()?;
                    let n = self.name()?;
                    let ann = if annotations && self.eat(Tok::Colon)? { self.test()? } else { NONE };
                    if self.at(Tok::Equal) {
                        let (line, col) = self.pos();
                        return Err(syntax_err!(line, col, "var-keyword argument cannot have default value"));
                    }
                    let a = self.node(Kind::Arg, argkind::KWARG, ppos, n, NONE, ann, 0)?;
                    self.ar.push_item(a)?;
                    seen_kwarg = true;
                }
                Tok::Name => {
                    let n = self.name()?;
                    let ann = if annotations && self.eat(Tok::Colon)? { self.test()? } else { NONE };
                    let def = if self.eat(Tok::Equal)? {
                        if kind != argkind::KWONLY {
                            seen_default = true;
                        }
                        self.test()?
                    } else {
                        if seen_default && kind != argkind::KWONLY {
                            return Err(syntax_err!(ppos.0, ppos.1, "non-default argument follows default argument"));
                        }
                        NONE
                    };
                    if kind == argkind::KWONLY {
                        kwonly_after_star = true;
                    }
                    let a = self.node(Kind::Arg, kind, ppos, n, def, ann, 0)?;
                    self.ar.push_item(a)?;
                }
                _ => return Err(self.invalid()),
            }
            if !self.eat(Tok::Comma)? {
                break;
            }
        }
        if seen_star && !kwonly_after_star {
            // CPython points at the `*` in a def, at the end in a lambda.
            let (line, col) = if annotations { star_pos } else { self.pos() };
            return Err(syntax_err!(line, col, "named arguments must follow bare *"));
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::Arguments, 0, pos, l, 0, 0, 0)
    }

    fn classdef(&mut self, decos: ListId) -> CResult<NodeId> {
        let pos = self.pos();
        self.advance()?;
        let name = self.name()?;
        let args = if self.eat(Tok::LPar)? {
            let l = self.call_args(pos)?;
            self.expect(Tok::RPar)?;
            l
        } else {
            0
        };
        self.colon()?;
        let body = self.block("class definition", pos.0)?;
        self.node(Kind::ClassDef, 0, pos, name, args, body, decos)
    }
}

fn augassign(t: Tok) -> Option<BinOp> {
    Some(match t {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mult,
        Tok::AtEqual => BinOp::MatMult,
        Tok::SlashEqual => BinOp::Div,
        Tok::PercentEqual => BinOp::Mod,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::AmperEqual => BinOp::BitAnd,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
        _ => return None,
    })
}
