//! Statements, and the frame-block stack that lets `return`, `break` and
//! `continue` leave loops, `try`, `except`, `finally` and `with` early.
//!
//! Invariant: an exception-handler range is open exactly while code that
//! belongs to its protected region is being emitted; leaving early closes
//! (suspends) the ranges of every block being left, innermost first, before
//! emitting their clean-up code, so an entry is always recorded before any
//! entry of a block enclosing it (the runtime takes the first match).

use super::{Compiler, FBlock, FKind, MAX_BLOCKS, NIL};
use crate::ast::{ctx, Kind, ListId, NodeId, NONE};
use crate::emit::bytecode::{Label, Op, INPLACE};
use crate::error::CResult;
use crate::parse::Mode;
use crate::qstr::{q, Qstr};
use crate::scope::ScopeKind;
use crate::syntax_err;

/// Where an early exit goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Exit {
    /// `return`, with the value on the stack.
    Return,
    Break,
    Continue,
}

impl Compiler<'_> {
    pub(crate) fn body(&mut self, list: ListId) -> CResult<()> {
        for i in 0..self.ar.list_len(list) {
            self.stmt(self.ar.list_item(list, i))?;
        }
        Ok(())
    }

    fn push_fblock(
        &mut self,
        kind: FKind,
        a: Label,
        b: Label,
        depth: u32,
        extra: u32,
        with_range: bool,
    ) -> CResult<()> {
        if self.u.fblocks.len() >= MAX_BLOCKS {
            return Err(syntax_err!(self.pos.0, self.pos.1, "too many statically nested blocks"));
        }
        let start = if with_range { self.u.em.offset() } else { NIL };
        self.u.fblocks.push(FBlock { kind, a, b, depth, start, extra })?;
        Ok(())
    }

    fn close_range(&mut self, i: usize) -> CResult<()> {
        let fb = self.u.fblocks[i];
        if fb.start != NIL {
            let here = self.u.em.offset();
            self.u.em.add_range(fb.start, here, fb.a, fb.depth)?;
            self.u.fblocks[i].start = NIL;
        }
        Ok(())
    }

    fn pop_fblock(&mut self) -> CResult<()> {
        let i = self.u.fblocks.len() - 1;
        self.close_range(i)?;
        self.u.fblocks.pop();
        Ok(())
    }

    fn has_range(kind: FKind) -> bool {
        matches!(
            kind,
            FKind::TryExcept
                | FKind::TryFinally
                | FKind::ExceptBody
                | FKind::HandlerName
                | FKind::With
                | FKind::AsyncWith
                | FKind::FinallyEnd
        )
    }

    /// Emits the clean-up for leaving every block down to the target, then
    /// the jump or return; reopens the suspended ranges afterwards.
    fn unwind(&mut self, exit: Exit) -> CResult<()> {
        let top = self.u.fblocks.len();
        let value = exit == Exit::Return;
        let mut i = top;
        let mut target: Option<FBlock> = None;
        while i > 0 {
            i -= 1;
            let fb = self.u.fblocks[i];
            match fb.kind {
                FKind::While => {
                    if !value {
                        target = Some(fb);
                        break;
                    }
                }
                FKind::For | FKind::AsyncFor => {
                    if exit == Exit::Continue {
                        target = Some(fb);
                        break;
                    }
                    if value {
                        self.op(Op::ROT_TWO)?;
                    }
                    self.op(Op::POP_TOP)?;
                    if exit == Exit::Break {
                        target = Some(fb);
                        break;
                    }
                }
                FKind::TryExcept => self.close_range(i)?,
                FKind::TryFinally => {
                    self.close_range(i)?;
                    // Inline the finally body with this block (and those
                    // inside it) set aside, so a `return` in it unwinds past.
                    let mark = self.saved.len();
                    for k in i..self.u.fblocks.len() {
                        let f = self.u.fblocks[k];
                        self.saved.push(f)?;
                    }
                    self.u.fblocks.truncate(i);
                    if value {
                        let d = self.u.em.depth();
                        self.push_fblock(FKind::PopValue, NIL, NIL, d, 0, false)?;
                    }
                    let r = self.body(fb.extra);
                    if value {
                        self.u.fblocks.pop();
                    }
                    for k in mark..self.saved.len() {
                        let f = self.saved[k];
                        self.u.fblocks.push(f)?;
                    }
                    self.saved.truncate(mark);
                    r?;
                }
                FKind::ExceptBody => {
                    self.close_range(i)?;
                    if value {
                        self.op(Op::ROT_TWO)?;
                    }
                    self.op(Op::POP_EXCEPT)?;
                }
                FKind::HandlerName => {
                    self.close_range(i)?;
                    self.op(Op::LOAD_NONE)?;
                    self.name_op(fb.extra, ctx::STORE)?;
                    self.name_op(fb.extra, ctx::DEL)?;
                }
                FKind::With | FKind::AsyncWith => {
                    self.close_range(i)?;
                    if value {
                        self.op(Op::ROT_TWO)?;
                    }
                    self.op(Op::LOAD_NONE)?;
                    self.op(Op::LOAD_NONE)?;
                    self.op(Op::LOAD_NONE)?;
                    self.op_uu(Op::CALL_FUNCTION, 3, 0)?;
                    if fb.kind == FKind::AsyncWith {
                        self.await_tos()?;
                    }
                    self.op(Op::POP_TOP)?;
                }
                FKind::PopValue => {
                    // The pending return value under a new one, or alone.
                    if value {
                        self.op(Op::ROT_TWO)?;
                    }
                    self.op(Op::POP_TOP)?;
                }
                FKind::FinallyEnd => {
                    self.close_range(i)?;
                    if value {
                        self.op(Op::ROT_TWO)?;
                        self.op(Op::POP_TOP)?;
                        self.op(Op::ROT_TWO)?;
                    } else {
                        self.op(Op::POP_TOP)?;
                    }
                    self.op(Op::POP_EXCEPT)?;
                }
            }
        }
        match exit {
            Exit::Return => self.op(Op::RETURN_VALUE)?,
            Exit::Break => self.jump(Op::JUMP, target.map(|t| t.b).unwrap_or(0))?,
            Exit::Continue => self.jump(Op::JUMP, target.map(|t| t.a).unwrap_or(0))?,
        }
        // Reopen the ranges that were suspended (the code after is unreachable,
        // but the blocks continue).
        let here = self.u.em.offset();
        for k in i..top.min(self.u.fblocks.len()) {
            if Self::has_range(self.u.fblocks[k].kind) && self.u.fblocks[k].start == NIL {
                self.u.fblocks[k].start = here;
            }
        }
        Ok(())
    }

    pub(crate) fn await_tos(&mut self) -> CResult<()> {
        self.op(Op::GET_AWAITABLE)?;
        self.op(Op::LOAD_NONE)?;
        self.op(Op::YIELD_FROM)
    }

    pub(crate) fn stmt(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        self.pos = (n.line, n.col);
        self.u.em.set_line(n.line);
        self.enter()?;
        match n.kind {
            Kind::Expr => {
                let e = self.ar.node(n.a);
                if self.mode == Mode::Single && self.scope_kind() == ScopeKind::Module {
                    self.expr(n.a)?;
                    self.op(Op::PRINT_EXPR)?;
                } else if e.kind != Kind::Constant {
                    self.expr(n.a)?;
                    self.op(Op::POP_TOP)?;
                }
            }
            Kind::Assign => {
                self.expr(n.b)?;
                let k = self.ar.list_len(n.a);
                for i in 0..k {
                    if i + 1 < k {
                        self.op(Op::DUP_TOP)?;
                    }
                    self.store(self.ar.list_item(n.a, i))?;
                }
            }
            Kind::AugAssign => self.aug_assign(id)?,
            Kind::AnnAssign => {
                if n.c != NONE {
                    self.expr(n.c)?;
                    self.store(n.a)?;
                }
            }
            Kind::Delete => {
                for i in 0..self.ar.list_len(n.a) {
                    self.delete(self.ar.list_item(n.a, i))?;
                }
            }
            Kind::Pass | Kind::Global | Kind::Nonlocal => {}
            Kind::Return => {
                if n.a != NONE {
                    self.expr(n.a)?;
                } else {
                    self.op(Op::LOAD_NONE)?;
                }
                self.unwind(Exit::Return)?;
            }
            Kind::Break => self.unwind(Exit::Break)?,
            Kind::Continue => self.unwind(Exit::Continue)?,
            Kind::If => {
                let else_l = self.label()?;
                self.jump_if(n.a, false, else_l)?;
                self.body(n.b)?;
                if n.c != 0 {
                    let end = self.label()?;
                    self.jump(Op::JUMP, end)?;
                    self.u.em.place(else_l);
                    self.body(n.c)?;
                    self.u.em.place(end);
                } else {
                    self.u.em.place(else_l);
                }
            }
            Kind::While => {
                let (start, else_l, end) = (self.label()?, self.label()?, self.label()?);
                self.u.em.place(start);
                self.jump_if(n.a, false, else_l)?;
                let d = self.u.em.depth();
                self.push_fblock(FKind::While, start, end, d, 0, false)?;
                self.body(n.b)?;
                self.pop_fblock()?;
                self.jump(Op::JUMP, start)?;
                self.u.em.place(else_l);
                self.body(n.c)?;
                self.u.em.place(end);
            }
            Kind::For => self.for_stmt(id)?,
            Kind::Try => {
                if n.d != 0 {
                    self.try_finally(id)?;
                } else {
                    self.try_except(id)?;
                }
            }
            Kind::With => self.with_stmt(id, 0)?,
            Kind::Raise => {
                let mut k = 0;
                if n.a != NONE {
                    self.expr(n.a)?;
                    k += 1;
                    if n.b != NONE {
                        self.expr(n.b)?;
                        k += 1;
                    }
                }
                self.op_u(Op::RAISE_VARARGS, k)?;
            }
            Kind::Assert => {
                let end = self.label()?;
                self.jump_if(n.a, true, end)?;
                self.op(Op::LOAD_ASSERTION_ERROR)?;
                if n.b != NONE {
                    self.expr(n.b)?;
                    self.op_uu(Op::CALL_FUNCTION, 1, 0)?;
                }
                self.op_u(Op::RAISE_VARARGS, 1)?;
                self.u.em.place(end);
            }
            Kind::Import => self.import(id)?,
            Kind::ImportFrom => self.import_from(id)?,
            Kind::FunctionDef => self.function_def(id)?,
            Kind::ClassDef => self.class_def(id)?,
            _ => return Err(syntax_err!(n.line, n.col, "invalid syntax")),
        }
        self.leave();
        Ok(())
    }

    fn aug_assign(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let t = self.ar.node(n.a);
        let op = n.flag as u32 + INPLACE;
        match t.kind {
            Kind::Name => {
                self.name_op(t.a, ctx::LOAD)?;
                self.expr(n.b)?;
                self.op_u(Op::BINARY_OP, op)?;
                self.name_op(t.a, ctx::STORE)
            }
            Kind::Attribute => {
                self.expr(t.a)?;
                self.op(Op::DUP_TOP)?;
                self.op_u(Op::LOAD_ATTR, t.b)?;
                self.expr(n.b)?;
                self.op_u(Op::BINARY_OP, op)?;
                self.op(Op::ROT_TWO)?;
                self.op_u(Op::STORE_ATTR, t.b)
            }
            _ => {
                self.expr(t.a)?;
                self.subscript_index(t.b)?;
                self.op(Op::DUP_TOP_TWO)?;
                self.op(Op::BINARY_SUBSCR)?;
                self.expr(n.b)?;
                self.op_u(Op::BINARY_OP, op)?;
                self.op(Op::ROT_THREE)?;
                self.op(Op::STORE_SUBSCR)
            }
        }
    }

    /// Stores the value on top of the stack into a target.
    pub(crate) fn store(&mut self, t: NodeId) -> CResult<()> {
        let n = self.ar.node(t);
        match n.kind {
            Kind::Name => self.name_op(n.a, ctx::STORE),
            Kind::Attribute => {
                self.expr(n.a)?;
                self.op_u(Op::STORE_ATTR, n.b)
            }
            Kind::Subscript => {
                self.expr(n.a)?;
                self.subscript_index(n.b)?;
                self.op(Op::STORE_SUBSCR)
            }
            Kind::Starred => self.store(n.a),
            Kind::Tuple | Kind::List => {
                self.enter()?;
                let len = self.ar.list_len(n.a);
                let star = (0..len).position(|i| self.ar.node(self.ar.list_item(n.a, i)).kind == Kind::Starred);
                match star {
                    Some(s) => self.op_uu(Op::UNPACK_EX, s as u32, (len - s - 1) as u32)?,
                    None => self.op_u(Op::UNPACK_SEQUENCE, len as u32)?,
                }
                for i in 0..len {
                    self.store(self.ar.list_item(n.a, i))?;
                }
                self.leave();
                Ok(())
            }
            _ => Err(syntax_err!(n.line, n.col, "cannot assign to expression")),
        }
    }

    fn delete(&mut self, t: NodeId) -> CResult<()> {
        let n = self.ar.node(t);
        match n.kind {
            Kind::Name => self.name_op(n.a, ctx::DEL),
            Kind::Attribute => {
                self.expr(n.a)?;
                self.op_u(Op::DELETE_ATTR, n.b)
            }
            Kind::Subscript => {
                self.expr(n.a)?;
                self.subscript_index(n.b)?;
                self.op(Op::DELETE_SUBSCR)
            }
            Kind::Tuple | Kind::List => {
                for i in 0..self.ar.list_len(n.a) {
                    self.delete(self.ar.list_item(n.a, i))?;
                }
                Ok(())
            }
            _ => Err(syntax_err!(n.line, n.col, "cannot delete expression")),
        }
    }

    fn for_stmt(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let is_async = n.flag != 0;
        self.expr(n.b)?;
        self.op(if is_async { Op::GET_AITER } else { Op::GET_ITER })?;
        let (start, cleanup, end) = (self.label()?, self.label()?, self.label()?);
        self.u.em.place(start);
        let d = self.u.em.depth();
        if is_async {
            let handler = self.label()?;
            let rs = self.u.em.offset();
            self.op(Op::GET_ANEXT)?;
            self.op(Op::LOAD_NONE)?;
            self.op(Op::YIELD_FROM)?;
            let re = self.u.em.offset();
            self.u.em.add_range(rs, re, handler, d)?;
            self.store(n.a)?;
            self.push_fblock(FKind::AsyncFor, start, end, d, 0, false)?;
            self.body(n.c)?;
            self.pop_fblock()?;
            self.jump(Op::JUMP, start)?;
            self.u.em.place_handler(handler, d);
            self.op(Op::END_ASYNC_FOR)?;
            self.u.em.place(cleanup);
        } else {
            self.jump(Op::FOR_ITER, cleanup)?;
            self.store(n.a)?;
            self.push_fblock(FKind::For, start, end, d, 0, false)?;
            self.body(n.c)?;
            self.pop_fblock()?;
            self.jump(Op::JUMP, start)?;
            self.u.em.place(cleanup);
        }
        self.body(n.d)?;
        self.u.em.place(end);
        Ok(())
    }

    fn try_except(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let (handler, end, cleanup) = (self.label()?, self.label()?, self.label()?);
        let d = self.u.em.depth();
        self.push_fblock(FKind::TryExcept, handler, NIL, d, 0, true)?;
        self.body(n.a)?;
        self.pop_fblock()?;
        self.body(n.c)?;
        self.jump(Op::JUMP, end)?;

        self.u.em.place_handler(handler, d);
        self.op(Op::PUSH_EXC_INFO)?;
        self.push_fblock(FKind::ExceptBody, cleanup, NIL, d + 1, 0, true)?;
        for i in 0..self.ar.list_len(n.b) {
            let h = self.ar.node(self.ar.list_item(n.b, i));
            self.pos = (h.line, h.col);
            self.u.em.set_line(h.line);
            let next = self.label()?;
            if h.a != NONE {
                self.expr(h.a)?;
                self.op(Op::CHECK_EXC_MATCH)?;
                self.jump(Op::POP_JUMP_IF_FALSE, next)?;
            }
            if h.b != NONE {
                self.name_op(h.b, ctx::STORE)?;
                let name_cleanup = self.label()?;
                self.push_fblock(FKind::HandlerName, name_cleanup, NIL, d + 1, h.b, true)?;
                self.body(h.c)?;
                self.pop_fblock()?;
                self.op(Op::POP_EXCEPT)?;
                self.op(Op::LOAD_NONE)?;
                self.name_op(h.b, ctx::STORE)?;
                self.name_op(h.b, ctx::DEL)?;
                self.jump(Op::JUMP, end)?;
                // An exception in the body: clear the name, re-raise into `cleanup`.
                self.u.em.place_handler(name_cleanup, d + 1);
                self.op(Op::LOAD_NONE)?;
                self.name_op(h.b, ctx::STORE)?;
                self.name_op(h.b, ctx::DEL)?;
                self.op(Op::RERAISE)?;
            } else {
                self.op(Op::POP_TOP)?;
                self.body(h.c)?;
                self.op(Op::POP_EXCEPT)?;
                self.jump(Op::JUMP, end)?;
            }
            // The next clause sees prev, exc.
            self.u.em.place_handler(next, d + 1);
        }
        // No clause matched: re-raise (into `cleanup`).
        self.op(Op::RERAISE)?;
        self.pop_fblock()?;
        self.u.em.place_handler(cleanup, d + 1);
        self.op(Op::ROT_TWO)?;
        self.op(Op::POP_EXCEPT)?;
        self.op(Op::RERAISE)?;
        self.u.em.place(end);
        Ok(())
    }

    fn try_finally(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let (handler, end, cleanup) = (self.label()?, self.label()?, self.label()?);
        let d = self.u.em.depth();
        self.push_fblock(FKind::TryFinally, handler, NIL, d, n.d, true)?;
        if n.b != 0 {
            self.try_except(id)?;
        } else {
            self.body(n.a)?;
        }
        self.pop_fblock()?;
        self.body(n.d)?;
        self.jump(Op::JUMP, end)?;

        self.u.em.place_handler(handler, d);
        self.op(Op::PUSH_EXC_INFO)?;
        self.push_fblock(FKind::FinallyEnd, cleanup, NIL, d + 1, 0, true)?;
        self.body(n.d)?;
        // The re-raise is inside the cleanup's range, so the handled
        // exception the handler saved is restored on the way out.
        self.op(Op::RERAISE)?;
        self.pop_fblock()?;
        self.u.em.place_handler(cleanup, d + 1);
        self.op(Op::ROT_TWO)?;
        self.op(Op::POP_EXCEPT)?;
        self.op(Op::RERAISE)?;
        self.u.em.place(end);
        Ok(())
    }

    fn with_stmt(&mut self, id: NodeId, k: usize) -> CResult<()> {
        let n = self.ar.node(id);
        let is_async = n.flag != 0;
        let item = self.ar.node(self.ar.list_item(n.a, k));
        let d = self.u.em.depth();
        self.expr(item.a)?;
        if is_async {
            self.op(Op::BEFORE_ASYNC_WITH)?;
            self.await_tos()?;
        } else {
            self.op(Op::BEFORE_WITH)?;
        }
        let (handler, end, cleanup, suppress) = (self.label()?, self.label()?, self.label()?, self.label()?);
        let kind = if is_async { FKind::AsyncWith } else { FKind::With };
        self.push_fblock(kind, handler, NIL, d + 1, 0, true)?;
        if item.b != NONE {
            self.store(item.b)?;
        } else {
            self.op(Op::POP_TOP)?;
        }
        if k + 1 < self.ar.list_len(n.a) {
            self.enter()?;
            self.with_stmt(id, k + 1)?;
            self.leave();
        } else {
            self.body(n.b)?;
        }
        self.pop_fblock()?;
        self.op(Op::LOAD_NONE)?;
        self.op(Op::LOAD_NONE)?;
        self.op(Op::LOAD_NONE)?;
        self.op_uu(Op::CALL_FUNCTION, 3, 0)?;
        if is_async {
            self.await_tos()?;
        }
        self.op(Op::POP_TOP)?;
        self.jump(Op::JUMP, end)?;

        // exit, exc
        self.u.em.place_handler(handler, d + 1);
        self.op(Op::PUSH_EXC_INFO)?;
        let rs = self.u.em.offset();
        self.op(Op::WITH_EXCEPT_START)?;
        if is_async {
            self.await_tos()?;
        }
        self.jump(Op::POP_JUMP_IF_TRUE, suppress)?;
        self.op(Op::RERAISE)?;
        self.u.em.place(suppress);
        self.op(Op::POP_TOP)?;
        self.op(Op::POP_EXCEPT)?;
        self.op(Op::POP_TOP)?;
        let re = self.u.em.offset();
        self.u.em.add_range(rs, re, cleanup, d + 2)?;
        self.jump(Op::JUMP, end)?;
        self.u.em.place_handler(cleanup, d + 2);
        self.op(Op::ROT_TWO)?;
        self.op(Op::POP_EXCEPT)?;
        self.op(Op::RERAISE)?;
        self.u.em.place(end);
        Ok(())
    }

    fn import(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        for i in 0..self.ar.list_len(n.a) {
            let a = self.ar.node(self.ar.list_item(n.a, i));
            self.load_const(crate::value::Value::small_int(0).unwrap_or(crate::value::Value::NONE))?;
            self.op(Op::LOAD_NONE)?;
            self.op_u(Op::IMPORT_NAME, a.a)?;
            let dotted = self.qs.get(Qstr(a.a)).contains(&b'.');
            if a.b != NONE {
                if dotted {
                    // `import a.b.c as d`: walk down to c.
                    let mut start = 0;
                    let len = self.qs.get(Qstr(a.a)).len();
                    let mut first = true;
                    while start < len {
                        let s = self.qs.get(Qstr(a.a));
                        let e = s[start..].iter().position(|&b| b == b'.').map(|p| start + p).unwrap_or(len);
                        if !first {
                            let part = self.intern_slice(a.a, start, e)?;
                            self.op_u(Op::IMPORT_FROM, part)?;
                            self.op(Op::ROT_TWO)?;
                            self.op(Op::POP_TOP)?;
                        }
                        first = false;
                        start = e + 1;
                    }
                }
                self.name_op(a.b, ctx::STORE)?;
            } else {
                let s = self.qs.get(Qstr(a.a));
                let first = match s.iter().position(|&b| b == b'.') {
                    Some(k) => self.intern_slice(a.a, 0, k)?,
                    None => a.a,
                };
                self.name_op(first, ctx::STORE)?;
            }
        }
        Ok(())
    }

    /// Interns bytes `s..e` of qstr `qn`.
    fn intern_slice(&mut self, qn: u32, s: usize, e: usize) -> CResult<u32> {
        // Copy out through a GC buffer: the pool may grow while interning.
        let mut tmp: upy_heap::GcVec<u8> = upy_heap::GcVec::new();
        tmp.extend_from_slice(&self.qs.get(Qstr(qn))[s..e])?;
        Ok(self.qs.intern(&tmp)?.0)
    }

    fn import_from(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        self.load_const(crate::value::Value::small_int(n.c as isize).unwrap_or(crate::value::Value::NONE))?;
        let count = self.ar.list_len(n.b);
        for i in 0..count {
            let a = self.ar.node(self.ar.list_item(n.b, i));
            self.load_qstr(a.a)?;
        }
        self.op_u(Op::BUILD_TUPLE, count as u32)?;
        let module = if n.a == NONE { q::EMPTY.0 } else { n.a };
        self.op_u(Op::IMPORT_NAME, module)?;
        let first = self.ar.node(self.ar.list_item(n.b, 0));
        if count == 1 && first.a == q::star.0 {
            return self.op(Op::IMPORT_STAR);
        }
        for i in 0..count {
            let a = self.ar.node(self.ar.list_item(n.b, i));
            self.op_u(Op::IMPORT_FROM, a.a)?;
            self.name_op(if a.b != NONE { a.b } else { a.a }, ctx::STORE)?;
        }
        self.op(Op::POP_TOP)
    }
}
