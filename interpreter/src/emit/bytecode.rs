//! The bytecode: the instruction set, its encoding, and the emitter that
//! writes it with labels, a line-number table, stack-depth tracking and
//! exception-handler ranges.
//!
//! Encoding: one opcode byte, then its operands by format (`Fmt`):
//! `U`/`Q`/`C`/`L` are unsigned LEB128 varints (a count, a qstr index, a
//! constant index, a local slot), `S` a zigzag varint (signed), `UU` two
//! varints, `J` a 4-byte little-endian absolute target offset.
//!
//! Stack conventions the runtime implements:
//! - `LIST_APPEND n`, `SET_ADD n`, `MAP_ADD n`, `LIST_EXTEND n`,
//!   `SET_UPDATE n`, `DICT_UPDATE n`, `DICT_MERGE n`: pop the item(s), then
//!   update the container `n` slots below the new top (1 = right below).
//! - `CALL_FUNCTION p k`: stack is `func, p positional args, k pairs of
//!   (name qstr, value)`. `CALL_METHOD p k` is the same after `LOAD_METHOD`,
//!   which leaves `method, self` or `attr, NULL` (a runtime marker).
//!   `CALL_FUNCTION_EX f`: `func, args tuple[, kwargs dict if f & 1]`.
//! - `MAKE_FUNCTION f`: `[defaults tuple if f&1] [kw-defaults dict if f&2]
//!   [closure tuple of cells if f&8] code` → function.
//! - `FOR_ITER t`: push the next item, or pop the iterator and jump to `t`.
//! - `BEFORE_WITH`: `mgr` → `mgr.__exit__ (bound), mgr.__enter__()`.
//!   `WITH_EXCEPT_START`: `exit, prev, exc` → `exit, prev, exc,
//!   exit(type(exc), exc, tb)`.
//! - `PUSH_EXC_INFO`: `exc` → `prev_handled, exc`, making `exc` the handled
//!   exception; `POP_EXCEPT`: pops `prev_handled` and restores it.
//!   `CHECK_EXC_MATCH`: `exc, type` → `exc, bool`. `RERAISE`: pops and
//!   re-raises, keeping the traceback.
//! - An exception raised at offset `ip` is handled by the first `ExcEntry`
//!   with `start <= ip < end`: the stack is cut to `depth`, the exception is
//!   pushed, and execution continues at `handler`.
//! - `BINARY_OP k`: `k` = `BinOp as u8`, plus 13 for the in-place form.
//!   `COMPARE_OP k`: `k` = `CmpOp as u8`. `FORMAT_VALUE f`: low 2 bits the
//!   conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2 a spec is on the stack.
//! - `IMPORT_NAME q`: `level, fromlist` → module. `IMPORT_FROM q`: `module` →
//!   `module, attr`.
//!
//! Invariants: every jump is patched before the code is handed out (`finish`
//! fails if a label was never placed); the recorded maximum stack depth is at
//! least the depth any instruction can reach; line entries are written only at
//! instruction boundaries.

use crate::obj::ExcEntry;
use upy_heap::{AllocError, GcVec};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fmt {
    None,
    U,
    S,
    Q,
    C,
    L,
    UU,
    J,
}

macro_rules! opcodes {
    ($($name:ident = $fmt:ident, $effect:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        pub enum Op { $($name,)* }
        /// (name, operand format, fixed stack effect or i32::MIN when it depends on the operand).
        pub static OP_INFO: &[(&str, Fmt, i32)] = &[$((stringify!($name), Fmt::$fmt, $effect),)*];
    };
}

const VAR: i32 = i32::MIN;

opcodes! {
    NOP = None, 0;
    POP_TOP = None, -1;
    ROT_TWO = None, 0;
    ROT_THREE = None, 0;
    DUP_TOP = None, 1;
    DUP_TOP_TWO = None, 2;
    LOAD_CONST = C, 1;
    LOAD_SMALL_INT = S, 1;
    LOAD_NONE = None, 1;
    LOAD_TRUE = None, 1;
    LOAD_FALSE = None, 1;
    LOAD_FAST = L, 1;
    STORE_FAST = L, -1;
    DELETE_FAST = L, 0;
    LOAD_DEREF = L, 1;
    STORE_DEREF = L, -1;
    DELETE_DEREF = L, 0;
    LOAD_CLASSDEREF = L, 1;
    LOAD_CLOSURE = L, 1;
    LOAD_GLOBAL = Q, 1;
    STORE_GLOBAL = Q, -1;
    DELETE_GLOBAL = Q, 0;
    LOAD_NAME = Q, 1;
    STORE_NAME = Q, -1;
    DELETE_NAME = Q, 0;
    LOAD_ATTR = Q, 0;
    STORE_ATTR = Q, -2;
    DELETE_ATTR = Q, -1;
    LOAD_METHOD = Q, 1;
    BINARY_SUBSCR = None, -1;
    STORE_SUBSCR = None, -3;
    DELETE_SUBSCR = None, -2;
    UNARY_POSITIVE = None, 0;
    UNARY_NEGATIVE = None, 0;
    UNARY_INVERT = None, 0;
    UNARY_NOT = None, 0;
    BINARY_OP = U, -1;
    COMPARE_OP = U, -1;
    BUILD_TUPLE = U, VAR;
    BUILD_LIST = U, VAR;
    BUILD_SET = U, VAR;
    BUILD_MAP = U, VAR;
    BUILD_SLICE = U, VAR;
    BUILD_STRING = U, VAR;
    LIST_APPEND = U, -1;
    SET_ADD = U, -1;
    MAP_ADD = U, -2;
    LIST_EXTEND = U, -1;
    SET_UPDATE = U, -1;
    DICT_UPDATE = U, -1;
    DICT_MERGE = U, -1;
    LIST_TO_TUPLE = None, 0;
    UNPACK_SEQUENCE = U, VAR;
    UNPACK_EX = UU, VAR;
    FORMAT_VALUE = U, VAR;
    JUMP = J, 0;
    POP_JUMP_IF_FALSE = J, -1;
    POP_JUMP_IF_TRUE = J, -1;
    JUMP_IF_FALSE_OR_POP = J, -1;
    JUMP_IF_TRUE_OR_POP = J, -1;
    GET_ITER = None, 0;
    FOR_ITER = J, 1;
    MAKE_FUNCTION = U, VAR;
    CALL_FUNCTION = UU, VAR;
    CALL_FUNCTION_EX = U, VAR;
    CALL_METHOD = UU, VAR;
    RETURN_VALUE = None, -1;
    YIELD_VALUE = None, 0;
    YIELD_FROM = None, -1;
    GET_YIELD_FROM_ITER = None, 0;
    GET_AWAITABLE = None, 0;
    GET_AITER = None, 0;
    GET_ANEXT = None, 1;
    END_ASYNC_FOR = None, -2;
    BEFORE_ASYNC_WITH = None, 1;
    RAISE_VARARGS = U, VAR;
    RERAISE = None, -1;
    PUSH_EXC_INFO = None, 1;
    POP_EXCEPT = None, -1;
    CHECK_EXC_MATCH = None, 0;
    LOAD_ASSERTION_ERROR = None, 1;
    BEFORE_WITH = None, 1;
    WITH_EXCEPT_START = None, 1;
    IMPORT_NAME = Q, -1;
    IMPORT_FROM = Q, 1;
    IMPORT_STAR = None, -1;
    LOAD_BUILD_CLASS = None, 1;
    PRINT_EXPR = None, -1;
}

impl Op {
    pub fn from_u8(b: u8) -> Option<Op> {
        if (b as usize) < OP_INFO.len() {
            Some(ALL_OPS[b as usize])
        } else {
            None
        }
    }
    pub fn name(self) -> &'static str {
        OP_INFO[self as usize].0
    }
    pub fn fmt(self) -> Fmt {
        OP_INFO[self as usize].1
    }
}

/// Every opcode by number (a table, so decoding needs no transmute).
static ALL_OPS: [Op; OP_COUNT] = {
    use Op::*;
    [
        NOP,
        POP_TOP,
        ROT_TWO,
        ROT_THREE,
        DUP_TOP,
        DUP_TOP_TWO,
        LOAD_CONST,
        LOAD_SMALL_INT,
        LOAD_NONE,
        LOAD_TRUE,
        LOAD_FALSE,
        LOAD_FAST,
        STORE_FAST,
        DELETE_FAST,
        LOAD_DEREF,
        STORE_DEREF,
        DELETE_DEREF,
        LOAD_CLASSDEREF,
        LOAD_CLOSURE,
        LOAD_GLOBAL,
        STORE_GLOBAL,
        DELETE_GLOBAL,
        LOAD_NAME,
        STORE_NAME,
        DELETE_NAME,
        LOAD_ATTR,
        STORE_ATTR,
        DELETE_ATTR,
        LOAD_METHOD,
        BINARY_SUBSCR,
        STORE_SUBSCR,
        DELETE_SUBSCR,
        UNARY_POSITIVE,
        UNARY_NEGATIVE,
        UNARY_INVERT,
        UNARY_NOT,
        BINARY_OP,
        COMPARE_OP,
        BUILD_TUPLE,
        BUILD_LIST,
        BUILD_SET,
        BUILD_MAP,
        BUILD_SLICE,
        BUILD_STRING,
        LIST_APPEND,
        SET_ADD,
        MAP_ADD,
        LIST_EXTEND,
        SET_UPDATE,
        DICT_UPDATE,
        DICT_MERGE,
        LIST_TO_TUPLE,
        UNPACK_SEQUENCE,
        UNPACK_EX,
        FORMAT_VALUE,
        JUMP,
        POP_JUMP_IF_FALSE,
        POP_JUMP_IF_TRUE,
        JUMP_IF_FALSE_OR_POP,
        JUMP_IF_TRUE_OR_POP,
        GET_ITER,
        FOR_ITER,
        MAKE_FUNCTION,
        CALL_FUNCTION,
        CALL_FUNCTION_EX,
        CALL_METHOD,
        RETURN_VALUE,
        YIELD_VALUE,
        YIELD_FROM,
        GET_YIELD_FROM_ITER,
        GET_AWAITABLE,
        GET_AITER,
        GET_ANEXT,
        END_ASYNC_FOR,
        BEFORE_ASYNC_WITH,
        RAISE_VARARGS,
        RERAISE,
        PUSH_EXC_INFO,
        POP_EXCEPT,
        CHECK_EXC_MATCH,
        LOAD_ASSERTION_ERROR,
        BEFORE_WITH,
        WITH_EXCEPT_START,
        IMPORT_NAME,
        IMPORT_FROM,
        IMPORT_STAR,
        LOAD_BUILD_CLASS,
        PRINT_EXPR,
    ]
};
const OP_COUNT: usize = Op::PRINT_EXPR as usize + 1;

/// Offset of the in-place forms in `BINARY_OP`'s operand.
pub const INPLACE: u32 = 13;

// ---- varints -------------------------------------------------------------

pub fn write_uvarint(out: &mut GcVec<u8>, mut v: u32) -> Result<(), AllocError> {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            return out.push(b);
        }
        out.push(b | 0x80)?;
    }
}

/// (value, bytes read); tolerant of truncated input (for the disassembler).
pub fn read_uvarint(s: &[u8], mut i: usize) -> (u32, usize) {
    let start = i;
    let mut v: u32 = 0;
    let mut shift = 0;
    while i < s.len() {
        let b = s[i];
        i += 1;
        if shift < 32 {
            v |= ((b & 0x7f) as u32) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    (v, i - start)
}

pub fn zigzag(v: i64) -> u32 {
    ((v << 1) ^ (v >> 63)) as u32
}

pub fn unzigzag(v: u32) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// The net stack effect of an instruction on the fall-through path (jumps
/// are described in `Emitter::jump`).
pub fn stack_effect(op: Op, a: u32, b: u32) -> i32 {
    let fixed = OP_INFO[op as usize].2;
    if fixed != VAR {
        return fixed;
    }
    let (a, b) = (a as i32, b as i32);
    match op {
        Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_STRING => 1 - a,
        Op::BUILD_MAP => 1 - 2 * a,
        Op::BUILD_SLICE => 1 - a,
        Op::UNPACK_SEQUENCE => a - 1,
        Op::UNPACK_EX => a + b,
        Op::FORMAT_VALUE => -((a & 4 != 0) as i32),
        Op::MAKE_FUNCTION => -((a & 1 != 0) as i32) - ((a & 2 != 0) as i32) - ((a & 8 != 0) as i32),
        Op::CALL_FUNCTION => -a - 2 * b,
        Op::CALL_METHOD => -a - 2 * b - 1,
        Op::CALL_FUNCTION_EX => -1 - (a & 1),
        Op::RAISE_VARARGS => -a,
        _ => 0,
    }
}

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Insn {
    pub op: Op,
    /// First operand (the target for `J`; the zigzag form for `S`, see `unzigzag`).
    pub a: u32,
    pub b: u32,
    /// Offset of the next instruction.
    pub next: usize,
}

/// Decodes the instruction at `i`, or `None` for a bad opcode or a
/// truncated operand.
pub fn decode(code: &[u8], i: usize) -> Option<Insn> {
    let op = Op::from_u8(*code.get(i)?)?;
    let mut p = i + 1;
    let (mut a, mut b) = (0, 0);
    match op.fmt() {
        Fmt::None => {}
        Fmt::J => {
            let bytes = code.get(p..p + 4)?;
            a = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            p += 4;
        }
        Fmt::UU => {
            let (x, n1) = read_uvarint(code, p);
            let (y, n2) = read_uvarint(code, p + n1);
            if n1 == 0 || n2 == 0 {
                return None;
            }
            a = x;
            b = y;
            p += n1 + n2;
        }
        _ => {
            let (x, n) = read_uvarint(code, p);
            if n == 0 {
                return None;
            }
            a = x;
            p += n;
        }
    }
    Some(Insn { op, a, b, next: p })
}

// ---- the emitter -------------------------------------------------------------

const NIL: u32 = u32::MAX;

pub type Label = u32;

pub struct Emitter {
    pub code: GcVec<u8>,
    pub lines: GcVec<u8>,
    pub handlers: GcVec<ExcEntry>,
    labels: GcVec<u32>,
    label_depth: GcVec<i32>,
    fixups: GcVec<(u32, u32)>,
    depth: i32,
    max_depth: i32,
    /// False after an unconditional transfer until the next label.
    reachable: bool,
    first_line: u32,
    cur_line: u32,
    table_line: u32,
    table_off: u32,
}

impl Emitter {
    pub fn new(first_line: u32) -> Emitter {
        Emitter {
            code: GcVec::new(),
            lines: GcVec::new(),
            handlers: GcVec::new(),
            labels: GcVec::new(),
            label_depth: GcVec::new(),
            fixups: GcVec::new(),
            depth: 0,
            max_depth: 0,
            reachable: true,
            first_line,
            cur_line: first_line,
            table_line: first_line,
            table_off: 0,
        }
    }

    pub fn offset(&self) -> u32 {
        self.code.len() as u32
    }

    pub fn depth(&self) -> u32 {
        self.depth.max(0) as u32
    }

    pub fn max_depth(&self) -> u32 {
        self.max_depth.max(0) as u32
    }

    pub fn set_line(&mut self, line: u32) {
        if line != 0 {
            self.cur_line = line;
        }
    }

    fn adjust(&mut self, d: i32) {
        self.depth += d;
        if self.depth > self.max_depth {
            self.max_depth = self.depth;
        }
    }

    fn start_op(&mut self, op: Op) -> Result<(), AllocError> {
        if self.cur_line != self.table_line {
            let off = self.offset();
            write_uvarint(&mut self.lines, off - self.table_off)?;
            write_uvarint(&mut self.lines, zigzag(self.cur_line as i64 - self.table_line as i64))?;
            self.table_off = off;
            self.table_line = self.cur_line;
        }
        self.code.push(op as u8)
    }

    fn effect(op: Op, a: u32, b: u32) -> i32 {
        stack_effect(op, a, b)
    }

    pub fn op(&mut self, op: Op) -> Result<(), AllocError> {
        self.start_op(op)?;
        self.adjust(Self::effect(op, 0, 0));
        if matches!(op, Op::RETURN_VALUE | Op::RERAISE) {
            self.reachable = false;
        }
        Ok(())
    }

    pub fn op_u(&mut self, op: Op, a: u32) -> Result<(), AllocError> {
        self.start_op(op)?;
        write_uvarint(&mut self.code, a)?;
        self.adjust(Self::effect(op, a, 0));
        if op == Op::RAISE_VARARGS {
            self.reachable = false;
        }
        Ok(())
    }

    pub fn op_s(&mut self, op: Op, v: i64) -> Result<(), AllocError> {
        self.start_op(op)?;
        write_uvarint(&mut self.code, zigzag(v))?;
        self.adjust(Self::effect(op, 0, 0));
        Ok(())
    }

    pub fn op_uu(&mut self, op: Op, a: u32, b: u32) -> Result<(), AllocError> {
        self.start_op(op)?;
        write_uvarint(&mut self.code, a)?;
        write_uvarint(&mut self.code, b)?;
        self.adjust(Self::effect(op, a, b));
        Ok(())
    }

    pub fn new_label(&mut self) -> Result<Label, AllocError> {
        self.labels.push(NIL)?;
        self.label_depth.push(-1)?;
        Ok(self.labels.len() as u32 - 1)
    }

    fn note_depth(&mut self, l: Label, d: i32) {
        let slot = &mut self.label_depth[l as usize];
        if *slot < d {
            *slot = d;
        }
    }

    /// A jump; records the stack depth the target will see.
    pub fn jump(&mut self, op: Op, l: Label) -> Result<(), AllocError> {
        self.start_op(op)?;
        let pos = self.offset();
        self.code.extend_from_slice(&[0, 0, 0, 0])?;
        self.fixups.push((pos, l))?;
        match op {
            Op::JUMP => {
                let d = self.depth;
                self.note_depth(l, d);
                self.reachable = false;
            }
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                self.adjust(-1);
                let d = self.depth;
                self.note_depth(l, d);
            }
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                let d = self.depth;
                self.note_depth(l, d);
                self.adjust(-1);
            }
            Op::FOR_ITER => {
                let d = self.depth - 1;
                self.note_depth(l, d);
                self.adjust(1);
            }
            _ => {}
        }
        Ok(())
    }

    /// Places a label here. After an unconditional transfer the depth is the
    /// one recorded by the jumps to it.
    pub fn place(&mut self, l: Label) {
        self.labels[l as usize] = self.offset();
        let known = self.label_depth[l as usize];
        if !self.reachable {
            if known >= 0 {
                self.depth = known;
            }
        } else if known > self.depth {
            self.depth = known;
        }
        self.reachable = true;
    }

    /// Places a handler label: the stack is `depth` plus the pushed exception.
    pub fn place_handler(&mut self, l: Label, depth: u32) {
        self.note_depth(l, depth as i32 + 1);
        self.reachable = false;
        self.place(l);
        self.adjust(0);
    }

    /// Records an exception-handler range (the handler is a label until `finish`).
    pub fn add_range(&mut self, start: u32, end: u32, handler: Label, depth: u32) -> Result<(), AllocError> {
        if start < end {
            self.handlers.push(ExcEntry { start, end, handler, depth })?;
        }
        Ok(())
    }

    /// Marks the code unreachable (after an unconditional transfer emitted by hand).
    pub fn unreachable(&mut self) {
        self.reachable = false;
    }

    pub fn is_reachable(&self) -> bool {
        self.reachable
    }

    /// Patches jumps and handler targets. Returns false if a label was used
    /// but never placed (a compiler bug, reported as an error, not a panic).
    pub fn finish(&mut self) -> bool {
        for k in 0..self.fixups.len() {
            let (pos, l) = self.fixups[k];
            let target = self.labels[l as usize];
            if target == NIL {
                return false;
            }
            let b = target.to_le_bytes();
            self.code[pos as usize..pos as usize + 4].copy_from_slice(&b);
        }
        for k in 0..self.handlers.len() {
            let l = self.handlers[k].handler;
            let target = self.labels[l as usize];
            if target == NIL {
                return false;
            }
            self.handlers[k].handler = target;
        }
        true
    }

    pub fn first_line(&self) -> u32 {
        self.first_line
    }
}
