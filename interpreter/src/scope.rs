//! Scope analysis: which names are locals, globals, cells or free variables,
//! for every function, lambda, class body and comprehension.
//!
//! Three passes over the tree: (1) record every binding, use and
//! declaration per scope, raising the scope-related SyntaxErrors
//! (`global`/`nonlocal` misuse, `yield`/`await`/`return`/`break` out of
//! place, duplicate parameters); (2) resolve each name to local, global, cell
//! or free, threading free variables through the scopes between use and
//! binding; (3) number the local slots (parameters first, free variables
//! last; see `obj::CodeObj`).
//!
//! Invariants: every table is a GC block owned by `Scopes`; symbols are found
//! by (scope, name) through one open-addressed hash table, so analysis is
//! linear in program size; walks recurse only into nested expressions and
//! blocks, whose depth the parser bounds, and iterate along left-deep chains.

use crate::ast::{argkind, ctx, Arena, Kind, ListId, NodeId, NONE};
use crate::error::CResult;
use crate::qstr::{q, Qstr, QstrPool};
use crate::syntax_err;
use upy_heap::{AllocError, GcVec};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// Symbol flags: what pass 1 saw, and what pass 2 decided.
pub mod sym {
    pub const DEF_LOCAL: u32 = 1;
    pub const DEF_PARAM: u32 = 2;
    pub const DEF_GLOBAL: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE: u32 = 32;
    pub const CELL: u32 = 64;
    pub const GLOBAL: u32 = 128;
    pub const LOCAL: u32 = 256;
    /// Bound in a class body and also free in a method below it.
    pub const FREE_CLASS: u32 = 512;
    /// `__class__` of a class body whose methods use `super`/`__class__`.
    pub const CLASS_CELL: u32 = 1024;
    pub const BOUND: u32 = DEF_LOCAL | DEF_PARAM;
}

/// Scope flags.
pub mod sflags {
    pub const GENERATOR: u32 = 1;
    pub const COROUTINE: u32 = 2;
    pub const NEEDS_CLASS_CELL: u32 = 4;
    pub const VARARGS: u32 = 8;
    pub const VARKEYWORDS: u32 = 16;
    pub const RETURNS_VALUE: u32 = 32;
    pub const LAMBDA: u32 = 64;
}

#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Sym {
    pub scope: u32,
    pub name: u32,
    pub flags: u32,
    pub slot: u32,
    pub next: u32,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct ScopeRec {
    pub kind: ScopeKind,
    pub node: NodeId,
    pub parent: u32,
    pub first_sym: u32,
    pub last_sym: u32,
    pub flags: u32,
    pub name: u32,
    pub qualname: u32,
    pub line: u32,
    pub n_locals: u32,
    pub n_free: u32,
    pub argcount: u16,
    pub posonly: u16,
    pub kwonly: u16,
    /// First line of the return-with-value, for the async generator check.
    pub return_line: u32,
    pub return_col: u32,
}

/// How the compiler reaches a name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Fast(u32),
    Deref(u32),
    /// A free variable read in a class body: the class namespace first.
    ClassDeref(u32),
    Global,
    Name,
}

pub struct Scopes {
    pub scopes: GcVec<ScopeRec>,
    pub syms: GcVec<Sym>,
    table: GcVec<u32>,
    by_node: GcVec<(u32, u32)>,
}

const NIL: u32 = u32::MAX;

fn hkey(scope: u32, name: u32) -> usize {
    ((scope as usize).wrapping_mul(0x9E37_79B9) ^ (name as usize).wrapping_mul(0x85EB_CA6B)) >> 4
}

impl Scopes {
    fn new() -> Result<Scopes, AllocError> {
        let mut s = Scopes { scopes: GcVec::new(), syms: GcVec::new(), table: GcVec::new(), by_node: GcVec::new() };
        s.rehash(16)?;
        Ok(s)
    }

    fn rehash(&mut self, n: usize) -> Result<(), AllocError> {
        let mut t: GcVec<u32> = GcVec::with_capacity(n)?;
        for _ in 0..n {
            t.push(NIL)?;
        }
        for (i, s) in self.syms.iter().enumerate() {
            let mut h = hkey(s.scope, s.name) & (n - 1);
            while t[h] != NIL {
                h = (h + 1) & (n - 1);
            }
            t[h] = i as u32;
        }
        self.table = t;
        Ok(())
    }

    fn find(&self, scope: u32, name: u32) -> Option<u32> {
        let mask = self.table.len() - 1;
        let mut h = hkey(scope, name) & mask;
        loop {
            let i = self.table[h];
            if i == NIL {
                return None;
            }
            let s = &self.syms[i as usize];
            if s.scope == scope && s.name == name {
                return Some(i);
            }
            h = (h + 1) & mask;
        }
    }

    pub fn lookup(&self, scope: u32, name: Qstr) -> Option<Sym> {
        self.find(scope, name.0).map(|i| self.syms[i as usize])
    }

    fn insert(&mut self, scope: u32, name: u32, line: u32, col: u32) -> Result<u32, AllocError> {
        if let Some(i) = self.find(scope, name) {
            return Ok(i);
        }
        if (self.syms.len() + 1) * 3 > self.table.len() * 2 {
            let n = self.table.len() * 2;
            self.rehash(n)?;
        }
        let i = self.syms.len() as u32;
        self.syms.push(Sym { scope, name, flags: 0, slot: NIL, next: NIL, line, col })?;
        let mask = self.table.len() - 1;
        let mut h = hkey(scope, name) & mask;
        while self.table[h] != NIL {
            h = (h + 1) & mask;
        }
        self.table[h] = i;
        let sc = &mut self.scopes[scope as usize];
        if sc.last_sym == NIL {
            sc.first_sym = i;
        } else {
            let last = sc.last_sym;
            self.syms[last as usize].next = i;
        }
        self.scopes[scope as usize].last_sym = i;
        Ok(i)
    }

    /// The scope created for a FunctionDef, Lambda, ClassDef or comprehension node.
    pub fn scope_of(&self, node: NodeId) -> u32 {
        match self.by_node.binary_search_by_key(&node, |p| p.0) {
            Ok(i) => self.by_node[i].1,
            Err(_) => 0,
        }
    }

    pub fn rec(&self, scope: u32) -> &ScopeRec {
        &self.scopes[scope as usize]
    }

    /// How code in `scope` loads or stores `name`.
    pub fn access(&self, scope: u32, name: Qstr) -> Access {
        let kind = self.scopes[scope as usize].kind;
        let namespace = matches!(kind, ScopeKind::Module | ScopeKind::Class);
        let Some(s) = self.lookup(scope, name) else {
            return if namespace { Access::Name } else { Access::Global };
        };
        if s.flags & sym::CELL != 0 {
            return Access::Deref(s.slot);
        }
        if s.flags & sym::FREE != 0 {
            return if kind == ScopeKind::Class { Access::ClassDeref(s.slot) } else { Access::Deref(s.slot) };
        }
        if s.flags & sym::DEF_GLOBAL != 0 {
            return Access::Global;
        }
        if namespace {
            return Access::Name;
        }
        if s.flags & sym::LOCAL != 0 {
            Access::Fast(s.slot)
        } else {
            Access::Global
        }
    }

    /// The symbols of `scope`, in first-seen order.
    pub fn symbols(&self, scope: u32) -> SymIter<'_> {
        SymIter { s: self, i: self.scopes[scope as usize].first_sym }
    }
}

pub struct SymIter<'a> {
    s: &'a Scopes,
    i: u32,
}

impl Iterator for SymIter<'_> {
    type Item = Sym;
    fn next(&mut self) -> Option<Sym> {
        if self.i == NIL {
            return None;
        }
        let s = self.s.syms[self.i as usize];
        self.i = s.next;
        Some(s)
    }
}

/// Runs all three passes over the module `root`.
pub fn analyze(ar: &Arena, qs: &mut QstrPool, root: NodeId) -> CResult<Scopes> {
    let mut b = Builder { ar, qs, sc: Scopes::new()?, cur: 0, loops: 0, buf: GcVec::new() };
    let m = ar.node(root);
    b.new_scope(ScopeKind::Module, root, q::module.0, q::module.0, 1)?;
    b.stmts(m.a)?;
    let mut sc = b.sc;
    sc.by_node.sort_unstable_by_key(|p| p.0);
    resolve(&mut sc, qs)?;
    number_slots(&mut sc, ar)?;
    Ok(sc)
}

struct Builder<'x> {
    ar: &'x Arena,
    qs: &'x mut QstrPool,
    sc: Scopes,
    cur: u32,
    /// Loops enclosing the current statement in the current scope.
    loops: u32,
    buf: GcVec<u8>,
}

impl Builder<'_> {
    fn new_scope(&mut self, kind: ScopeKind, node: NodeId, name: u32, qualname: u32, line: u32) -> CResult<u32> {
        let id = self.sc.scopes.len() as u32;
        let parent = if id == 0 { NIL } else { self.cur };
        self.sc.scopes.push(ScopeRec {
            kind,
            node,
            parent,
            first_sym: NIL,
            last_sym: NIL,
            flags: 0,
            name,
            qualname,
            line,
            n_locals: 0,
            n_free: 0,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            return_line: 0,
            return_col: 0,
        })?;
        if id != 0 {
            // The module scope is 0 by definition; only nested scopes are looked up.
            self.sc.by_node.push((node, id))?;
        }
        Ok(id)
    }

    /// CPython's qualified name for a scope named `name` defined in the current one.
    fn qualname(&mut self, name: u32) -> CResult<u32> {
        let cur = *self.sc.rec(self.cur);
        if cur.kind == ScopeKind::Module {
            return Ok(name);
        }
        self.buf.clear();
        self.buf.extend_from_slice(self.qs.get(Qstr(cur.qualname)))?;
        if cur.kind != ScopeKind::Class {
            self.buf.extend_from_slice(b".<locals>")?;
        }
        self.buf.push(b'.')?;
        self.buf.extend_from_slice(self.qs.get(Qstr(name)))?;
        Ok(self.qs.intern(&self.buf)?.0)
    }

    fn add(&mut self, name: u32, flag: u32, line: u32, col: u32) -> CResult<()> {
        let scope = self.cur;
        let i = self.sc.insert(scope, name, line, col)?;
        let s = &mut self.sc.syms[i as usize];
        if flag & sym::BOUND != 0 && s.flags & sym::DEF_PARAM != 0 && flag & sym::DEF_PARAM != 0 {
            let n = self.qs.str(Qstr(name));
            return Err(syntax_err!(line, col, "duplicate argument '{}' in function definition", n));
        }
        s.flags |= flag;
        Ok(())
    }

    fn declare(&mut self, name: u32, global: bool, line: u32, col: u32) -> CResult<()> {
        let what = if global { "global" } else { "nonlocal" };
        if let Some(i) = self.sc.find(self.cur, name) {
            let f = self.sc.syms[i as usize].flags;
            let n = self.qs.str(Qstr(name));
            if f & sym::DEF_PARAM != 0 {
                return Err(syntax_err!(line, col, "name '{}' is parameter and {}", n, what));
            }
            if global && f & sym::DEF_NONLOCAL != 0 {
                return Err(syntax_err!(line, col, "name '{}' is nonlocal and global", n));
            }
            if !global && f & sym::DEF_GLOBAL != 0 {
                return Err(syntax_err!(line, col, "name '{}' is nonlocal and global", n));
            }
            if f & sym::USE != 0 && f & (sym::DEF_GLOBAL | sym::DEF_NONLOCAL) == 0 {
                return Err(syntax_err!(line, col, "name '{}' is used prior to {} declaration", n, what));
            }
            if f & sym::DEF_LOCAL != 0 && f & (sym::DEF_GLOBAL | sym::DEF_NONLOCAL) == 0 {
                return Err(syntax_err!(line, col, "name '{}' is assigned to before {} declaration", n, what));
            }
        }
        self.add(name, if global { sym::DEF_GLOBAL } else { sym::DEF_NONLOCAL }, line, col)
    }

    fn kind(&self) -> ScopeKind {
        self.sc.rec(self.cur).kind
    }

    fn is_function(&self) -> bool {
        matches!(self.kind(), ScopeKind::Function | ScopeKind::Comprehension)
    }

    fn stmts(&mut self, list: ListId) -> CResult<()> {
        for i in 0..self.ar.list_len(list) {
            self.stmt(self.ar.list_item(list, i))?;
        }
        Ok(())
    }

    fn exprs(&mut self, list: ListId) -> CResult<()> {
        for i in 0..self.ar.list_len(list) {
            self.expr(self.ar.list_item(list, i))?;
        }
        Ok(())
    }

    fn opt(&mut self, e: NodeId) -> CResult<()> {
        if e != NONE {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        match n.kind {
            Kind::FunctionDef => {
                self.exprs(n.d)?;
                self.defaults(n.b)?;
                self.add(n.a, sym::DEF_LOCAL, n.line, n.col)?;
                self.function(id, n.a, n.b, n.flag != 0, n.line)?;
            }
            Kind::ClassDef => {
                self.exprs(n.d)?;
                for i in 0..self.ar.list_len(n.b) {
                    let a = self.ar.node(self.ar.list_item(n.b, i));
                    if a.kind == Kind::Keyword {
                        self.expr(a.b)?;
                    } else {
                        self.expr(self.ar.list_item(n.b, i))?;
                    }
                }
                self.add(n.a, sym::DEF_LOCAL, n.line, n.col)?;
                let qn = self.qualname(n.a)?;
                let saved = (self.cur, self.loops);
                self.cur = self.new_scope(ScopeKind::Class, id, n.a, qn, n.line)?;
                self.loops = 0;
                self.stmts(n.c)?;
                (self.cur, self.loops) = saved;
            }
            Kind::Return => {
                if !self.is_function() {
                    return Err(syntax_err!(n.line, n.col, "'return' outside function"));
                }
                if n.a != NONE {
                    self.expr(n.a)?;
                    let r = &mut self.sc.scopes[self.cur as usize];
                    if r.flags & sflags::RETURNS_VALUE == 0 {
                        r.flags |= sflags::RETURNS_VALUE;
                        r.return_line = n.line;
                        r.return_col = n.col;
                    }
                }
            }
            Kind::Delete => self.exprs(n.a)?,
            Kind::Assign => {
                self.expr(n.b)?;
                self.exprs(n.a)?;
            }
            Kind::AugAssign => {
                self.expr(n.b)?;
                let t = self.ar.node(n.a);
                if t.kind == Kind::Name {
                    self.add(t.a, sym::USE | sym::DEF_LOCAL, t.line, t.col)?;
                } else {
                    self.expr(n.a)?;
                }
            }
            Kind::AnnAssign => {
                self.opt(n.c)?;
                let t = self.ar.node(n.a);
                if t.kind == Kind::Name {
                    if let Some(i) = self.sc.find(self.cur, t.a) {
                        let f = self.sc.syms[i as usize].flags;
                        let what = if f & sym::DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        if f & (sym::DEF_GLOBAL | sym::DEF_NONLOCAL) != 0 {
                            let name = self.qs.str(Qstr(t.a));
                            return Err(syntax_err!(n.line, n.col, "annotated name '{}' can't be {}", name, what));
                        }
                    }
                    if n.c != NONE || self.is_function() {
                        self.add(t.a, sym::DEF_LOCAL, t.line, t.col)?;
                    }
                } else {
                    self.expr(n.a)?;
                }
            }
            Kind::For => {
                if n.flag != 0 && !self.in_async() {
                    return Err(syntax_err!(n.line, n.col, "'async for' outside async function"));
                }
                self.expr(n.b)?;
                self.expr(n.a)?;
                self.loops += 1;
                self.stmts(n.c)?;
                self.loops -= 1;
                self.stmts(n.d)?;
            }
            Kind::While => {
                self.expr(n.a)?;
                self.loops += 1;
                self.stmts(n.b)?;
                self.loops -= 1;
                self.stmts(n.c)?;
            }
            Kind::If => {
                self.expr(n.a)?;
                self.stmts(n.b)?;
                self.stmts(n.c)?;
            }
            Kind::With => {
                if n.flag != 0 && !self.in_async() {
                    return Err(syntax_err!(n.line, n.col, "'async with' outside async function"));
                }
                for i in 0..self.ar.list_len(n.a) {
                    let it = self.ar.node(self.ar.list_item(n.a, i));
                    self.expr(it.a)?;
                    self.opt(it.b)?;
                }
                self.stmts(n.b)?;
            }
            Kind::Raise => {
                self.opt(n.a)?;
                self.opt(n.b)?;
            }
            Kind::Try => {
                self.stmts(n.a)?;
                for i in 0..self.ar.list_len(n.b) {
                    let h = self.ar.node(self.ar.list_item(n.b, i));
                    self.opt(h.a)?;
                    if h.b != NONE {
                        self.add(h.b, sym::DEF_LOCAL, h.line, h.col)?;
                    }
                    self.stmts(h.c)?;
                }
                self.stmts(n.c)?;
                self.stmts(n.d)?;
            }
            Kind::Assert => {
                self.expr(n.a)?;
                self.opt(n.b)?;
            }
            Kind::Import | Kind::ImportFrom => {
                let list = if n.kind == Kind::Import { n.a } else { n.b };
                for i in 0..self.ar.list_len(list) {
                    let a = self.ar.node(self.ar.list_item(list, i));
                    if a.a == q::star.0 && n.kind == Kind::ImportFrom {
                        if self.kind() != ScopeKind::Module {
                            return Err(syntax_err!(a.line, a.col, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let bound = if a.b != NONE {
                        a.b
                    } else if n.kind == Kind::Import {
                        self.first_component(a.a)?
                    } else {
                        a.a
                    };
                    self.add(bound, sym::DEF_LOCAL, a.line, a.col)?;
                }
            }
            Kind::Global | Kind::Nonlocal => {
                let global = n.kind == Kind::Global;
                if !global && self.kind() == ScopeKind::Module {
                    return Err(syntax_err!(n.line, n.col, "nonlocal declaration not allowed at module level"));
                }
                for i in 0..self.ar.list_len(n.a) {
                    self.declare(self.ar.list_item(n.a, i), global, n.line, n.col)?;
                }
            }
            Kind::Expr => self.expr(n.a)?,
            Kind::Break if self.loops == 0 => {
                return Err(syntax_err!(n.line, n.col, "'break' outside loop"));
            }
            Kind::Continue if self.loops == 0 => {
                return Err(syntax_err!(n.line, n.col, "'continue' not properly in loop"));
            }
            _ => {}
        }
        Ok(())
    }

    fn first_component(&mut self, dotted: u32) -> CResult<u32> {
        let s = self.qs.get(Qstr(dotted));
        match s.iter().position(|&b| b == b'.') {
            None => Ok(dotted),
            Some(k) => {
                self.buf.clear();
                self.buf.extend_from_slice(&self.qs.get(Qstr(dotted))[..k])?;
                Ok(self.qs.intern(&self.buf)?.0)
            }
        }
    }

    fn in_async(&self) -> bool {
        let mut s = self.cur;
        loop {
            let r = self.sc.rec(s);
            match r.kind {
                ScopeKind::Function => return r.flags & sflags::COROUTINE != 0,
                ScopeKind::Comprehension => s = r.parent,
                _ => return false,
            }
        }
    }

    /// Parameter defaults are evaluated in the defining scope.
    fn defaults(&mut self, args: NodeId) -> CResult<()> {
        let params = self.ar.node(args).a;
        for i in 0..self.ar.list_len(params) {
            let p = self.ar.node(self.ar.list_item(params, i));
            self.opt(p.b)?;
        }
        Ok(())
    }

    fn function(&mut self, id: NodeId, name: u32, args: NodeId, is_async: bool, line: u32) -> CResult<()> {
        let qn = self.qualname(name)?;
        let saved = (self.cur, self.loops);
        self.cur = self.new_scope(ScopeKind::Function, id, name, qn, line)?;
        self.loops = 0;
        if is_async {
            self.sc.scopes[self.cur as usize].flags |= sflags::COROUTINE;
        }
        if name == q::lambda.0 {
            self.sc.scopes[self.cur as usize].flags |= sflags::LAMBDA;
        }
        let params = self.ar.node(args).a;
        for i in 0..self.ar.list_len(params) {
            let p = self.ar.node(self.ar.list_item(params, i));
            self.add(p.a, sym::DEF_PARAM, p.line, p.col)?;
        }
        let n = self.ar.node(id);
        if n.kind == Kind::Lambda {
            self.expr(n.b)?;
        } else {
            self.stmts(n.c)?;
        }
        let r = *self.sc.rec(self.cur);
        if r.flags & (sflags::COROUTINE | sflags::GENERATOR | sflags::RETURNS_VALUE)
            == sflags::COROUTINE | sflags::GENERATOR | sflags::RETURNS_VALUE
        {
            return Err(syntax_err!(r.return_line, r.return_col, "'return' with value in async generator"));
        }
        (self.cur, self.loops) = saved;
        Ok(())
    }

    fn comprehension(&mut self, id: NodeId) -> CResult<()> {
        let n = self.ar.node(id);
        let gens = if n.kind == Kind::DictComp
            || n.kind == Kind::ListComp
            || n.kind == Kind::SetComp
            || n.kind == Kind::GenExp
        {
            n.b
        } else {
            0
        };
        let first = self.ar.node(self.ar.list_item(gens, 0));
        self.expr(first.b)?;
        let name = match n.kind {
            Kind::ListComp => q::listcomp,
            Kind::SetComp => q::setcomp,
            Kind::DictComp => q::dictcomp,
            _ => q::genexpr,
        };
        let qn = self.qualname(name.0)?;
        let saved = (self.cur, self.loops);
        let outer_async = self.in_async();
        self.cur = self.new_scope(ScopeKind::Comprehension, id, name.0, qn, n.line)?;
        self.loops = 0;
        if n.kind == Kind::GenExp {
            self.sc.scopes[self.cur as usize].flags |= sflags::GENERATOR;
        }
        self.add(q::dot0.0, sym::DEF_PARAM, n.line, n.col)?;
        for i in 0..self.ar.list_len(gens) {
            let g = self.ar.node(self.ar.list_item(gens, i));
            if g.flag != 0 && !outer_async && n.kind != Kind::GenExp {
                return Err(syntax_err!(
                    n.line,
                    n.col,
                    "asynchronous comprehension outside of an asynchronous function"
                ));
            }
            if g.flag != 0 || outer_async {
                self.sc.scopes[self.cur as usize].flags |= sflags::COROUTINE;
            }
            if i > 0 {
                self.expr(g.b)?;
            }
            self.expr(g.a)?;
            self.exprs(g.c)?;
        }
        self.expr(n.a)?;
        if n.kind == Kind::DictComp {
            self.expr(n.c)?;
        }
        (self.cur, self.loops) = saved;
        Ok(())
    }

    fn expr(&mut self, id: NodeId) -> CResult<()> {
        let mut id = id;
        loop {
            let n = self.ar.node(id);
            match n.kind {
                Kind::Name => {
                    let f = if n.flag == ctx::LOAD { sym::USE } else { sym::DEF_LOCAL };
                    self.add(n.a, f, n.line, n.col)?;
                    if n.flag == ctx::LOAD
                        && (n.a == q::super_.0 || n.a == q::__class__.0)
                        && self.kind() != ScopeKind::Module
                    {
                        self.uses_class_cell(n.line, n.col)?;
                    }
                    return Ok(());
                }
                // Left-deep chains: iterate down the left operand.
                Kind::BinOp => {
                    self.expr(n.b)?;
                    id = n.a;
                }
                Kind::Attribute => id = n.a,
                Kind::Subscript => {
                    self.expr(n.b)?;
                    id = n.a;
                }
                Kind::Call => {
                    for i in 0..self.ar.list_len(n.b) {
                        let a = self.ar.list_item(n.b, i);
                        let an = self.ar.node(a);
                        if an.kind == Kind::Keyword {
                            self.expr(an.b)?;
                        } else {
                            self.expr(a)?;
                        }
                    }
                    id = n.a;
                }
                Kind::UnaryOp | Kind::Starred => id = n.a,
                Kind::BoolOp | Kind::Set | Kind::List | Kind::Tuple | Kind::JoinedStr => return self.exprs(n.a),
                Kind::Dict => {
                    for &e in self.ar.list(n.a) {
                        if e != NONE {
                            self.expr(e)?;
                        }
                    }
                    return Ok(());
                }
                Kind::Compare => {
                    let l = self.ar.list(n.b);
                    for k in (1..l.len()).step_by(2) {
                        self.expr(self.ar.list_item(n.b, k))?;
                    }
                    id = n.a;
                }
                Kind::IfExp => {
                    self.expr(n.a)?;
                    self.expr(n.b)?;
                    id = n.c;
                }
                Kind::NamedExpr => {
                    self.expr(n.b)?;
                    return self.walrus_target(n.a);
                }
                Kind::Lambda => {
                    self.defaults(n.a)?;
                    return self.function(id, q::lambda.0, n.a, false, n.line);
                }
                Kind::ListComp | Kind::SetComp | Kind::DictComp | Kind::GenExp => return self.comprehension(id),
                Kind::Await => {
                    let r = *self.sc.rec(self.cur);
                    if !self.in_async()
                        && r.kind == ScopeKind::Comprehension
                        && self.ar.node(r.node).kind != Kind::GenExp
                    {
                        let c = self.ar.node(r.node);
                        return Err(syntax_err!(
                            c.line,
                            c.col,
                            "asynchronous comprehension outside of an asynchronous function"
                        ));
                    }
                    if !self.in_async() {
                        let msg = if self.is_function() {
                            "'await' outside async function"
                        } else {
                            "'await' outside function"
                        };
                        return Err(syntax_err!(n.line, n.col, "{}", msg));
                    }
                    id = n.a;
                }
                Kind::Yield | Kind::YieldFrom => {
                    let r = *self.sc.rec(self.cur);
                    match r.kind {
                        ScopeKind::Function => {}
                        ScopeKind::Comprehension => {
                            let what = match self.ar.node(r.node).kind {
                                Kind::ListComp => "list comprehension",
                                Kind::SetComp => "set comprehension",
                                Kind::DictComp => "dict comprehension",
                                _ => "generator expression",
                            };
                            return Err(syntax_err!(n.line, n.col, "'yield' inside {}", what));
                        }
                        _ => return Err(syntax_err!(n.line, n.col, "'yield' outside function")),
                    }
                    if n.kind == Kind::YieldFrom && r.flags & sflags::COROUTINE != 0 {
                        return Err(syntax_err!(n.line, n.col, "'yield from' inside async function"));
                    }
                    self.sc.scopes[self.cur as usize].flags |= sflags::GENERATOR;
                    if n.a == NONE {
                        return Ok(());
                    }
                    id = n.a;
                }
                Kind::FormattedValue => {
                    self.opt(n.b)?;
                    id = n.a;
                }
                Kind::Slice => {
                    self.opt(n.a)?;
                    self.opt(n.b)?;
                    return self.opt(n.c);
                }
                _ => return Ok(()),
            }
        }
    }

    /// `super` or `__class__` used in a function inside a class: the class
    /// body gets a `__class__` cell and the function uses it as free.
    fn uses_class_cell(&mut self, line: u32, col: u32) -> CResult<()> {
        let mut s = self.cur;
        loop {
            let r = *self.sc.rec(s);
            match r.kind {
                ScopeKind::Class => {
                    if s == self.cur {
                        return Ok(());
                    }
                    self.sc.scopes[s as usize].flags |= sflags::NEEDS_CLASS_CELL;
                    let i = self.sc.insert(s, q::__class__.0, line, col)?;
                    self.sc.syms[i as usize].flags |= sym::CLASS_CELL;
                    let saved = self.cur;
                    self.add(q::__class__.0, sym::USE, line, col)?;
                    self.cur = saved;
                    return Ok(());
                }
                ScopeKind::Module => return Ok(()),
                _ => s = r.parent,
            }
        }
    }

    /// A walrus target binds in the nearest enclosing non-comprehension scope.
    fn walrus_target(&mut self, target: NodeId) -> CResult<()> {
        let t = self.ar.node(target);
        if self.kind() != ScopeKind::Comprehension {
            return self.add(t.a, sym::DEF_LOCAL, t.line, t.col);
        }
        let mut s = self.cur;
        while self.sc.rec(s).kind == ScopeKind::Comprehension {
            s = self.sc.rec(s).parent;
        }
        let outer = self.sc.rec(s).kind;
        if outer == ScopeKind::Class {
            return Err(syntax_err!(
                t.line,
                t.col,
                "assignment expression within a comprehension cannot be used in a class body"
            ));
        }
        let saved = self.cur;
        self.cur = s;
        self.add(t.a, sym::DEF_LOCAL, t.line, t.col)?;
        self.cur = saved;
        let decl = if outer == ScopeKind::Module { sym::DEF_GLOBAL } else { sym::DEF_NONLOCAL };
        self.add(t.a, decl | sym::DEF_LOCAL, t.line, t.col)
    }
}

/// Pass 2: decide local / global / cell / free for every symbol.
fn resolve(sc: &mut Scopes, qs: &QstrPool) -> CResult<()> {
    let n_scopes = sc.scopes.len() as u32;
    for s in 0..n_scopes {
        let kind = sc.scopes[s as usize].kind;
        let mut i = sc.scopes[s as usize].first_sym;
        while i != NIL {
            let y = sc.syms[i as usize];
            let next = y.next;
            let f = y.flags;
            if f & (sym::FREE | sym::GLOBAL | sym::LOCAL) != 0 {
                i = next;
                continue;
            }
            if f & sym::DEF_GLOBAL != 0 {
                sc.syms[i as usize].flags |= sym::GLOBAL;
            } else if f & sym::DEF_NONLOCAL != 0 {
                if !bind_free(sc, s, y.name, false)? {
                    return Err(syntax_err!(y.line, y.col, "no binding for nonlocal '{}' found", qs.str(Qstr(y.name))));
                }
            } else if f & sym::CLASS_CELL != 0 && kind == ScopeKind::Class {
                sc.syms[i as usize].flags |= sym::CELL | sym::LOCAL;
            } else if f & sym::BOUND != 0 {
                sc.syms[i as usize].flags |= sym::LOCAL;
            } else if kind == ScopeKind::Module || !bind_free(sc, s, y.name, true)? {
                sc.syms[i as usize].flags |= sym::GLOBAL;
            }
            i = next;
        }
    }
    Ok(())
}

/// Looks for `name` bound in a function scope enclosing `s` (class bodies
/// are skipped, except that `__class__` binds to the class cell). On success
/// marks it a cell there, free in `s` and in every scope between.
fn bind_free(sc: &mut Scopes, s: u32, name: u32, implicit: bool) -> CResult<bool> {
    let mut a = sc.scopes[s as usize].parent;
    let mut found = NIL;
    while a != NIL {
        let r = sc.scopes[a as usize];
        match r.kind {
            ScopeKind::Module => return Ok(false),
            ScopeKind::Class => {
                if name == q::__class__.0 {
                    if let Some(k) = sc.find(a, name) {
                        if sc.syms[k as usize].flags & sym::CLASS_CELL != 0 {
                            found = a;
                            break;
                        }
                    }
                }
            }
            _ => {
                if let Some(k) = sc.find(a, name) {
                    let f = sc.syms[k as usize].flags;
                    if f & sym::DEF_GLOBAL != 0 {
                        return Ok(false);
                    }
                    if f & (sym::BOUND | sym::DEF_NONLOCAL | sym::FREE) != 0 {
                        found = a;
                        break;
                    }
                }
            }
        }
        a = r.parent;
    }
    if found == NIL {
        return Ok(false);
    }
    let _ = implicit;
    // Mark the binding a cell (unless it is itself free: then it passes through).
    let k = sc.find(found, name).unwrap_or(NIL);
    if k != NIL {
        let f = sc.syms[k as usize].flags;
        if f & (sym::DEF_NONLOCAL | sym::FREE) == 0 {
            sc.syms[k as usize].flags |= sym::CELL;
        }
    }
    // Free in s and in every scope strictly between.
    let mut t = s;
    while t != found {
        let k = sc.insert(t, name, 0, 0)?;
        let r = sc.scopes[t as usize];
        let f = sc.syms[k as usize].flags;
        if r.kind == ScopeKind::Class && f & sym::BOUND != 0 && t != s {
            sc.syms[k as usize].flags |= sym::FREE_CLASS;
        } else {
            sc.syms[k as usize].flags |= sym::FREE;
        }
        t = r.parent;
    }
    Ok(true)
}

/// Pass 3: number local slots.
fn number_slots(sc: &mut Scopes, ar: &Arena) -> CResult<()> {
    for s in 0..sc.scopes.len() as u32 {
        let r = sc.scopes[s as usize];
        let mut next = 0u32;
        if matches!(r.kind, ScopeKind::Function | ScopeKind::Comprehension) {
            let node = ar.node(r.node);
            if r.kind == ScopeKind::Comprehension {
                if let Some(k) = sc.find(s, q::dot0.0) {
                    sc.syms[k as usize].slot = 0;
                    next = 1;
                }
                sc.scopes[s as usize].argcount = 1;
            } else {
                let args = if node.kind == Kind::Lambda { node.a } else { node.b };
                let params = ar.node(args).a;
                let (mut argc, mut posonly, mut kwonly, mut fl) = (0u16, 0u16, 0u16, 0u32);
                for pass in 0..4 {
                    for i in 0..ar.list_len(params) {
                        let p = ar.node(ar.list_item(params, i));
                        let take = match pass {
                            0 => p.flag == argkind::POSONLY || p.flag == argkind::NORMAL,
                            1 => p.flag == argkind::KWONLY,
                            2 => p.flag == argkind::VARARG,
                            _ => p.flag == argkind::KWARG,
                        };
                        if !take {
                            continue;
                        }
                        if let Some(k) = sc.find(s, p.a) {
                            sc.syms[k as usize].slot = next;
                        }
                        next += 1;
                        match p.flag {
                            argkind::POSONLY => {
                                argc += 1;
                                posonly += 1;
                            }
                            argkind::NORMAL => argc += 1,
                            argkind::KWONLY => kwonly += 1,
                            argkind::VARARG => fl |= sflags::VARARGS,
                            _ => fl |= sflags::VARKEYWORDS,
                        }
                    }
                }
                let rec = &mut sc.scopes[s as usize];
                rec.argcount = argc;
                rec.posonly = posonly;
                rec.kwonly = kwonly;
                rec.flags |= fl;
            }
            let mut i = r.first_sym;
            while i != NIL {
                let y = sc.syms[i as usize];
                if y.slot == NIL && y.flags & (sym::LOCAL | sym::CELL) != 0 && y.flags & sym::FREE == 0 {
                    sc.syms[i as usize].slot = next;
                    next += 1;
                }
                i = y.next;
            }
        } else if r.kind == ScopeKind::Class {
            let mut i = r.first_sym;
            while i != NIL {
                let y = sc.syms[i as usize];
                if y.flags & sym::CELL != 0 {
                    sc.syms[i as usize].slot = next;
                    next += 1;
                }
                i = y.next;
            }
        }
        // Free variables last.
        let mut n_free = 0;
        let mut i = r.first_sym;
        while i != NIL {
            let y = sc.syms[i as usize];
            if y.flags & (sym::FREE | sym::FREE_CLASS) != 0 && y.flags & sym::CELL == 0 && r.kind != ScopeKind::Module {
                sc.syms[i as usize].slot = next;
                next += 1;
                n_free += 1;
            }
            i = y.next;
        }
        let rec = &mut sc.scopes[s as usize];
        rec.n_locals = next;
        rec.n_free = n_free;
    }
    Ok(())
}
