//! Code generation: the parse tree plus scope analysis to code objects.
//! This file holds the driver (`compile`), compilation units (one per code
//! object), constants, names, functions and classes; `stmt.rs` the
//! statements, with the frame-block stack that unwinds `return`/`break`/
//! `continue` through `finally`, `with` and handlers; `expr.rs` the
//! expressions.
//!
//! Invariants: every buffer is a GC block (units, constants, the spine stack
//! used to walk left-deep chains without recursion); a finished child code
//! object is held in its parent's constant table before anything else is
//! allocated; the frame-block stack never exceeds `MAX_BLOCKS` (CPython's 20);
//! recursion is bounded by the parser's depth limit.

mod expr;
mod stmt;

use crate::ast::{Arena, Kind, NodeId, NONE};
use crate::emit::bytecode::{Emitter, Label, Op};
use crate::error::{CResult, CompileError};
use crate::obj::{self, flags, CodeParts};
use crate::parse::{self, Mode};
use crate::qstr::{q, Qstr, QstrPool};
use crate::scope::{self, sflags, sym, Access, ScopeKind, Scopes};
use crate::state::Ctx;
use crate::syntax_err;
use crate::value::Value;
use upy_heap::GcVec;

/// CPython's CO_MAXBLOCKS.
pub const MAX_BLOCKS: usize = 20;
/// Bound on compiler recursion (the parser's bound keeps real programs far below).
const MAX_RECURSION: u32 = 1000;
/// Small ints in this range are inline operands instead of constants.
const SMALL_INLINE: i64 = 1 << 20;

const NIL: u32 = u32::MAX;

/// Compiles `src` to a code object (a `Value` pointing at a `CodeObj`).
/// The caller keeps the returned value reachable (on its stack, or in a
/// rooted object) for as long as it needs it. (The error is returned by
/// value: boxing it would go through Rust's allocator.)
#[allow(clippy::result_large_err)]
pub fn compile(cx: &mut Ctx<'_>, src: &[u8], filename: Qstr, mode: Mode) -> Result<Value, CompileError> {
    compile_with(&mut cx.state.qstr, src, filename, mode)
}

/// As `compile`, with only the qstr pool (for tests and tools).
#[allow(clippy::result_large_err)]
pub fn compile_with(qs: &mut QstrPool, src: &[u8], filename: Qstr, mode: Mode) -> Result<Value, CompileError> {
    compile_inner(qs, src, filename, mode).map_err(|_| CompileError::take())
}

fn compile_inner(qs: &mut QstrPool, src: &[u8], filename: Qstr, mode: Mode) -> CResult<Value> {
    let mut ar = Arena::for_source(src.len())?;
    let root = parse::parse(src, qs, &mut ar, mode)?;
    let sc = scope::analyze(&ar, qs, root)?;
    let mut c = Compiler {
        ar: &ar,
        qs,
        sc: &sc,
        filename: filename.0,
        mode,
        u: Unit::new(0, 1),
        spine: GcVec::new(),
        saved: GcVec::new(),
        depth: 0,
        pos: (1, 1),
    };
    c.module(root)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FKind {
    While,
    For,
    AsyncFor,
    TryExcept,
    TryFinally,
    /// Inside an `except` body: the previously handled exception is on the stack.
    ExceptBody,
    /// Inside `except E as name:`: `name` is cleared on the way out.
    HandlerName,
    With,
    AsyncWith,
    /// The exception path of `finally`: previous and current exception on the stack.
    FinallyEnd,
    /// A `finally` body inlined on the way out of a `return`: the value being
    /// returned is on the stack, and a `break`/`continue`/`return` in the
    /// body drops it.
    PopValue,
}

/// A frame block: what must be undone to leave a construct early.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock {
    pub kind: FKind,
    /// Loop start, or exception handler label.
    pub a: Label,
    /// Loop exit label.
    pub b: Label,
    /// Stack depth the handler range cuts to.
    pub depth: u32,
    /// Start of the open handler range, or NIL.
    pub start: u32,
    /// Handler name (HandlerName) or finally body list (TryFinally).
    pub extra: u32,
}

pub(crate) struct Unit {
    pub scope: u32,
    pub em: Emitter,
    pub consts: GcVec<Value>,
    const_tab: GcVec<u32>,
    pub fblocks: GcVec<FBlock>,
}

impl Unit {
    fn new(scope: u32, line: u32) -> Unit {
        Unit { scope, em: Emitter::new(line), consts: GcVec::new(), const_tab: GcVec::new(), fblocks: GcVec::new() }
    }
}

pub(crate) struct Compiler<'x> {
    pub ar: &'x Arena,
    pub qs: &'x mut QstrPool,
    pub sc: &'x Scopes,
    pub filename: u32,
    pub mode: Mode,
    pub u: Unit,
    /// Node stack for walking left-deep chains iteratively.
    pub spine: GcVec<u32>,
    /// Frame blocks set aside while a `finally` body is inlined.
    pub saved: GcVec<FBlock>,
    pub depth: u32,
    /// Position of the statement being compiled (for errors).
    pub pos: (u32, u32),
}

fn const_hash(v: Value) -> usize {
    v.bits().wrapping_mul(0x9E37_79B9) >> 3
}

impl Compiler<'_> {
    pub(crate) fn enter(&mut self) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            return Err(syntax_err!(self.pos.0, self.pos.1, "too many nested parentheses"));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    pub(crate) fn op(&mut self, op: Op) -> CResult<()> {
        Ok(self.u.em.op(op)?)
    }

    pub(crate) fn op_u(&mut self, op: Op, a: u32) -> CResult<()> {
        Ok(self.u.em.op_u(op, a)?)
    }

    pub(crate) fn op_uu(&mut self, op: Op, a: u32, b: u32) -> CResult<()> {
        Ok(self.u.em.op_uu(op, a, b)?)
    }

    pub(crate) fn jump(&mut self, op: Op, l: Label) -> CResult<()> {
        Ok(self.u.em.jump(op, l)?)
    }

    pub(crate) fn label(&mut self) -> CResult<Label> {
        Ok(self.u.em.new_label()?)
    }

    /// Index of `v` in the constant table, adding it if needed. Non-pointer
    /// values are shared through a small hash table.
    pub(crate) fn const_index(&mut self, v: Value) -> CResult<u32> {
        let u = &mut self.u;
        if v.is_ptr() {
            u.consts.push(v)?;
            return Ok(u.consts.len() as u32 - 1);
        }
        if u.const_tab.is_empty() {
            for _ in 0..16 {
                u.const_tab.push(0)?;
            }
        }
        let mask = u.const_tab.len() - 1;
        let mut h = const_hash(v) & mask;
        loop {
            let e = u.const_tab[h];
            if e == 0 {
                break;
            }
            if u.consts[e as usize - 1] == v {
                return Ok(e - 1);
            }
            h = (h + 1) & mask;
        }
        u.consts.push(v)?;
        let idx = u.consts.len() as u32 - 1;
        u.const_tab[h] = idx + 1;
        // Keep the table at most half full (it only holds non-pointer constants).
        if (idx as usize + 1) * 2 > u.const_tab.len() {
            let n = u.const_tab.len() * 4;
            let mut t: GcVec<u32> = GcVec::with_capacity(n)?;
            for _ in 0..n {
                t.push(0)?;
            }
            for (i, c) in u.consts.iter().enumerate() {
                if c.is_ptr() {
                    continue;
                }
                let mut h = const_hash(*c) & (n - 1);
                while t[h] != 0 {
                    h = (h + 1) & (n - 1);
                }
                t[h] = i as u32 + 1;
            }
            u.const_tab = t;
        }
        Ok(idx)
    }

    pub(crate) fn load_const(&mut self, v: Value) -> CResult<()> {
        if v == Value::NONE {
            return self.op(Op::LOAD_NONE);
        }
        if v == Value::TRUE {
            return self.op(Op::LOAD_TRUE);
        }
        if v == Value::FALSE {
            return self.op(Op::LOAD_FALSE);
        }
        if let Some(i) = v.as_small_int() {
            if (-SMALL_INLINE..SMALL_INLINE).contains(&(i as i64)) {
                return Ok(self.u.em.op_s(Op::LOAD_SMALL_INT, i as i64)?);
            }
        }
        let k = self.const_index(v)?;
        self.op_u(Op::LOAD_CONST, k)
    }

    pub(crate) fn load_qstr(&mut self, q: u32) -> CResult<()> {
        self.load_const(Value::qstr(Qstr(q)))
    }

    pub(crate) fn scope_kind(&self) -> ScopeKind {
        self.sc.rec(self.u.scope).kind
    }

    /// Emits a load, store or delete of `name` (ctx 0/1/2).
    pub(crate) fn name_op(&mut self, name: u32, ctx: u8) -> CResult<()> {
        let acc = self.sc.access(self.u.scope, Qstr(name));
        match acc {
            Access::Fast(s) => self.op_u([Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST][ctx as usize], s),
            Access::Deref(s) => self.op_u([Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF][ctx as usize], s),
            Access::ClassDeref(s) => {
                self.op_u([Op::LOAD_CLASSDEREF, Op::STORE_DEREF, Op::DELETE_DEREF][ctx as usize], s)
            }
            Access::Global => self.op_u([Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL][ctx as usize], name),
            Access::Name => self.op_u([Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME][ctx as usize], name),
        }
    }

    // ---- units ------------------------------------------------------------------

    fn module(&mut self, root: NodeId) -> CResult<Value> {
        let m = self.ar.node(root);
        if self.mode == Mode::Eval {
            let st = self.ar.node(self.ar.list_item(m.a, 0));
            self.pos = (st.line, st.col);
            self.u.em.set_line(st.line);
            self.expr(st.a)?;
            self.op(Op::RETURN_VALUE)?;
        } else {
            self.body(m.a)?;
            self.op(Op::LOAD_NONE)?;
            self.op(Op::RETURN_VALUE)?;
        }
        let u = core::mem::replace(&mut self.u, Unit::new(0, 1));
        self.finish_unit(u, flags::NAMESPACE)
    }

    /// Turns a finished unit into a code object.
    fn finish_unit(&mut self, mut u: Unit, mut fl: u16) -> CResult<Value> {
        if !u.em.finish() {
            return Err(CompileError::syntax(self.pos.0, self.pos.1, "internal compiler error: unplaced label").raise());
        }
        let r = *self.sc.rec(u.scope);
        let stack_size = u.em.max_depth();
        let mut varnames: GcVec<Value> = GcVec::with_capacity(r.n_locals as usize)?;
        for _ in 0..r.n_locals {
            varnames.push(Value::qstr(q::EMPTY))?;
        }
        let mut cells: GcVec<u32> = GcVec::new();
        for y in self.sc.symbols(u.scope) {
            if y.slot != NIL && (y.slot as usize) < varnames.len() {
                varnames[y.slot as usize] = Value::qstr(Qstr(y.name));
            }
            if y.flags & sym::CELL != 0 && y.slot != NIL {
                cells.push(y.slot)?;
            }
        }
        cells.sort_unstable();
        if r.flags & sflags::VARARGS != 0 {
            fl |= flags::VARARGS;
        }
        if r.flags & sflags::VARKEYWORDS != 0 {
            fl |= flags::VARKEYWORDS;
        }
        let gen = r.flags & sflags::GENERATOR != 0;
        let coro = r.flags & sflags::COROUTINE != 0;
        match (gen, coro) {
            (true, true) => fl |= flags::ASYNC_GENERATOR,
            (true, false) => fl |= flags::GENERATOR,
            (false, true) => fl |= flags::COROUTINE,
            _ => {}
        }
        if r.kind == ScopeKind::Class {
            fl |= flags::NAMESPACE | flags::CLASS_BODY;
        }
        if r.parent != NIL && r.parent != 0 {
            fl |= flags::NESTED;
        }
        let Unit { em, consts, .. } = u;
        let Emitter { code, lines, handlers, .. } = em;
        let parts = CodeParts {
            code,
            consts,
            varnames,
            cells,
            lines,
            handlers,
            name: r.name,
            qualname: r.qualname,
            filename: self.filename,
            first_line: r.line,
            n_free: r.n_free,
            stack_size,
            argcount: r.argcount,
            posonly: r.posonly,
            kwonly: r.kwonly,
            flags: fl,
        };
        Ok(obj::new_code(parts)?)
    }

    /// Compiles the scope of `node` (FunctionDef, Lambda, ClassDef or a
    /// comprehension) with `body` and returns its code object.
    fn child_unit(&mut self, node: NodeId, body: impl FnOnce(&mut Self) -> CResult<()>) -> CResult<Value> {
        let scope = self.sc.scope_of(node);
        let line = self.sc.rec(scope).line;
        let outer = core::mem::replace(&mut self.u, Unit::new(scope, line));
        let saved_pos = self.pos;
        let r = body(self);
        let inner = core::mem::replace(&mut self.u, outer);
        self.pos = saved_pos;
        r?;
        self.finish_unit(inner, 0)
    }

    /// Pushes the closure tuple for `scope`'s free variables; returns whether there is one.
    fn closure(&mut self, scope: u32) -> CResult<bool> {
        let r = *self.sc.rec(scope);
        if r.n_free == 0 {
            return Ok(false);
        }
        let mut n = 0;
        let first_free = r.n_locals - r.n_free;
        for slot in first_free..r.n_locals {
            let Some(y) = self.sc.symbols(scope).find(|y| y.slot == slot) else { continue };
            let parent_slot = match self.sc.lookup(self.u.scope, Qstr(y.name)) {
                Some(p) if p.slot != NIL => p.slot,
                _ => {
                    return Err(CompileError::syntax(
                        r.line,
                        0,
                        "internal compiler error: free variable without a cell",
                    )
                    .raise())
                }
            };
            self.op_u(Op::LOAD_CLOSURE, parent_slot)?;
            n += 1;
        }
        self.op_u(Op::BUILD_TUPLE, n)?;
        Ok(true)
    }

    /// Defaults, closure, code and MAKE_FUNCTION for a def or lambda.
    fn make_function(&mut self, node: NodeId, args: NodeId, code: Value) -> CResult<()> {
        let params = self.ar.node(args).a;
        let mut mf = 0;
        let mut n_def = 0;
        for i in 0..self.ar.list_len(params) {
            let p = self.ar.node(self.ar.list_item(params, i));
            if p.b != NONE && (p.flag == crate::ast::argkind::POSONLY || p.flag == crate::ast::argkind::NORMAL) {
                self.expr(p.b)?;
                n_def += 1;
            }
        }
        if n_def > 0 {
            self.op_u(Op::BUILD_TUPLE, n_def)?;
            mf |= 1;
        }
        let mut n_kw = 0;
        for i in 0..self.ar.list_len(params) {
            let p = self.ar.node(self.ar.list_item(params, i));
            if p.b != NONE && p.flag == crate::ast::argkind::KWONLY {
                self.load_qstr(p.a)?;
                self.expr(p.b)?;
                n_kw += 1;
            }
        }
        if n_kw > 0 {
            self.op_u(Op::BUILD_MAP, n_kw)?;
            mf |= 2;
        }
        let scope = self.sc.scope_of(node);
        if self.closure(scope)? {
            mf |= 8;
        }
        self.load_const(code)?;
        self.op_u(Op::MAKE_FUNCTION, mf)
    }

    pub(crate) fn function_def(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        for i in 0..self.ar.list_len(n.d) {
            self.expr(self.ar.list_item(n.d, i))?;
        }
        let code = self.child_unit(id, |c| {
            c.body(n.c)?;
            if c.u.em.is_reachable() {
                c.op(Op::LOAD_NONE)?;
                c.op(Op::RETURN_VALUE)?;
            }
            Ok(())
        })?;
        self.make_function(id, n.b, code)?;
        for _ in 0..self.ar.list_len(n.d) {
            self.op_uu(Op::CALL_FUNCTION, 1, 0)?;
        }
        self.name_op(n.a, 1)
    }

    pub(crate) fn lambda(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let code = self.child_unit(id, |c| {
            c.expr(n.b)?;
            if c.sc.rec(c.u.scope).flags & sflags::GENERATOR != 0 {
                c.op(Op::POP_TOP)?;
                c.op(Op::LOAD_NONE)?;
            }
            c.op(Op::RETURN_VALUE)
        })?;
        self.make_function(id, n.a, code)
    }

    pub(crate) fn class_def(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        for i in 0..self.ar.list_len(n.d) {
            self.expr(self.ar.list_item(n.d, i))?;
        }
        self.op(Op::LOAD_BUILD_CLASS)?;
        let scope = self.sc.scope_of(id);
        let qualname = self.sc.rec(scope).qualname;
        let code = self.child_unit(id, |c| {
            c.op_u(Op::LOAD_NAME, q::__name__.0)?;
            c.op_u(Op::STORE_NAME, q::__module__.0)?;
            c.load_qstr(qualname)?;
            c.op_u(Op::STORE_NAME, q::__qualname__.0)?;
            c.body(n.c)?;
            if c.sc.rec(c.u.scope).flags & sflags::NEEDS_CLASS_CELL != 0 {
                let slot = c.sc.lookup(c.u.scope, q::__class__).map(|y| y.slot).unwrap_or(0);
                c.op_u(Op::LOAD_CLOSURE, slot)?;
                c.op(Op::DUP_TOP)?;
                c.op_u(Op::STORE_NAME, q::__classcell__.0)?;
            } else {
                c.op(Op::LOAD_NONE)?;
            }
            c.op(Op::RETURN_VALUE)
        })?;
        let mut mf = 0;
        if self.closure(scope)? {
            mf |= 8;
        }
        self.load_const(code)?;
        self.op_u(Op::MAKE_FUNCTION, mf)?;
        self.load_qstr(n.a)?;
        self.call_args(n.b, 2, false)?;
        for _ in 0..self.ar.list_len(n.d) {
            self.op_uu(Op::CALL_FUNCTION, 1, 0)?;
        }
        self.name_op(n.a, 1)
    }

    /// A comprehension: its function, called with the first iterator.
    pub(crate) fn comprehension(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let gens = n.b;
        let kind = n.kind;
        let scope = self.sc.scope_of(id);
        let is_async_scope = self.sc.rec(scope).flags & sflags::COROUTINE != 0;
        let code = self.child_unit(id, |c| {
            match kind {
                Kind::ListComp => c.op_u(Op::BUILD_LIST, 0)?,
                Kind::SetComp => c.op_u(Op::BUILD_SET, 0)?,
                Kind::DictComp => c.op_u(Op::BUILD_MAP, 0)?,
                _ => {}
            }
            c.comp_generator(id, 0)?;
            if kind == Kind::GenExp {
                c.op(Op::LOAD_NONE)?;
            }
            c.op(Op::RETURN_VALUE)
        })?;
        let mut mf = 0;
        if self.closure(scope)? {
            mf |= 8;
        }
        self.load_const(code)?;
        self.op_u(Op::MAKE_FUNCTION, mf)?;
        let first = self.ar.node(self.ar.list_item(gens, 0));
        self.expr(first.b)?;
        self.op(if first.flag != 0 { Op::GET_AITER } else { Op::GET_ITER })?;
        self.op_uu(Op::CALL_FUNCTION, 1, 0)?;
        if is_async_scope && kind != Kind::GenExp {
            self.op(Op::GET_AWAITABLE)?;
            self.op(Op::LOAD_NONE)?;
            self.op(Op::YIELD_FROM)?;
        }
        Ok(())
    }

    /// Generator `k` of the comprehension `id`, and everything inside it.
    fn comp_generator(&mut self, id: NodeId, k: usize) -> CResult<()> {
        self.enter()?;
        let n = self.ar.node(id);
        let gens = n.b;
        let g = self.ar.node(self.ar.list_item(gens, k));
        let is_async = g.flag != 0;
        if k == 0 {
            self.op_u(Op::LOAD_FAST, 0)?;
        } else {
            self.expr(g.b)?;
            self.op(if is_async { Op::GET_AITER } else { Op::GET_ITER })?;
        }
        let start = self.label()?;
        let end = self.label()?;
        self.u.em.place(start);
        let handler = self.label()?;
        let depth = self.u.em.depth();
        if is_async {
            let rs = self.u.em.offset();
            self.op(Op::GET_ANEXT)?;
            self.op(Op::LOAD_NONE)?;
            self.op(Op::YIELD_FROM)?;
            let re = self.u.em.offset();
            self.u.em.add_range(rs, re, handler, depth)?;
        } else {
            self.jump(Op::FOR_ITER, end)?;
        }
        self.store(g.a)?;
        for i in 0..self.ar.list_len(g.c) {
            self.jump_if(self.ar.list_item(g.c, i), false, start)?;
        }
        if k + 1 < self.ar.list_len(gens) {
            self.comp_generator(id, k + 1)?;
        } else {
            let below = self.ar.list_len(gens) as u32 + 1;
            match n.kind {
                Kind::ListComp => {
                    self.expr(n.a)?;
                    self.op_u(Op::LIST_APPEND, below)?;
                }
                Kind::SetComp => {
                    self.expr(n.a)?;
                    self.op_u(Op::SET_ADD, below)?;
                }
                Kind::DictComp => {
                    self.expr(n.a)?;
                    self.expr(n.c)?;
                    self.op_u(Op::MAP_ADD, below)?;
                }
                _ => {
                    self.expr(n.a)?;
                    self.op(Op::YIELD_VALUE)?;
                    self.op(Op::POP_TOP)?;
                }
            }
        }
        self.jump(Op::JUMP, start)?;
        if is_async {
            self.u.em.place_handler(handler, depth);
            self.op(Op::END_ASYNC_FOR)?;
            self.u.em.place(end);
        } else {
            self.u.em.place(end);
        }
        self.leave();
        Ok(())
    }
}
