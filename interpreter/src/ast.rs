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
        let mut a = Arena { nodes: GcVec::new(), extra: GcVec::new(), lits: GcVec::new(), scratch: GcVec::new() };
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
