//! The object layer the compiler needs: static type descriptors, the constant
//! objects a code object refers to, and the code object itself. This is the
//! only module of the compiler with `unsafe`: it writes object headers into raw
//! heap blocks and reads them back.
//!
//! Every object is one GC block whose first word points to a static
//! `TypeDesc`; the descriptors are registered with the heap (`register_types`)
//! so heap dumps and the verifier name them. Every pointer an object holds is
//! the HEAD address of another block (or null), never an interior pointer.
//!
//! Constant objects (the runtime converts or adopts them):
//!
//! ```text
//!  type          words after the descriptor word
//!  const-str     len (bytes), then the UTF-8 bytes          (strings too long to intern)
//!  const-bytes   len (bytes), then the bytes
//!  const-int     sign (0 = +, 1 = -), n (limbs), then n u32 limbs, least significant first
//!  const-float   the f64's bits as u64
//!  const-complex the imaginary part's f64 bits as u64 (real part 0.0)
//!  code          see `CodeObj`
//! ```

use crate::value::Value;
use core::mem::size_of;
use core::ptr;
use upy_heap::{AllocError, GcVec, Heap, TypeInfo};

/// A static type descriptor: the first word of every object points to one.
/// `name` and `info` are what the heap and its dumps see; `kind` is the
/// runtime's dispatch tag (the layout after the descriptor word) and `class`
/// the Python type object (`type(x)`), a static class for every built-in kind.
#[repr(C, align(8))]
pub struct TypeDesc {
    pub name: &'static str,
    pub info: &'static TypeInfo,
    pub kind: crate::objects::Kind,
    pub class: &'static crate::objects::class::ClassObj,
}

macro_rules! desc {
    ($desc:ident, $info:ident, $name:expr, $letter:expr, $fields:expr, $kind:ident, $class:ident) => {
        pub static $info: TypeInfo = TypeInfo { name: $name, letter: $letter, fields: $fields, all_from: None };
        pub static $desc: TypeDesc = TypeDesc {
            name: $name,
            info: &$info,
            kind: crate::objects::Kind::$kind,
            class: &crate::objects::class::$class,
        };
    };
}

// The runtime adopts the constants as they are: a const-str is a `str`, a
// const-int a big `int`, a const-float a `float` (same layouts, see objects/).
desc!(CONST_STR_TYPE, CONST_STR_INFO, "const-str", b's', &[], Str, STR_CLASS);
desc!(CONST_BYTES_TYPE, CONST_BYTES_INFO, "const-bytes", b'b', &[], Bytes, BYTES_CLASS);
desc!(CONST_INT_TYPE, CONST_INT_INFO, "const-int", b'i', &[], BigInt, INT_CLASS);
desc!(CONST_FLOAT_TYPE, CONST_FLOAT_INFO, "const-float", b'f', &[], Float, FLOAT_CLASS);
desc!(CONST_COMPLEX_TYPE, CONST_COMPLEX_INFO, "const-complex", b'j', &[], ConstComplex, COMPLEX_CLASS);
desc!(CODE_TYPE, CODE_INFO, "code", b'C', &[1, 2, 3, 4, 5, 6], Code, CODE_CLASS);

pub static ALL_TYPES: [&TypeDesc; 6] =
    [&CONST_STR_TYPE, &CONST_BYTES_TYPE, &CONST_INT_TYPE, &CONST_FLOAT_TYPE, &CONST_COMPLEX_TYPE, &CODE_TYPE];

/// Registers every descriptor of this module with `heap`.
pub fn register_types(heap: &Heap) {
    for d in ALL_TYPES {
        heap.register_type(d as *const TypeDesc as *const (), d.info);
    }
}

const W: usize = size_of::<usize>();

fn alloc_obj(bytes: usize) -> Result<*mut usize, AllocError> {
    let p = Heap::with_current(|h| h.alloc(bytes, false)).unwrap_or(Err(AllocError::NoHeap))?;
    Ok(p.as_ptr() as *mut usize)
}

/// The descriptor of the object `v` points to, if `v` is an object pointer.
pub fn type_of(v: Value) -> Option<&'static TypeDesc> {
    let p = v.as_ptr::<*const TypeDesc>()?;
    // SAFETY: object pointers made by this module point to live blocks whose
    // first word is a `&'static TypeDesc`.
    let d = unsafe { ptr::read(p) };
    ALL_TYPES.iter().copied().find(|t| ptr::eq(*t, d))
}

/// A const-str or const-bytes object holding `data`.
pub fn new_bytes_obj(ty: &'static TypeDesc, data: &[u8]) -> Result<Value, AllocError> {
    let p = alloc_obj(2 * W + data.len())?;
    // SAFETY: p is a fresh zeroed block of at least 2 words + len bytes.
    unsafe {
        ptr::write(p, ty as *const TypeDesc as usize);
        ptr::write(p.add(1), data.len());
        ptr::copy_nonoverlapping(data.as_ptr(), p.add(2) as *mut u8, data.len());
    }
    Ok(Value::from_ptr(p))
}

/// The payload of a const-str or const-bytes object.
pub fn bytes_of(v: Value) -> Option<&'static [u8]> {
    let t = type_of(v)?;
    if !ptr::eq(t, &CONST_STR_TYPE) && !ptr::eq(t, &CONST_BYTES_TYPE) {
        return None;
    }
    let p = v.as_ptr::<usize>()?;
    // SAFETY: layout written by new_bytes_obj; the object stays alive while the
    // caller holds `v` (callers hold it on the stack or in a live code object).
    unsafe { Some(core::slice::from_raw_parts(p.add(2) as *const u8, ptr::read(p.add(1)))) }
}

/// A const-int from a magnitude (u32 limbs, least significant first).
pub fn new_int_obj(neg: bool, limbs: &[u32]) -> Result<Value, AllocError> {
    let p = alloc_obj(3 * W + 4 * limbs.len())?;
    // SAFETY: fresh block of 3 words + the limbs; limbs are 4-aligned there.
    unsafe {
        ptr::write(p, &CONST_INT_TYPE as *const TypeDesc as usize);
        ptr::write(p.add(1), neg as usize);
        ptr::write(p.add(2), limbs.len());
        ptr::copy_nonoverlapping(limbs.as_ptr(), p.add(3) as *mut u32, limbs.len());
    }
    Ok(Value::from_ptr(p))
}

/// (negative, limbs) of a const-int.
pub fn int_of(v: Value) -> Option<(bool, &'static [u32])> {
    if !ptr::eq(type_of(v)?, &CONST_INT_TYPE) {
        return None;
    }
    let p = v.as_ptr::<usize>()?;
    // SAFETY: layout written by new_int_obj; alive while `v` is held.
    unsafe {
        Some((ptr::read(p.add(1)) != 0, core::slice::from_raw_parts(p.add(3) as *const u32, ptr::read(p.add(2)))))
    }
}

#[repr(C)]
struct FloatObj {
    ty: usize,
    bits: u64,
}

/// A const-float or const-complex (imaginary part) object.
pub fn new_float_obj(complex: bool, f: f64) -> Result<Value, AllocError> {
    let p = alloc_obj(size_of::<FloatObj>())? as *mut FloatObj;
    let ty = if complex { &CONST_COMPLEX_TYPE } else { &CONST_FLOAT_TYPE };
    // SAFETY: fresh block big enough for a FloatObj, block-aligned.
    unsafe { ptr::write(p, FloatObj { ty: ty as *const TypeDesc as usize, bits: f.to_bits() }) };
    Ok(Value::from_ptr(p))
}

/// (is_complex, value) of a const-float or const-complex.
pub fn float_of(v: Value) -> Option<(bool, f64)> {
    let t = type_of(v)?;
    let complex = ptr::eq(t, &CONST_COMPLEX_TYPE);
    if !complex && !ptr::eq(t, &CONST_FLOAT_TYPE) {
        return None;
    }
    // SAFETY: layout written by new_float_obj.
    let bits = unsafe { ptr::read(v.as_ptr::<FloatObj>()?).bits };
    Some((complex, f64::from_bits(bits)))
}

/// One exception-handler range: an exception raised by an instruction at
/// offset `start <= ip < end` truncates the value stack to `depth`, pushes the
/// exception and jumps to `handler`. Entries are ordered innermost first; the
/// first match wins.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// Code flags.
pub mod flags {
    pub const VARARGS: u16 = 0x01;
    pub const VARKEYWORDS: u16 = 0x02;
    pub const GENERATOR: u16 = 0x04;
    pub const COROUTINE: u16 = 0x08;
    pub const ASYNC_GENERATOR: u16 = 0x10;
    /// Module or class body: names go through LOAD_NAME/STORE_NAME.
    pub const NAMESPACE: u16 = 0x20;
    pub const CLASS_BODY: u16 = 0x40;
    pub const NESTED: u16 = 0x80;
}

/// A code object. Words 1..=6 are the only pointer fields (HEAD addresses of
/// GC blocks, or null when the array is empty).
///
/// Local slots: `0..argcount` positional parameters (the first `posonly` of
/// them positional-only), then `kwonly` keyword-only parameters, then `*args`
/// if `VARARGS`, then `**kwargs` if `VARKEYWORDS`, then the other locals, and
/// the last `n_free` slots are free variables, filled from the function's
/// closure tuple. `cells` lists the slots that hold a cell (made at entry,
/// wrapping the argument value if the slot is a parameter); `LOAD_DEREF n`
/// reads the cell in slot n.
#[repr(C)]
pub struct CodeObj {
    pub ty: *const TypeDesc,
    /// `code_len` bytes of bytecode (see `emit::bytecode`).
    pub code: *const u8,
    /// `n_consts` Values.
    pub consts: *const Value,
    /// `n_locals` qstr Values naming the local slots.
    pub varnames: *const Value,
    /// `n_cells` u32 slot numbers.
    pub cells: *const u32,
    /// `lines_len` bytes: pairs (varint offset delta, zigzag varint line delta)
    /// from (0, first_line).
    pub lines: *const u8,
    /// `n_handlers` `ExcEntry`s.
    pub handlers: *const ExcEntry,
    pub name: u32,
    pub qualname: u32,
    pub filename: u32,
    pub first_line: u32,
    pub code_len: u32,
    pub n_consts: u32,
    pub n_locals: u32,
    pub n_cells: u32,
    pub n_free: u32,
    pub lines_len: u32,
    pub n_handlers: u32,
    pub stack_size: u32,
    pub argcount: u16,
    pub posonly: u16,
    pub kwonly: u16,
    pub flags: u16,
}

/// Everything a code object is built from. The vectors' blocks are handed
/// over to the code object.
pub struct CodeParts {
    pub code: GcVec<u8>,
    pub consts: GcVec<Value>,
    pub varnames: GcVec<Value>,
    pub cells: GcVec<u32>,
    pub lines: GcVec<u8>,
    pub handlers: GcVec<ExcEntry>,
    pub name: u32,
    pub qualname: u32,
    pub filename: u32,
    pub first_line: u32,
    pub n_free: u32,
    pub stack_size: u32,
    pub argcount: u16,
    pub posonly: u16,
    pub kwonly: u16,
    pub flags: u16,
}

fn give<T>(v: GcVec<T>) -> (*const T, u32) {
    if v.is_empty() {
        return (ptr::null(), 0);
    }
    let (p, len, _) = v.into_raw_parts();
    (p as *const T, len as u32)
}

/// Builds a code object; on failure the parts are freed.
pub fn new_code(parts: CodeParts) -> Result<Value, AllocError> {
    // The parts stay owned (and so reachable from this frame) across the
    // allocation, which may collect.
    let p = alloc_obj(size_of::<CodeObj>())? as *mut CodeObj;
    let (code, code_len) = give(parts.code);
    let (consts, n_consts) = give(parts.consts);
    let (varnames, n_locals) = give(parts.varnames);
    let (cells, n_cells) = give(parts.cells);
    let (lines, lines_len) = give(parts.lines);
    let (handlers, n_handlers) = give(parts.handlers);
    let obj = CodeObj {
        ty: &CODE_TYPE,
        code,
        consts,
        varnames,
        cells,
        lines,
        handlers,
        name: parts.name,
        qualname: parts.qualname,
        filename: parts.filename,
        first_line: parts.first_line,
        code_len,
        n_consts,
        n_locals,
        n_cells,
        n_free: parts.n_free,
        lines_len,
        n_handlers,
        stack_size: parts.stack_size,
        argcount: parts.argcount,
        posonly: parts.posonly,
        kwonly: parts.kwonly,
        flags: parts.flags,
    };
    // SAFETY: p is a fresh block of size_of::<CodeObj>() bytes, block-aligned;
    // no allocation happens between taking the raw parts and this write, so no
    // collection can miss them.
    unsafe { ptr::write(p, obj) };
    Ok(Value::from_ptr(p))
}

/// A borrowed view of a code object for the disassembler and the runtime.
#[derive(Clone, Copy)]
pub struct Code(*const CodeObj);

fn slice<'a, T>(p: *const T, n: u32) -> &'a [T] {
    if p.is_null() || n == 0 {
        &[]
    } else {
        // SAFETY: the code object's arrays are live GC blocks of n elements,
        // alive while the code object is (callers hold it).
        unsafe { core::slice::from_raw_parts(p, n as usize) }
    }
}

impl Code {
    pub fn from_value(v: Value) -> Option<Code> {
        if ptr::eq(type_of(v)?, &CODE_TYPE) {
            Some(Code(v.as_ptr()?))
        } else {
            None
        }
    }
    pub fn value(self) -> Value {
        Value::from_ptr(self.0)
    }
    pub fn header(&self) -> &CodeObj {
        // SAFETY: from_value checked the descriptor; the object is alive while held.
        unsafe { &*self.0 }
    }
    pub fn code(&self) -> &[u8] {
        slice(self.header().code, self.header().code_len)
    }
    pub fn consts(&self) -> &[Value] {
        slice(self.header().consts, self.header().n_consts)
    }
    pub fn varnames(&self) -> &[Value] {
        slice(self.header().varnames, self.header().n_locals)
    }
    pub fn cells(&self) -> &[u32] {
        slice(self.header().cells, self.header().n_cells)
    }
    pub fn lines(&self) -> &[u8] {
        slice(self.header().lines, self.header().lines_len)
    }
    pub fn handlers(&self) -> &[ExcEntry] {
        slice(self.header().handlers, self.header().n_handlers)
    }

    /// The source line of the instruction at `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        let t = self.lines();
        let (mut i, mut off, mut line) = (0usize, 0u32, self.header().first_line as i64);
        while i < t.len() {
            let (d_off, n1) = crate::emit::bytecode::read_uvarint(t, i);
            let (d_line, n2) = crate::emit::bytecode::read_uvarint(t, i + n1);
            let next = off + d_off;
            if next > offset {
                break;
            }
            off = next;
            line += crate::emit::bytecode::unzigzag(d_line);
            i += n1 + n2;
        }
        line as u32
    }
}
