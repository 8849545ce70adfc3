//! Expressions: operators, conditional jumps, displays with unpacking,
//! calls (with the method-call fast path), subscripts, f-strings, yields.
//!
//! Invariant: left-deep chains (`a + b + c ...`, `a.b(c)[d] ...`) are walked
//! with the GC-backed spine stack, not by recursion, so their length does not
//! consume native stack; every other recursion goes through `enter()`.

use super::Compiler;
use crate::ast::{ctx, BinOp, CmpOp, Kind, ListId, NodeId, UnaryOp, NONE};
use crate::emit::bytecode::{Label, Op};
use crate::error::CResult;
use crate::value::Value;

impl Compiler<'_> {
    pub(crate) fn expr(&mut self, id: NodeId) -> CResult<()> {
        self.enter()?;
        let r = self.expr_inner(id);
        self.leave();
        r
    }

    fn exprs(&mut self, list: ListId) -> CResult<()> {
        for i in 0..self.ar.list_len(list) {
            self.expr(self.ar.list_item(list, i))?;
        }
        Ok(())
    }

    fn expr_inner(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        match n.kind {
            Kind::Constant => self.load_const(self.ar.lits[n.a as usize]),
            Kind::Name => self.name_op(n.a, ctx::LOAD),
            Kind::BinOp => self.binop_chain(id),
            Kind::Attribute | Kind::Subscript | Kind::Call => self.primary_chain(id),
            Kind::UnaryOp => {
                self.expr(n.a)?;
                self.op(match n.flag {
                    x if x == UnaryOp::Not as u8 => Op::UNARY_NOT,
                    x if x == UnaryOp::USub as u8 => Op::UNARY_NEGATIVE,
                    x if x == UnaryOp::UAdd as u8 => Op::UNARY_POSITIVE,
                    _ => Op::UNARY_INVERT,
                })
            }
            Kind::BoolOp => {
                let end = self.label()?;
                let op = if n.flag == 1 { Op::JUMP_IF_TRUE_OR_POP } else { Op::JUMP_IF_FALSE_OR_POP };
                let len = self.ar.list_len(n.a);
                for i in 0..len {
                    self.expr(self.ar.list_item(n.a, i))?;
                    if i + 1 < len {
                        self.jump(op, end)?;
                    }
                }
                self.u.em.place(end);
                Ok(())
            }
            Kind::Compare => self.compare(id),
            Kind::IfExp => {
                let (else_l, end) = (self.label()?, self.label()?);
                self.jump_if(n.a, false, else_l)?;
                self.expr(n.b)?;
                self.jump(Op::JUMP, end)?;
                self.u.em.place(else_l);
                self.expr(n.c)?;
                self.u.em.place(end);
                Ok(())
            }
            Kind::NamedExpr => {
                self.expr(n.b)?;
                self.op(Op::DUP_TOP)?;
                let t = self.ar.node(n.a);
                self.name_op(t.a, ctx::STORE)
            }
            Kind::Lambda => self.lambda(id),
            Kind::ListComp | Kind::SetComp | Kind::DictComp | Kind::GenExp => self.comprehension(id),
            Kind::Tuple => self.sequence(n.a, Op::BUILD_TUPLE),
            Kind::List => self.sequence(n.a, Op::BUILD_LIST),
            Kind::Set => self.sequence(n.a, Op::BUILD_SET),
            Kind::Dict => self.dict(n.a),
            Kind::JoinedStr => self.joined_str(n.a),
            Kind::FormattedValue => self.formatted_value(id),
            Kind::Yield => {
                if n.a != NONE {
                    self.expr(n.a)?;
                } else {
                    self.op(Op::LOAD_NONE)?;
                }
                self.op(Op::YIELD_VALUE)
            }
            Kind::YieldFrom => {
                self.expr(n.a)?;
                self.op(Op::GET_YIELD_FROM_ITER)?;
                self.op(Op::LOAD_NONE)?;
                self.op(Op::YIELD_FROM)
            }
            Kind::Await => {
                self.expr(n.a)?;
                self.await_tos()
            }
            Kind::Slice => self.slice(id),
            Kind::Starred => Err(crate::syntax_err!(n.line, n.col, "can't use starred expression here")),
            _ => Err(crate::syntax_err!(n.line, n.col, "invalid syntax")),
        }
    }

    fn binop_chain(&mut self, id: NodeId) -> CResult<()> {
        let mark = self.spine.len();
        let mut e = id;
        while self.ar.node(e).kind == Kind::BinOp {
            self.spine.push(e)?;
            e = self.ar.node(e).a;
        }
        let r = (|| {
            self.expr(e)?;
            let mut i = self.spine.len();
            while i > mark {
                i -= 1;
                let n = self.ar.node(self.spine[i]);
                self.expr(n.b)?;
                self.op_u(Op::BINARY_OP, BinOp::from_u8(n.flag) as u32)?;
            }
            Ok(())
        })();
        self.spine.truncate(mark);
        r
    }

    /// `a.b(c)[d].e ...` from the innermost atom outwards.
    fn primary_chain(&mut self, id: NodeId) -> CResult<()> {
        let mark = self.spine.len();
        let mut e = id;
        loop {
            let n = self.ar.node(e);
            match n.kind {
                Kind::Attribute | Kind::Subscript | Kind::Call => {
                    self.spine.push(e)?;
                    e = n.a;
                }
                _ => break,
            }
        }
        let r = (|| {
            self.expr(e)?;
            let mut i = self.spine.len();
            while i > mark {
                i -= 1;
                let t = self.spine[i];
                let n = self.ar.node(t);
                match n.kind {
                    Kind::Attribute => {
                        if i > mark {
                            let outer = self.ar.node(self.spine[i - 1]);
                            if outer.kind == Kind::Call && outer.a == t && self.simple_args(outer.b) {
                                self.u.em.set_line(outer.line);
                                self.op_u(Op::LOAD_METHOD, n.b)?;
                                let (np, nk) = self.simple_call_args(outer.b)?;
                                self.op_uu(Op::CALL_METHOD, np, nk)?;
                                i -= 1;
                                continue;
                            }
                        }
                        self.op_u(Op::LOAD_ATTR, n.b)?;
                    }
                    Kind::Subscript => {
                        self.subscript_index(n.b)?;
                        self.op(Op::BINARY_SUBSCR)?;
                    }
                    _ => {
                        self.u.em.set_line(n.line);
                        self.call_args(n.b, 0, false)?;
                    }
                }
            }
            Ok(())
        })();
        self.spine.truncate(mark);
        r
    }

    /// No `*args` / `**kwargs` in a call's arguments.
    fn simple_args(&self, args: ListId) -> bool {
        self.ar.list(args).iter().all(|&a| {
            let n = self.ar.node(a);
            !(n.kind == Kind::Starred || (n.kind == Kind::Keyword && n.a == NONE))
        })
    }

    /// Pushes positional args then (name, value) pairs; returns the counts.
    fn simple_call_args(&mut self, args: ListId) -> CResult<(u32, u32)> {
        let (mut np, mut nk) = (0, 0);
        for i in 0..self.ar.list_len(args) {
            let a = self.ar.list_item(args, i);
            if self.ar.node(a).kind != Kind::Keyword {
                self.expr(a)?;
                np += 1;
            }
        }
        for i in 0..self.ar.list_len(args) {
            let n = self.ar.node(self.ar.list_item(args, i));
            if n.kind == Kind::Keyword {
                self.load_qstr(n.a)?;
                self.expr(n.b)?;
                nk += 1;
            }
        }
        Ok((np, nk))
    }

    /// Arguments and the call, the callable (and `extra` positional values
    /// already pushed after it) being on the stack.
    pub(crate) fn call_args(&mut self, args: ListId, extra: u32, _method: bool) -> CResult<()> {
        if self.simple_args(args) {
            let (np, nk) = self.simple_call_args(args)?;
            return self.op_uu(Op::CALL_FUNCTION, np + extra, nk);
        }
        // General form: a positional tuple and a keyword dict.
        self.op_u(Op::BUILD_LIST, extra)?;
        for i in 0..self.ar.list_len(args) {
            let a = self.ar.list_item(args, i);
            let n = self.ar.node(a);
            match n.kind {
                Kind::Keyword => {}
                Kind::Starred => {
                    self.expr(n.a)?;
                    self.op_u(Op::LIST_EXTEND, 1)?;
                }
                _ => {
                    self.expr(a)?;
                    self.op_u(Op::LIST_APPEND, 1)?;
                }
            }
        }
        self.op(Op::LIST_TO_TUPLE)?;
        let has_kw = self.ar.list(args).iter().any(|&a| self.ar.node(a).kind == Kind::Keyword);
        if has_kw {
            self.op_u(Op::BUILD_MAP, 0)?;
            for i in 0..self.ar.list_len(args) {
                let n = self.ar.node(self.ar.list_item(args, i));
                if n.kind != Kind::Keyword {
                    continue;
                }
                if n.a == NONE {
                    self.expr(n.b)?;
                } else {
                    self.load_qstr(n.a)?;
                    self.expr(n.b)?;
                    self.op_u(Op::BUILD_MAP, 1)?;
                }
                self.op_u(Op::DICT_MERGE, 1)?;
            }
        }
        self.op_u(Op::CALL_FUNCTION_EX, has_kw as u32)
    }

    pub(crate) fn subscript_index(&mut self, s: NodeId) -> CResult<()> {
        self.expr(s)
    }

    fn slice(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        for part in [n.a, n.b] {
            if part == NONE {
                self.op(Op::LOAD_NONE)?;
            } else {
                self.expr(part)?;
            }
        }
        if n.c != NONE {
            self.expr(n.c)?;
            self.op_u(Op::BUILD_SLICE, 3)
        } else {
            self.op_u(Op::BUILD_SLICE, 2)
        }
    }

    fn compare(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        self.expr(n.a)?;
        let pairs = self.ar.list_len(n.b) / 2;
        if pairs == 1 {
            self.expr(self.ar.list_item(n.b, 1))?;
            return self.op_u(Op::COMPARE_OP, CmpOp::from_u32(self.ar.list_item(n.b, 0)) as u32);
        }
        let cleanup = self.label()?;
        let end = self.label()?;
        for k in 0..pairs {
            let op = CmpOp::from_u32(self.ar.list_item(n.b, 2 * k));
            self.expr(self.ar.list_item(n.b, 2 * k + 1))?;
            if k + 1 < pairs {
                self.op(Op::DUP_TOP)?;
                self.op(Op::ROT_THREE)?;
                self.op_u(Op::COMPARE_OP, op as u32)?;
                self.jump(Op::JUMP_IF_FALSE_OR_POP, cleanup)?;
            } else {
                self.op_u(Op::COMPARE_OP, op as u32)?;
            }
        }
        self.jump(Op::JUMP, end)?;
        self.u.em.place(cleanup);
        self.op(Op::ROT_TWO)?;
        self.op(Op::POP_TOP)?;
        self.u.em.place(end);
        Ok(())
    }

    /// Jumps to `target` when `e` is truthy (`when`) or falsy (`!when`).
    pub(crate) fn jump_if(&mut self, e: NodeId, when: bool, target: Label) -> CResult<()> {
        self.enter()?;
        let n = self.ar.node(e);
        let r = match n.kind {
            Kind::UnaryOp if n.flag == UnaryOp::Not as u8 => self.jump_if(n.a, !when, target),
            Kind::BoolOp => {
                let is_or = n.flag == 1;
                let len = self.ar.list_len(n.a);
                if is_or == when {
                    // `or` jumping on true / `and` jumping on false: any item decides.
                    for i in 0..len {
                        self.jump_if(self.ar.list_item(n.a, i), when, target)?;
                    }
                    Ok(())
                } else {
                    let skip = self.label()?;
                    for i in 0..len - 1 {
                        self.jump_if(self.ar.list_item(n.a, i), !when, skip)?;
                    }
                    self.jump_if(self.ar.list_item(n.a, len - 1), when, target)?;
                    self.u.em.place(skip);
                    Ok(())
                }
            }
            _ => {
                self.expr(e)?;
                self.jump(if when { Op::POP_JUMP_IF_TRUE } else { Op::POP_JUMP_IF_FALSE }, target)
            }
        };
        self.leave();
        r
    }

    /// A tuple, list or set display, with `*` unpacking.
    fn sequence(&mut self, items: ListId, build: Op) -> CResult<()> {
        let len = self.ar.list_len(items);
        let starred = self.ar.list(items).iter().any(|&i| self.ar.node(i).kind == Kind::Starred);
        if !starred {
            self.exprs(items)?;
            self.op_u(build, len as u32)?;
            if build == Op::BUILD_SET && len > 2 && self.ar.list(items).iter().all(|&i| self.is_const_expr(i)) {
                // CPython makes a display of 3+ constants a frozenset constant
                // merged into a new set, which lays the table out differently
                // from adding one by one: do the same so iteration order matches.
                // (The compiler also rebuilds that frozenset from its own
                // iteration order when it merges constants: the list step.)
                self.op_u(Op::BUILD_LIST, 0)?;
                self.op(Op::ROT_TWO)?;
                self.op_u(Op::LIST_EXTEND, 1)?;
                for _ in 0..2 {
                    self.op_u(Op::BUILD_SET, 0)?;
                    self.op(Op::ROT_TWO)?;
                    self.op_u(Op::SET_UPDATE, 1)?;
                }
            }
            return Ok(());
        }
        let (init, add, ext) = if build == Op::BUILD_SET {
            (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE)
        } else {
            (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND)
        };
        self.op_u(init, 0)?;
        for i in 0..len {
            let it = self.ar.list_item(items, i);
            let n = self.ar.node(it);
            if n.kind == Kind::Starred {
                self.expr(n.a)?;
                self.op_u(ext, 1)?;
            } else {
                self.expr(it)?;
                self.op_u(add, 1)?;
            }
        }
        if build == Op::BUILD_TUPLE {
            self.op(Op::LIST_TO_TUPLE)?;
        }
        Ok(())
    }

    /// An expression CPython's compiler folds to a constant: a literal, a
    /// sign applied to one, a tuple of such.
    fn is_const_expr(&self, id: NodeId) -> bool {
        let n = self.ar.node(id);
        match n.kind {
            Kind::Constant => true,
            Kind::UnaryOp if n.flag != UnaryOp::Not as u8 => self.ar.node(n.a).kind == Kind::Constant,
            Kind::Tuple => self.ar.list(n.a).iter().all(|&i| self.is_const_expr(i)),
            _ => false,
        }
    }

    fn dict(&mut self, pairs: ListId) -> CResult<()> {
        let len = self.ar.list_len(pairs) / 2;
        let unpack = (0..len).any(|k| self.ar.list_item(pairs, 2 * k) == NONE);
        if !unpack {
            for k in 0..len {
                self.expr(self.ar.list_item(pairs, 2 * k))?;
                self.expr(self.ar.list_item(pairs, 2 * k + 1))?;
            }
            return self.op_u(Op::BUILD_MAP, len as u32);
        }
        self.op_u(Op::BUILD_MAP, 0)?;
        for k in 0..len {
            let key = self.ar.list_item(pairs, 2 * k);
            let v = self.ar.list_item(pairs, 2 * k + 1);
            if key == NONE {
                self.expr(v)?;
                self.op_u(Op::DICT_UPDATE, 1)?;
            } else {
                self.expr(key)?;
                self.expr(v)?;
                self.op_u(Op::MAP_ADD, 1)?;
            }
        }
        Ok(())
    }

    fn joined_str(&mut self, parts: ListId) -> CResult<()> {
        let len = self.ar.list_len(parts);
        if len == 0 {
            return self.load_const(Value::qstr(crate::qstr::q::EMPTY));
        }
        self.exprs(parts)?;
        if len > 1 {
            self.op_u(Op::BUILD_STRING, len as u32)?;
        }
        Ok(())
    }

    fn formatted_value(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        self.expr(n.a)?;
        let mut f = match n.flag {
            b's' => 1,
            b'r' => 2,
            b'a' => 3,
            _ => 0,
        };
        if n.b != NONE {
            let spec = self.ar.node(n.b);
            self.joined_str(spec.a)?;
            f |= 4;
        }
        self.op_u(Op::FORMAT_VALUE, f)
    }
}
