//! Expressions: precedence, displays, comprehensions, calls, subscripts,
//! string literals, and the checks that turn an expression into an
//! assignment or deletion target.
//!
//! Invariant: every path that can recurse without consuming a bracket goes
//! through `enter()` (unary operators, `**`, `lambda`, `if`-`else`, `not`,
//! `await`), so the depth of the tree, and of every later walk over it, is
//! bounded by `MAX_DEPTH` per nesting level.

use super::Parser;
use crate::ast::{ctx, BinOp, CmpOp, Kind, ListId, NodeId, UnaryOp, NONE};
use crate::error::CResult;
use crate::lexer::{sflag, Tok};
use crate::obj;
use crate::qstr::{q, MAX_INTERNED_CONST};
use crate::syntax_err;
use crate::value::Value;

impl<'s, 'q, 'a> Parser<'s, 'q, 'a> {
    /// `a, *b, c` — a tuple if there is a comma, else the single expression.
    pub(crate) fn star_expressions(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let m = self.ar.mark();
        self.ar.push_item(first)?;
        while self.eat(Tok::Comma)? {
            if !self.starts_expr() {
                break;
            }
            let e = self.star_expression()?;
            self.ar.push_item(e)?;
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::Tuple, ctx::LOAD, pos, l, 0, 0, 0)
    }

    /// `*x` or an expression without an unparenthesised walrus.
    fn star_expression(&mut self) -> CResult<NodeId> {
        if self.at(Tok::Star) {
            let pos = self.pos();
            self.advance()?;
            let e = self.bitor()?;
            return self.node(Kind::Starred, ctx::LOAD, pos, e, 0, 0, 0);
        }
        self.test()
    }

    fn starts_expr(&self) -> bool {
        use Tok::*;
        matches!(
            self.tok(),
            Name | Number
                | String
                | FString
                | False
                | None
                | True
                | Lambda
                | Not
                | Await
                | LPar
                | LSqb
                | LBrace
                | Plus
                | Minus
                | Tilde
                | Star
                | Ellipsis
        )
    }

    pub(crate) fn named_expr_or_star(&mut self) -> CResult<NodeId> {
        if self.at(Tok::Star) {
            let pos = self.pos();
            self.advance()?;
            let e = self.bitor()?;
            return self.node(Kind::Starred, ctx::LOAD, pos, e, 0, 0, 0);
        }
        self.named_expr()
    }

    /// An or-expression or a starred one (targets of `for`, `del`, `with`).
    pub(crate) fn bitor_or_star(&mut self) -> CResult<NodeId> {
        if self.at(Tok::Star) {
            let pos = self.pos();
            self.advance()?;
            let e = self.bitor()?;
            return self.node(Kind::Starred, ctx::LOAD, pos, e, 0, 0, 0);
        }
        self.bitor()
    }

    /// `test` with `name := value`.
    pub(crate) fn named_expr(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let e = self.test()?;
        if self.at(Tok::ColonEqual) {
            let n = self.ar.node(e);
            if n.kind != Kind::Name {
                let what = self.describe(e);
                return Err(syntax_err!(n.line, n.col, "cannot use assignment expressions with {}", what));
            }
            self.advance()?;
            self.ar.node_mut(e).flag = ctx::STORE;
            let v = self.test()?;
            return self.node(Kind::NamedExpr, 0, pos, e, v, 0, 0);
        }
        Ok(e)
    }

    /// `or_test ['if' or_test 'else' test] | lambda`.
    pub(crate) fn test(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let r = self.test_inner()?;
        self.last_test = pos;
        Ok(r)
    }

    fn test_inner(&mut self) -> CResult<NodeId> {
        if self.at(Tok::Lambda) {
            return self.lambda(false);
        }
        let pos = self.pos();
        let body = self.or_test()?;
        if self.at(Tok::If) {
            self.enter()?;
            self.advance()?;
            let cond = self.or_test()?;
            if !self.eat(Tok::Else)? {
                self.leave();
                return Err(syntax_err!(pos.0, pos.1, "expected 'else' after 'if' expression"));
            }
            let orelse = self.test()?;
            self.leave();
            return self.node(Kind::IfExp, 0, pos, cond, body, orelse, 0);
        }
        Ok(body)
    }

    fn lambda(&mut self, nocond: bool) -> CResult<NodeId> {
        self.enter()?;
        let pos = self.pos();
        self.advance()?;
        let args = self.parameters(Tok::Colon)?;
        self.expect(Tok::Colon)?;
        let body = if nocond { self.or_test()? } else { self.test()? };
        self.leave();
        self.node(Kind::Lambda, 0, pos, args, body, 0, 0)
    }

    pub(crate) fn or_test(&mut self) -> CResult<NodeId> {
        self.bool_chain(Tok::Or)
    }

    fn bool_chain(&mut self, op: Tok) -> CResult<NodeId> {
        let pos = self.pos();
        let first = if op == Tok::Or { self.bool_chain(Tok::And)? } else { self.not_test()? };
        if !self.at(op) {
            return Ok(first);
        }
        let m = self.ar.mark();
        self.ar.push_item(first)?;
        while self.eat(op)? {
            let e = if op == Tok::Or { self.bool_chain(Tok::And)? } else { self.not_test()? };
            self.ar.push_item(e)?;
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::BoolOp, (op == Tok::Or) as u8, pos, l, 0, 0, 0)
    }

    fn not_test(&mut self) -> CResult<NodeId> {
        if self.at(Tok::Not) {
            let pos = self.pos();
            self.enter()?;
            self.advance()?;
            let e = self.not_test()?;
            self.leave();
            return self.node(Kind::UnaryOp, UnaryOp::Not as u8, pos, e, 0, 0, 0);
        }
        self.comparison()
    }

    fn comparison(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let left = self.bitor()?;
        let mut m = usize::MAX;
        loop {
            let op = match self.tok() {
                Tok::Less => CmpOp::Lt,
                Tok::Greater => CmpOp::Gt,
                Tok::EqEqual => CmpOp::Eq,
                Tok::NotEqual => CmpOp::NotEq,
                Tok::LessEqual => CmpOp::LtE,
                Tok::GreaterEqual => CmpOp::GtE,
                Tok::In => CmpOp::In,
                Tok::Is => CmpOp::Is,
                Tok::Not => CmpOp::NotIn,
                _ => break,
            };
            self.advance()?;
            let op = match op {
                CmpOp::Is if self.at(Tok::Not) => {
                    self.advance()?;
                    CmpOp::IsNot
                }
                CmpOp::NotIn => {
                    self.expect(Tok::In)?;
                    CmpOp::NotIn
                }
                o => o,
            };
            if m == usize::MAX {
                m = self.ar.mark();
            }
            self.ar.push_item(op as u32)?;
            let r = self.bitor()?;
            self.ar.push_item(r)?;
        }
        if m == usize::MAX {
            return Ok(left);
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::Compare, 0, pos, left, l, 0, 0)
    }

    pub(crate) fn bitor(&mut self) -> CResult<NodeId> {
        self.binary(1)
    }

    /// Precedence climbing over the binary operators below `**`.
    fn binary(&mut self, min: u8) -> CResult<NodeId> {
        let pos = self.pos();
        let mut left = self.factor()?;
        loop {
            let (op, prec) = match self.tok() {
                Tok::VBar => (BinOp::BitOr, 1),
                Tok::Circumflex => (BinOp::BitXor, 2),
                Tok::Amper => (BinOp::BitAnd, 3),
                Tok::LeftShift => (BinOp::LShift, 4),
                Tok::RightShift => (BinOp::RShift, 4),
                Tok::Plus => (BinOp::Add, 5),
                Tok::Minus => (BinOp::Sub, 5),
                Tok::Star => (BinOp::Mult, 6),
                Tok::Slash => (BinOp::Div, 6),
                Tok::DoubleSlash => (BinOp::FloorDiv, 6),
                Tok::Percent => (BinOp::Mod, 6),
                Tok::At => (BinOp::MatMult, 6),
                _ => break,
            };
            if prec < min {
                break;
            }
            self.advance()?;
            let right = self.binary(prec + 1)?;
            left = self.node(Kind::BinOp, op as u8, pos, left, right, 0, 0)?;
        }
        Ok(left)
    }

    fn factor(&mut self) -> CResult<NodeId> {
        let op = match self.tok() {
            Tok::Plus => UnaryOp::UAdd,
            Tok::Minus => UnaryOp::USub,
            Tok::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let pos = self.pos();
        self.enter()?;
        self.advance()?;
        let e = self.factor()?;
        self.leave();
        self.node(Kind::UnaryOp, op as u8, pos, e, 0, 0, 0)
    }

    fn power(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let base = if self.at(Tok::Await) {
            self.enter()?;
            self.advance()?;
            let e = self.primary()?;
            self.leave();
            self.node(Kind::Await, 0, pos, e, 0, 0, 0)?
        } else {
            self.primary()?
        };
        if self.at(Tok::DoubleStar) {
            self.enter()?;
            self.advance()?;
            let exp = self.factor()?;
            self.leave();
            return self.node(Kind::BinOp, BinOp::Pow as u8, pos, base, exp, 0, 0);
        }
        Ok(base)
    }

    /// An atom followed by `.name`, `(args)` and `[subscript]` trailers.
    fn primary(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let mut e = self.atom()?;
        loop {
            match self.tok() {
                Tok::Dot => {
                    self.advance()?;
                    let n = self.name()?;
                    e = self.node(Kind::Attribute, ctx::LOAD, pos, e, n, 0, 0)?;
                }
                Tok::LPar => {
                    self.enter()?;
                    let cpos = self.pos();
                    self.advance()?;
                    let args = self.call_args(cpos)?;
                    self.expect(Tok::RPar)?;
                    self.leave();
                    e = self.node(Kind::Call, 0, pos, e, args, 0, 0)?;
                }
                Tok::LSqb => {
                    self.enter()?;
                    self.advance()?;
                    let s = self.slices()?;
                    self.expect(Tok::RSqb)?;
                    self.leave();
                    e = self.node(Kind::Subscript, ctx::LOAD, pos, e, s, 0, 0)?;
                }
                _ => return Ok(e),
            }
        }
    }

    fn slices(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let first = self.slice_item()?;
        if !self.at(Tok::Comma) {
            if self.ar.node(first).kind == Kind::Starred {
                // `a[*b]` is `a[(*b,)]` (Python 3.11).
                let l = self.ar.list1(first)?;
                return self.node(Kind::Tuple, ctx::LOAD, pos, l, 0, 0, 0);
            }
            return Ok(first);
        }
        let m = self.ar.mark();
        self.ar.push_item(first)?;
        while self.eat(Tok::Comma)? {
            if self.at(Tok::RSqb) {
                break;
            }
            let e = self.slice_item()?;
            self.ar.push_item(e)?;
        }
        let l = self.ar.finish_list(m)?;
        self.node(Kind::Tuple, ctx::LOAD, pos, l, 0, 0, 0)
    }

    fn slice_item(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        let lower = if self.at(Tok::Colon) { NONE } else { self.named_expr_or_star()? };
        if !self.eat(Tok::Colon)? {
            return Ok(lower);
        }
        let upper = if matches!(self.tok(), Tok::Colon | Tok::RSqb | Tok::Comma) { NONE } else { self.test()? };
        let step = if self.eat(Tok::Colon)? {
            if matches!(self.tok(), Tok::RSqb | Tok::Comma) {
                NONE
            } else {
                self.test()?
            }
        } else {
            NONE
        };
        self.node(Kind::Slice, 0, pos, lower, upper, step, 0)
    }

    /// Call arguments up to (not including) ')'.
    pub(crate) fn call_args(&mut self, _pos: (u32, u32)) -> CResult<ListId> {
        let m = self.ar.mark();
        let (mut seen_kw, mut seen_dstar) = (false, false);
        let mut genexp: Option<(u32, u32)> = None;
        while !self.at(Tok::RPar) {
            let apos = self.pos();
            match self.tok() {
                Tok::Star => {
                    self.advance()?;
                    if seen_dstar {
                        return Err(syntax_err!(
                            apos.0,
                            apos.1,
                            "iterable argument unpacking follows keyword argument unpacking"
                        ));
                    }
                    let e = self.test()?;
                    let s = self.node(Kind::Starred, ctx::LOAD, apos, e, 0, 0, 0)?;
                    self.ar.push_item(s)?;
                }
                Tok::DoubleStar => {
                    self.advance()?;
                    let e = self.test()?;
                    let k = self.node(Kind::Keyword, 0, apos, NONE, e, 0, 0)?;
                    self.ar.push_item(k)?;
                    seen_dstar = true;
                }
                _ => {
                    let e = self.named_expr()?;
                    if self.at(Tok::Equal) {
                        let n = self.ar.node(e);
                        if n.kind != Kind::Name {
                            return Err(syntax_err!(
                                n.line,
                                n.col,
                                "expression cannot contain assignment, perhaps you meant \"==\"?"
                            ));
                        }
                        self.advance()?;
                        let v = self.test()?;
                        for i in m..self.ar.scratch.len() {
                            let other = self.ar.node(self.ar.scratch[i]);
                            if other.kind == Kind::Keyword && other.a == n.a {
                                let name = self.lx.qs.str(crate::qstr::Qstr(n.a));
                                return Err(syntax_err!(n.line, n.col, "keyword argument repeated: {}", name));
                            }
                        }
                        let k = self.node(Kind::Keyword, 0, apos, n.a, v, 0, 0)?;
                        self.ar.push_item(k)?;
                        seen_kw = true;
                    } else if matches!(self.tok(), Tok::For | Tok::Async) {
                        let g = self.comprehension(Kind::GenExp, e, NONE, apos)?;
                        genexp = Some(apos);
                        self.ar.push_item(g)?;
                    } else {
                        // CPython points just past the offending argument.
                        let (line, col) = self.pos();
                        if seen_dstar {
                            return Err(syntax_err!(
                                line,
                                col,
                                "positional argument follows keyword argument unpacking"
                            ));
                        }
                        if seen_kw {
                            return Err(syntax_err!(line, col, "positional argument follows keyword argument"));
                        }
                        self.ar.push_item(e)?;
                    }
                }
            }
            if !self.eat(Tok::Comma)? {
                break;
            }
        }
        if let Some((line, col)) = genexp {
            if self.ar.scratch.len() - m > 1 {
                return Err(syntax_err!(line, col, "Generator expression must be parenthesized"));
            }
        }
        Ok(self.ar.finish_list(m)?)
    }

    /// The generators of a comprehension whose element(s) are parsed.
    pub(crate) fn comprehension(&mut self, kind: Kind, elt: NodeId, value: NodeId, pos: (u32, u32)) -> CResult<NodeId> {
        let en = self.ar.node(elt);
        if en.kind == Kind::Starred {
            return Err(syntax_err!(en.line, en.col, "iterable unpacking cannot be used in comprehension"));
        }
        let m = self.ar.mark();
        loop {
            let gpos = self.pos();
            let is_async = if self.at(Tok::Async) {
                self.advance()?;
                1
            } else {
                0
            };
            if !self.eat(Tok::For)? {
                if is_async == 1 {
                    return Err(self.invalid());
                }
                break;
            }
            let target = self.target_list()?;
            self.expect(Tok::In)?;
            let iter = self.or_test()?;
            let im = self.ar.mark();
            while self.eat(Tok::If)? {
                let c = if self.at(Tok::Lambda) { self.lambda(true)? } else { self.or_test()? };
                self.ar.push_item(c)?;
            }
            let ifs = self.ar.finish_list(im)?;
            let g = self.node(Kind::Comprehension, is_async, gpos, target, iter, ifs, 0)?;
            self.ar.push_item(g)?;
        }
        let gens = self.ar.finish_list(m)?;
        if kind == Kind::DictComp {
            self.node(kind, 0, pos, elt, gens, value, 0)
        } else {
            self.node(kind, 0, pos, elt, gens, 0, 0)
        }
    }

    pub(crate) fn yield_expr(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        self.advance()?;
        if self.eat(Tok::From)? {
            let e = self.test()?;
            return self.node(Kind::YieldFrom, 0, pos, e, 0, 0, 0);
        }
        let v = if matches!(
            self.tok(),
            Tok::RPar | Tok::RSqb | Tok::RBrace | Tok::Newline | Tok::Semi | Tok::Equal | Tok::EndMarker
        ) {
            NONE
        } else {
            self.star_expressions()?
        };
        self.node(Kind::Yield, 0, pos, v, 0, 0, 0)
    }

    fn constant(&mut self, v: Value, pos: (u32, u32)) -> CResult<NodeId> {
        let l = self.ar.lit(v)?;
        self.node(Kind::Constant, 0, pos, l, 0, 0, 0)
    }

    fn atom(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let n = self.lx.value.as_qstr().map(|q| q.0).unwrap_or(0);
                self.advance()?;
                self.node(Kind::Name, ctx::LOAD, pos, n, 0, 0, 0)
            }
            Tok::Number => {
                let v = self.lx.value;
                self.advance()?;
                self.constant(v, pos)
            }
            Tok::None | Tok::True | Tok::False | Tok::Ellipsis => {
                let v = match self.tok() {
                    Tok::None => Value::NONE,
                    Tok::True => Value::TRUE,
                    Tok::False => Value::FALSE,
                    _ => Value::ELLIPSIS,
                };
                self.advance()?;
                self.constant(v, pos)
            }
            Tok::String | Tok::FString => self.strings(),
            Tok::LPar => {
                self.enter()?;
                self.advance()?;
                let r = self.paren(pos);
                self.leave();
                r
            }
            Tok::LSqb => {
                self.enter()?;
                self.advance()?;
                let r = self.list_display(pos);
                self.leave();
                r
            }
            Tok::LBrace => {
                self.enter()?;
                self.advance()?;
                let r = self.brace_display(pos);
                self.leave();
                r
            }
            _ => Err(self.invalid()),
        }
    }

    fn paren(&mut self, pos: (u32, u32)) -> CResult<NodeId> {
        if self.eat(Tok::RPar)? {
            return self.node(Kind::Tuple, ctx::LOAD, pos, 0, 0, 0, 0);
        }
        if self.at(Tok::Yield) {
            let y = self.yield_expr()?;
            self.expect(Tok::RPar)?;
            return Ok(y);
        }
        let first = self.named_expr_or_star()?;
        if matches!(self.tok(), Tok::For | Tok::Async) {
            let g = self.comprehension(Kind::GenExp, first, NONE, pos)?;
            self.expect(Tok::RPar)?;
            return Ok(g);
        }
        if self.at(Tok::Comma) {
            let m = self.ar.mark();
            self.ar.push_item(first)?;
            while self.eat(Tok::Comma)? {
                if self.at(Tok::RPar) {
                    break;
                }
                let e = self.named_expr_or_star()?;
                self.ar.push_item(e)?;
            }
            self.expect(Tok::RPar)?;
            let l = self.ar.finish_list(m)?;
            return self.node(Kind::Tuple, ctx::LOAD, pos, l, 0, 0, 0);
        }
        self.expect(Tok::RPar)?;
        let n = self.ar.node(first);
        if n.kind == Kind::Starred {
            return Err(syntax_err!(n.line, n.col, "cannot use starred expression here"));
        }
        Ok(first)
    }

    fn list_display(&mut self, pos: (u32, u32)) -> CResult<NodeId> {
        if self.eat(Tok::RSqb)? {
            return self.node(Kind::List, ctx::LOAD, pos, 0, 0, 0, 0);
        }
        let first = self.named_expr_or_star()?;
        if matches!(self.tok(), Tok::For | Tok::Async) {
            let c = self.comprehension(Kind::ListComp, first, NONE, pos)?;
            self.expect(Tok::RSqb)?;
            return Ok(c);
        }
        let m = self.ar.mark();
        self.ar.push_item(first)?;
        while self.eat(Tok::Comma)? {
            if self.at(Tok::RSqb) {
                break;
            }
            let e = self.named_expr_or_star()?;
            self.ar.push_item(e)?;
        }
        self.expect(Tok::RSqb)?;
        let l = self.ar.finish_list(m)?;
        self.node(Kind::List, ctx::LOAD, pos, l, 0, 0, 0)
    }

    fn brace_display(&mut self, pos: (u32, u32)) -> CResult<NodeId> {
        if self.eat(Tok::RBrace)? {
            return self.node(Kind::Dict, 0, pos, 0, 0, 0, 0);
        }
        // First item decides: dict (`k: v` or `**m`) or set.
        let m = self.ar.mark();
        let is_dict;
        if self.at(Tok::DoubleStar) {
            self.advance()?;
            let v = self.bitor()?;
            self.ar.push_item(NONE)?;
            self.ar.push_item(v)?;
            is_dict = true;
        } else {
            let k = self.named_expr_or_star()?;
            if !matches!(self.tok(), Tok::Colon | Tok::Comma | Tok::RBrace | Tok::For | Tok::Async) {
                return Err(self.invalid());
            }
            if self.eat(Tok::Colon)? {
                let kn = self.ar.node(k);
                if kn.kind == Kind::Starred {
                    return Err(syntax_err!(kn.line, kn.col, "cannot use a starred expression in a dictionary key"));
                }
                let v = self.test()?;
                if matches!(self.tok(), Tok::For | Tok::Async) {
                    let c = self.comprehension(Kind::DictComp, k, v, pos)?;
                    self.expect(Tok::RBrace)?;
                    return Ok(c);
                }
                self.ar.push_item(k)?;
                self.ar.push_item(v)?;
                is_dict = true;
            } else {
                if matches!(self.tok(), Tok::For | Tok::Async) {
                    let c = self.comprehension(Kind::SetComp, k, NONE, pos)?;
                    self.expect(Tok::RBrace)?;
                    return Ok(c);
                }
                self.ar.push_item(k)?;
                is_dict = false;
            }
        }
        while self.eat(Tok::Comma)? {
            if self.at(Tok::RBrace) {
                break;
            }
            if is_dict {
                if self.eat(Tok::DoubleStar)? {
                    let v = self.bitor()?;
                    self.ar.push_item(NONE)?;
                    self.ar.push_item(v)?;
                } else {
                    let k = self.test()?;
                    if matches!(self.tok(), Tok::Name | Tok::Number | Tok::String) {
                        return Err(self.invalid());
                    }
                    if !self.at(Tok::Colon) {
                        let n = self.ar.node(k);
                        return Err(syntax_err!(n.line, n.col, "':' expected after dictionary key"));
                    }
                    self.advance()?;
                    let v = self.test()?;
                    self.ar.push_item(k)?;
                    self.ar.push_item(v)?;
                }
            } else {
                let e = self.named_expr_or_star()?;
                self.ar.push_item(e)?;
            }
        }
        self.expect(Tok::RBrace)?;
        let l = self.ar.finish_list(m)?;
        self.node(if is_dict { Kind::Dict } else { Kind::Set }, 0, pos, l, 0, 0, 0)
    }

    /// Adjacent string literals, concatenated; a JoinedStr if any is an f-string.
    fn strings(&mut self) -> CResult<NodeId> {
        let pos = self.pos();
        self.sbuf.clear();
        let mut kind: Option<bool> = None;
        let mut mixed = false;
        let mut has_f = false;
        let m = self.ar.mark();
        while matches!(self.tok(), Tok::String | Tok::FString) {
            let bytes = self.lx.sflags & sflag::BYTES != 0;
            if kind.is_some_and(|k| k != bytes) {
                // Reported after the whole run of literals, as CPython does.
                mixed = true;
            }
            kind = Some(bytes);
            if self.at(Tok::String) {
                self.sbuf.extend_from_slice(&self.lx.strbuf)?;
            } else {
                has_f = true;
                let (s, e) = self.lx.body;
                let raw = self.lx.sflags & sflag::RAW != 0;
                let (line, ls) = (self.lx.tline, self.lx.tline_start);
                self.fstring_body(s, e, raw, line, ls).inspect_err(|_| {
                    // CPython 3.11 reports f-string scanning errors just past
                    // the literal; errors inside an expression keep their place.
                    let (end_line, end_col) = (self.lx.line(), self.lx.end_col());
                    crate::error::CompileError::amend(|err| {
                        const AT_END: [&str; 8] = [
                            "f-string: expression required before '!'",
                            "f-string: expression required before ':'",
                            "f-string: expression required before '='",
                            "f-string: empty expression not allowed",
                            "f-string: expecting '}'",
                            "f-string: single '}' is not allowed",
                            "f-string: expressions nested too deeply",
                            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        ];
                        if AT_END.contains(&err.message()) {
                            err.line = end_line;
                            err.col = end_col;
                        }
                    });
                })?;
            }
            self.advance()?;
        }
        if mixed {
            let (line, col) = self.pos();
            return Err(syntax_err!(line, col, "cannot mix bytes and nonbytes literals"));
        }
        if has_f {
            self.flush_literal(pos)?;
            let l = self.ar.finish_list(m)?;
            return self.node(Kind::JoinedStr, 0, pos, l, 0, 0, 0);
        }
        let v = if kind == Some(true) {
            obj::new_bytes_obj(&obj::CONST_BYTES_TYPE, &self.sbuf)?
        } else if self.sbuf.len() <= MAX_INTERNED_CONST {
            Value::qstr(self.lx.qs.intern(&self.sbuf)?)
        } else {
            obj::new_bytes_obj(&obj::CONST_STR_TYPE, &self.sbuf)?
        };
        self.constant(v, pos)
    }

    /// Turns the pending literal text of an f-string into a Constant part.
    pub(crate) fn flush_literal(&mut self, pos: (u32, u32)) -> CResult<()> {
        if self.sbuf.is_empty() {
            return Ok(());
        }
        let v = if self.sbuf.len() <= MAX_INTERNED_CONST {
            Value::qstr(self.lx.qs.intern(&self.sbuf)?)
        } else {
            obj::new_bytes_obj(&obj::CONST_STR_TYPE, &self.sbuf)?
        };
        self.sbuf.clear();
        let c = self.constant(v, pos)?;
        self.ar.push_item(c)?;
        Ok(())
    }

    // ---- targets -------------------------------------------------------------

    /// CPython's name for an expression in "cannot assign to ..." messages.
    pub(crate) fn describe(&self, e: NodeId) -> &'static str {
        let n = self.ar.node(e);
        match n.kind {
            Kind::Call => "function call",
            Kind::Constant => match self.ar.lits[n.a as usize] {
                v if v == Value::TRUE => "True",
                v if v == Value::FALSE => "False",
                v if v == Value::NONE => "None",
                v if v == Value::ELLIPSIS => "ellipsis",
                _ => "literal",
            },
            Kind::BinOp | Kind::UnaryOp | Kind::BoolOp => "expression",
            Kind::Compare => "comparison",
            Kind::Lambda => "lambda",
            Kind::IfExp => "conditional expression",
            Kind::NamedExpr => "named expression",
            Kind::Await => "await expression",
            Kind::Yield | Kind::YieldFrom => "yield expression",
            Kind::ListComp => "list comprehension",
            Kind::SetComp => "set comprehension",
            Kind::DictComp => "dict comprehension",
            Kind::GenExp => "generator expression",
            Kind::JoinedStr | Kind::FormattedValue => "f-string expression",
            Kind::Dict => "dict literal",
            Kind::Set => "set display",
            Kind::Tuple => "tuple",
            Kind::List => "list",
            Kind::Starred => "starred",
            Kind::Attribute => "attribute",
            Kind::Subscript => "subscript",
            Kind::Name => "name",
            _ => "expression",
        }
    }

    /// Marks `e` as a store or delete target, checking that it can be one.
    pub(crate) fn set_ctx(&mut self, e: NodeId, c: u8) -> CResult<()> {
        self.set_ctx_impl(e, c, false)
    }

    /// An assignment target (`targets = value`).
    pub(crate) fn set_ctx_assign(&mut self, e: NodeId, bare_yield: bool) -> CResult<()> {
        let n = self.ar.node(e);
        match n.kind {
            Kind::Starred => Err(syntax_err!(n.line, n.col, "starred assignment target must be in a list or tuple")),
            Kind::Yield | Kind::YieldFrom if bare_yield => {
                Err(syntax_err!(n.line, n.col, "assignment to yield expression not possible"))
            }
            Kind::Name | Kind::Attribute | Kind::Subscript | Kind::Tuple | Kind::List => {
                self.set_ctx_impl(e, ctx::STORE, false)
            }
            _ => {
                let what = self.describe(e);
                if matches!(what, "True" | "False" | "None") {
                    return Err(syntax_err!(n.line, n.col, "cannot assign to {}", what));
                }
                Err(syntax_err!(n.line, n.col, "cannot assign to {} here. Maybe you meant '==' instead of '='?", what))
            }
        }
    }

    /// A `for`/comprehension/`with` target.
    pub(crate) fn set_ctx_for(&mut self, e: NodeId) -> CResult<()> {
        let n = self.ar.node(e);
        if n.kind == Kind::Starred {
            return Err(syntax_err!(n.line, n.col, "starred assignment target must be in a list or tuple"));
        }
        self.set_ctx_impl(e, ctx::STORE, true)
    }

    fn set_ctx_impl(&mut self, e: NodeId, c: u8, _in_for: bool) -> CResult<()> {
        let n = self.ar.node(e);
        match n.kind {
            Kind::Name => {
                if n.a == q::__debug__.0 {
                    return Err(syntax_err!(n.line, n.col, "cannot assign to __debug__"));
                }
                self.ar.node_mut(e).flag = c;
                Ok(())
            }
            Kind::Attribute | Kind::Subscript => {
                self.ar.node_mut(e).flag = c;
                Ok(())
            }
            Kind::Starred => {
                if c == ctx::DEL {
                    return Err(syntax_err!(n.line, n.col, "cannot delete starred"));
                }
                self.ar.node_mut(e).flag = c;
                self.set_ctx_impl(n.a, c, _in_for)
            }
            Kind::Tuple | Kind::List => {
                self.ar.node_mut(e).flag = c;
                let len = self.ar.list_len(n.a);
                let mut stars = 0;
                for i in 0..len {
                    let item = self.ar.list_item(n.a, i);
                    if self.ar.node(item).kind == Kind::Starred {
                        stars += 1;
                    }
                    self.set_ctx_impl(item, c, _in_for)?;
                }
                if stars > 1 {
                    return Err(syntax_err!(n.line, n.col, "multiple starred expressions in assignment"));
                }
                Ok(())
            }
            _ => {
                let what = self.describe(e);
                if c == ctx::DEL {
                    Err(syntax_err!(n.line, n.col, "cannot delete {}", what))
                } else {
                    Err(syntax_err!(n.line, n.col, "cannot assign to {}", what))
                }
            }
        }
    }

    /// Whether `list` holds a keyword named `name` (for class keyword checks).
    #[allow(dead_code)]
    pub(crate) fn has_keyword(&self, list: ListId, name: u32) -> bool {
        self.ar.list(list).iter().any(|&k| {
            let n = self.ar.node(k);
            n.kind == Kind::Keyword && n.a == name
        })
    }
}
