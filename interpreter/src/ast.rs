//! The parse tree: index-based nodes in a GC-backed arena.
//!
//! A node is 28 bytes: a kind, a small flag, its position and four `u32`
//! operands whose meaning depends on the kind (table below). Operands are node
//! ids, qstr indices, literal indices or list ids. A list is stored in
//! `extra` as its length followed by its items; a list id is the index of the
//! length word, and list 0 is the empty list.
//!
//! Invariants: all storage is GC blocks owned by the arena and freed when it
//! is dropped; `NONE` (u32::MAX) marks an absent optional operand; a node only
//! refers to nodes created before it (so the tree has no cycles).
//!
//! ```text
//! kind           flag            a            b             c           d
//! Module         -               body list
//! FunctionDef    1=async         name qstr    Arguments     body list   decorators list
//! ClassDef       -               name qstr    args list     body list   decorators list
//! Return         -               value?
//! Delete         -               targets list
//! Assign         -               targets list value
//! AugAssign      BinOp           target       value
//! AnnAssign      1=simple name   target       annotation    value?
//! For            1=async         target       iter          body list   else list
//! While          -               test         body list     else list
//! If             -               test         body list     else list
//! With           1=async         items list   body list
//! WithItem       -               expr         target?
//! Raise          -               exc?         cause?
//! Try            -               body list    handlers list else list   finally list
//! ExceptHandler  -               type?        name qstr?    body list
//! Assert         -               test         msg?
//! Import         -               aliases list
//! ImportFrom     -               module qstr? aliases list  level
//! Alias          -               name qstr    asname qstr?
//! Global/Nonlocal -              names list (qstrs)
//! Expr           -               value
//! Pass/Break/Continue
//! BoolOp         0=and 1=or      values list
//! NamedExpr      -               target Name  value
//! BinOp          BinOp           left         right
//! UnaryOp        UnaryOp         operand
//! Lambda         -               Arguments    body expr
//! IfExp          -               test         body          orelse
//! Dict           -               pairs list (key or NONE for **, value)
//! Set            -               elts list
//! ListComp/SetComp/GenExp -      elt          generators list
//! DictComp       -               key          generators    value
//! Comprehension  1=async         target       iter          ifs list
//! Await/YieldFrom -              value
//! Yield          -               value?
//! Compare        -               left         pairs list (CmpOp as u32, expr)
//! Call           -               func         args list (exprs, Starred, Keyword)
//! Keyword        -               name qstr or NONE for **   value
//! FormattedValue conversion char value        spec JoinedStr?
//! JoinedStr      -               parts list
//! Constant       -               literal index
//! Attribute      Ctx             value        attr qstr
//! Subscript      Ctx             value        slice
//! Starred        Ctx             value
//! Name           Ctx             id qstr
//! List/Tuple     Ctx             elts list
//! Slice          -               lower?       upper?        step?
//! Arguments      -               params list (Arg nodes)
//! Arg            ArgKind         name qstr    default?      annotation?
//! ```

use crate::value::Value;
use upy_heap::{AllocError, GcVec};

pub const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    Module,
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    WithItem,
    Raise,
    Try,
    ExceptHandler,
    Assert,
    Import,
    ImportFrom,
    Alias,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GenExp,
    Comprehension,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    Keyword,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
    Arguments,
    Arg,
}

/// Expression context (the flag of Name, Attribute, Subscript, Starred, List, Tuple).
pub mod ctx {
    pub const LOAD: u8 = 0;
    pub const STORE: u8 = 1;
    pub const DEL: u8 = 2;
}

/// Parameter kinds (the flag of Arg).
pub mod argkind {
    pub const POSONLY: u8 = 0;
    pub const NORMAL: u8 = 1;
    pub const VARARG: u8 = 2;
    pub const KWONLY: u8 = 3;
    pub const KWARG: u8 = 4;
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mult,
        BinOp::MatMult,
        BinOp::Div,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::BitAnd,
        BinOp::FloorDiv,
    ];
    pub fn from_u8(v: u8) -> BinOp {
        BinOp::ALL[(v as usize) % 13]
    }
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::FloorDiv => "//",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Gt,
    Eq,
    NotEq,
    LtE,
    GtE,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    pub const ALL: [CmpOp; 10] = [
        CmpOp::Lt,
        CmpOp::Gt,
        CmpOp::Eq,
        CmpOp::NotEq,
        CmpOp::LtE,
        CmpOp::GtE,
        CmpOp::In,
        CmpOp::NotIn,
        CmpOp::Is,
        CmpOp::IsNot,
    ];
    pub fn from_u32(v: u32) -> CmpOp {
        CmpOp::ALL[(v as usize) % 10]
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Gt => ">",
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::LtE => "<=",
            CmpOp::GtE => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Node {
    pub kind: Kind,
    pub flag: u8,
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub d: u32,
}

/// The arena. `lits` holds literal Values (qstrs, small ints, and pointers to
/// constant objects, which stay alive because this block holds them).
pub struct Arena {
    pub nodes: GcVec<Node>,
    pub extra: GcVec<u32>,
    pub lits: GcVec<Value>,
    /// Pending list items while a list is being parsed.
    pub scratch: GcVec<u32>,
}

pub type NodeId = u32;
pub type ListId = u32;

impl Arena {
    pub fn new() -> Result<Arena, AllocError> {
        Arena::for_source(0)
    }

    /// An arena for a `len`-byte source. Large sources get room for their
    /// tree up front (about one node per four bytes, saving the copies of
    /// repeated growth); small ones start empty, because with first-fit
    /// allocation a few one-block requests are cheaper than one long run.
    pub fn for_source(len: usize) -> Result<Arena, AllocError> {
        let nodes = if len >= 4096 { (len / 4).min(1 << 18) } else { 0 };
        let mut a = Arena {
            nodes: GcVec::with_capacity(nodes)?,
            extra: GcVec::with_capacity(nodes / 2)?,
            lits: GcVec::new(),
            scratch: GcVec::new(),
        };
        a.extra.push(0)?; // list 0: the empty list
        Ok(a)
    }

    #[inline]
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        kind: Kind,
        flag: u8,
        line: u32,
        col: u32,
        a: u32,
        b: u32,
        c: u32,
        d: u32,
    ) -> Result<NodeId, AllocError> {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node { kind, flag, line, col, a, b, c, d })?;
        Ok(id)
    }

    #[inline]
    pub fn node(&self, id: NodeId) -> Node {
        self.nodes[id as usize]
    }

    #[inline]
    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    pub fn lit(&mut self, v: Value) -> Result<u32, AllocError> {
        self.lits.push(v)?;
        Ok(self.lits.len() as u32 - 1)
    }

    /// Marks the start of a list being collected in `scratch`.
    #[inline]
    pub fn mark(&self) -> usize {
        self.scratch.len()
    }

    #[inline]
    pub fn push_item(&mut self, v: u32) -> Result<(), AllocError> {
        self.scratch.push(v)
    }

    /// Moves the items collected since `mark` into a list.
    pub fn finish_list(&mut self, mark: usize) -> Result<ListId, AllocError> {
        let n = self.scratch.len() - mark;
        if n == 0 {
            return Ok(0);
        }
        let id = self.extra.len() as u32;
        self.extra.reserve(n + 1)?;
        self.extra.push(n as u32)?;
        self.extra.extend_from_slice(&self.scratch[mark..])?;
        self.scratch.truncate(mark);
        Ok(id)
    }

    /// A list of one item.
    pub fn list1(&mut self, v: u32) -> Result<ListId, AllocError> {
        let m = self.mark();
        self.push_item(v)?;
        self.finish_list(m)
    }

    #[inline]
    pub fn list(&self, id: ListId) -> &[u32] {
        let n = self.extra[id as usize] as usize;
        &self.extra[id as usize + 1..id as usize + 1 + n]
    }

    #[inline]
    pub fn list_len(&self, id: ListId) -> usize {
        self.extra[id as usize] as usize
    }

    #[inline]
    pub fn list_item(&self, id: ListId, i: usize) -> u32 {
        self.extra[id as usize + 1 + i]
    }
}

/// Writes the tree under `id` as an S-expression, e.g.
/// `(BinOp + (Name a) (Constant 1))`: for `upy --parse` and parser tests.
pub fn dump(out: &mut dyn core::fmt::Write, ar: &Arena, qs: &crate::qstr::QstrPool, id: NodeId) -> core::fmt::Result {
    use crate::qstr::Qstr;
    if id == NONE {
        return out.write_str("-");
    }
    let n = ar.node(id);
    let name = |q: u32| if q == NONE { "-" } else { qs.str(Qstr(q)) };
    let list = |out: &mut dyn core::fmt::Write, l: ListId| -> core::fmt::Result {
        out.write_str("[")?;
        for (i, &x) in ar.list(l).iter().enumerate() {
            if i > 0 {
                out.write_str(" ")?;
            }
            dump(out, ar, qs, x)?;
        }
        out.write_str("]")
    };
    write!(out, "({:?}", n.kind)?;
    if matches!(n.kind, Kind::For | Kind::With | Kind::FunctionDef | Kind::Comprehension) && n.flag == 1 {
        out.write_str(" async")?;
    }
    match n.kind {
        Kind::Name => write!(out, " {}", name(n.a))?,
        Kind::Constant => {
            out.write_str(" ")?;
            crate::showbc::const_repr(out, qs, ar.lits[n.a as usize])?;
        }
        Kind::BinOp | Kind::AugAssign => {
            write!(out, " {} ", BinOp::from_u8(n.flag).symbol())?;
            dump(out, ar, qs, n.a)?;
            out.write_str(" ")?;
            dump(out, ar, qs, n.b)?;
        }
        Kind::UnaryOp => {
            let op = ["~", "not", "+", "-"][(n.flag & 3) as usize];
            write!(out, " {op} ")?;
            dump(out, ar, qs, n.a)?;
        }
        Kind::BoolOp => {
            out.write_str(if n.flag == 1 { " or " } else { " and " })?;
            list(out, n.a)?;
        }
        Kind::Compare => {
            out.write_str(" ")?;
            dump(out, ar, qs, n.a)?;
            let l = ar.list(n.b);
            for k in (0..l.len()).step_by(2) {
                write!(out, " {} ", CmpOp::from_u32(l[k]).symbol())?;
                dump(out, ar, qs, l[k + 1])?;
            }
        }
        Kind::Attribute => {
            out.write_str(" ")?;
            dump(out, ar, qs, n.a)?;
            write!(out, " {}", name(n.b))?;
        }
        Kind::Keyword | Kind::Alias | Kind::Arg | Kind::ExceptHandler | Kind::FunctionDef | Kind::ClassDef => {
            let first = if n.kind == Kind::Keyword && n.a == NONE { "**" } else { name(n.a) };
            let (b_is_name, rest) = match n.kind {
                Kind::Keyword => (false, [n.b, NONE, NONE]),
                Kind::Alias => (true, [NONE, NONE, NONE]),
                Kind::Arg => (false, [n.b, NONE, NONE]),
                Kind::ExceptHandler => (true, [NONE, NONE, NONE]),
                Kind::FunctionDef => (false, [n.b, NONE, NONE]),
                _ => (false, [NONE, NONE, NONE]),
            };
            if n.kind == Kind::ExceptHandler {
                out.write_str(" ")?;
                dump(out, ar, qs, n.a)?;
                write!(out, " {} ", name(n.b))?;
                list(out, n.c)?;
            } else {
                write!(out, " {first}")?;
                if n.kind == Kind::Arg {
                    write!(out, "/{}", n.flag)?;
                }
                if b_is_name {
                    write!(out, " {}", name(n.b))?;
                }
                for r in rest {
                    if r != NONE {
                        out.write_str(" ")?;
                        dump(out, ar, qs, r)?;
                    }
                }
                if n.kind == Kind::ClassDef {
                    out.write_str(" ")?;
                    list(out, n.b)?;
                }
                if matches!(n.kind, Kind::FunctionDef | Kind::ClassDef) {
                    out.write_str(" ")?;
                    list(out, n.c)?;
                    if n.d != 0 {
                        out.write_str(" @")?;
                        list(out, n.d)?;
                    }
                }
            }
        }
        Kind::Global | Kind::Nonlocal => {
            for &q in ar.list(n.a) {
                write!(out, " {}", name(q))?;
            }
        }
        Kind::ImportFrom => {
            write!(out, " {} {} ", ".".repeat(n.c as usize), name(n.a))?;
            list(out, n.b)?;
        }
        Kind::Pass | Kind::Break | Kind::Continue => {}
        _ => {
            // Generic: operands by the table at the top of this file
            // (n = node, l = list, . = unused).
            let spec: &[u8; 4] = match n.kind {
                Kind::Module | Kind::Delete | Kind::Import | Kind::Set | Kind::Dict | Kind::JoinedStr => b"l...",
                Kind::Arguments | Kind::List | Kind::Tuple => b"l...",
                Kind::With => b"ll..",
                Kind::Assign => b"ln..",
                Kind::For => b"nnll",
                Kind::While | Kind::If => b"nll.",
                Kind::Try => b"llll",
                Kind::ListComp | Kind::SetComp | Kind::GenExp | Kind::Call => b"nl..",
                Kind::DictComp => b"nln.",
                Kind::Comprehension => b"nnl.",
                Kind::Return | Kind::Expr | Kind::Starred | Kind::Await | Kind::Yield | Kind::YieldFrom => b"n...",
                Kind::Subscript | Kind::NamedExpr | Kind::Lambda | Kind::WithItem | Kind::Raise | Kind::Assert => {
                    b"nn.."
                }
                Kind::FormattedValue => b"nn..",
                _ => b"nnn.",
            };
            let ops = [n.a, n.b, n.c, n.d];
            for (k, &t) in spec.iter().enumerate() {
                match t {
                    b'n' => {
                        out.write_str(" ")?;
                        dump(out, ar, qs, ops[k])?;
                    }
                    b'l' => {
                        out.write_str(" ")?;
                        list(out, ops[k])?;
                    }
                    _ => {}
                }
            }
            if n.kind == Kind::FormattedValue && n.flag != 0 {
                write!(out, " !{}", n.flag as char)?;
            }
        }
    }
    out.write_str(")")
}
