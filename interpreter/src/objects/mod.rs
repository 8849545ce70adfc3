//! The object layer of the runtime: one file per object type, each opening
//! with its layout word by word.
//!
//! Every object is either an immediate `Value` (small int, qstr, None, bools,
//! Ellipsis, NotImplemented: see `value.rs`) or a pointer to memory whose
//! first word is a `&'static TypeDesc` (`obj.rs`). Objects the program creates
//! are GC blocks; the built-in classes, built-in functions and a few singletons
//! are statics (the collector ignores pointers outside its pool). Every type
//! registers its `TypeInfo` (the word indices of its pointer fields) with the
//! heap, so the torture verifier checks that a live object never points at a
//! FREE or TAIL block.
//!
//! Invariants every type keeps:
//! - a pointer field stored in a heap object is a HEAD address (or a static);
//! - an object's fields are fully written before the next allocation, or the
//!   object is zero-filled (fresh blocks are), so a collection in between
//!   never sees a half-built object with garbage in a pointer field;
//! - strings, big ints and floats are immutable once made.
//!
//! This is the only part of the runtime with `unsafe`; the VM and the
//! built-ins use the safe accessors each module exports.

pub mod array;
pub mod boundmeth;
pub mod builtin;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod class;
pub mod complex;
pub mod defaultdict;
pub mod dict;
pub mod exception;
pub mod fd;
pub mod file;
pub mod float;
pub mod fmath;
pub mod frame;
pub mod function;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod ordereddict;
pub mod oserror;
pub mod range;
pub mod set;
pub mod slice;
pub mod slots;
pub mod str;
pub mod str_more;
pub mod traceback;
pub mod tuple;

use crate::obj::TypeDesc;
use crate::value::Value;
use crate::vm::{PResult, Rt};
use core::ptr;
use upy_heap::Heap;

/// The runtime's dispatch tag: which layout follows the descriptor word (or
/// which immediate a `Value` is).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    None,
    Bool,
    Ellipsis,
    NotImplemented,
    SmallInt,
    BigInt,
    Float,
    ConstComplex,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Builtin,
    BoundMethod,
    Cell,
    Class,
    Instance,
    Exception,
    Code,
    Traceback,
    Iter,
    Frame,
    Generator,
    Super,
    Module,
    Property,
    StaticMethod,
    ClassMethod,
    Array,
    File,
}

/// One word, in bytes.
pub const W: usize = core::mem::size_of::<usize>();

/// Defines a runtime type descriptor and its heap `TypeInfo`.
#[macro_export]
macro_rules! rt_type {
    ($desc:ident, $info:ident, $name:expr, $letter:expr, $fields:expr, $all_from:expr, $kind:ident, $class:path) => {
        pub static $info: upy_heap::TypeInfo =
            upy_heap::TypeInfo { name: $name, letter: $letter, fields: $fields, all_from: $all_from };
        pub static $desc: $crate::obj::TypeDesc =
            $crate::obj::TypeDesc { name: $name, info: &$info, kind: $crate::objects::Kind::$kind, class: &$class };
    };
}

/// Every runtime descriptor that heap objects can carry.
pub static RUNTIME_TYPES: &[&TypeDesc] = &[
    &int::BIGINT_TYPE,
    &float::FLOAT_TYPE,
    &str::STR_TYPE,
    &bytes::BYTES_TYPE,
    &tuple::TUPLE_TYPE,
    &list::LIST_TYPE,
    &list::ITEMS_TYPE,
    &dict::DICT_TYPE,
    &dict::TABLE_TYPE,
    &set::SET_TYPE,
    &set::FROZENSET_TYPE,
    &set::SETTABLE_TYPE,
    &range::RANGE_TYPE,
    &slice::SLICE_TYPE,
    &function::FUNCTION_TYPE,
    &boundmeth::BOUNDMETH_TYPE,
    &cell::CELL_TYPE,
    &class::CLASS_TYPE,
    &instance::INSTANCE_TYPE,
    &instance::PROPERTY_TYPE,
    &instance::STATICMETHOD_TYPE,
    &instance::CLASSMETHOD_TYPE,
    &exception::EXC_TYPE,
    &traceback::TB_TYPE,
    &iter::ITER_TYPE,
    &frame::FRAME_TYPE,
    &frame::GEN_TYPE,
    &instance::SUPER_TYPE,
    &module::MODULE_TYPE,
    &complex::COMPLEX_TYPE,
    &bytearray::BYTEARRAY_TYPE,
    &array::ARRAY_TYPE,
    &ordereddict::ORDEREDDICT_TYPE,
    &defaultdict::DEFAULTDICT_TYPE,
    &file::TEXT_TYPE,
    &file::READER_TYPE,
    &file::WRITER_TYPE,
    &file::RANDOM_TYPE,
];

/// Registers the runtime's descriptors (the compiler's are registered by `obj`).
pub fn register_types(heap: &Heap) {
    for d in RUNTIME_TYPES {
        heap.register_type(*d as *const TypeDesc as *const (), d.info);
    }
}

/// The descriptor of an object pointer.
#[inline]
pub fn desc(v: Value) -> Option<&'static TypeDesc> {
    let p = v.as_ptr::<&'static TypeDesc>()?;
    // SAFETY: every pointer Value the runtime makes points to an object (heap
    // block or static) whose first word is a `&'static TypeDesc`; heap objects
    // stay alive while the Value is held (stack, register or rooted object).
    Some(unsafe { ptr::read(p) })
}

/// The kind of any value.
#[inline]
pub fn kind(v: Value) -> Kind {
    if v.is_small_int() {
        return Kind::SmallInt;
    }
    if v.is_qstr() {
        return Kind::Str;
    }
    match v.immediate_id() {
        Some(crate::value::imm::NONE) => Kind::None,
        Some(crate::value::imm::FALSE) | Some(crate::value::imm::TRUE) => Kind::Bool,
        Some(crate::value::imm::ELLIPSIS) => Kind::Ellipsis,
        Some(_) => Kind::NotImplemented,
        None => match desc(v) {
            Some(d) => d.kind,
            None => Kind::None,
        },
    }
}

/// Allocates a zeroed object of `bytes` bytes; `MemoryError` when the heap is
/// exhausted even after a collection.
#[inline]
pub fn alloc(rt: &Rt, bytes: usize) -> PResult<*mut usize> {
    match rt.heap.alloc(bytes, false) {
        Ok(p) => Ok(p.as_ptr() as *mut usize),
        Err(_) => Err(rt.memory_error()),
    }
}

/// Allocates `v` in a new block (descriptor word first, by the caller's layout).
#[inline]
pub fn new_obj<T>(rt: &Rt, v: T) -> PResult<Value> {
    let p = alloc(rt, core::mem::size_of::<T>())? as *mut T;
    // SAFETY: a fresh, block-aligned allocation of at least size_of::<T>();
    // T is a repr(C) object layout whose pointer fields are Values or heads.
    unsafe { ptr::write(p, v) };
    Ok(Value::from_ptr(p))
}

/// A pointer to an object's layout struct. The caller has checked the kind.
#[inline]
pub(crate) fn raw<T>(v: Value) -> *mut T {
    v.bits() as *mut T
}

/// A value's bytes in a GC vector of plain words: a GC-backed scratch array
/// of Values (kept alive by the container itself on the native stack).
pub type ValVec = upy_heap::GcVec<Value>;

/// Converts `AllocError` from a container to `MemoryError`.
pub trait OrMem<T> {
    fn or_mem(self, rt: &Rt) -> PResult<T>;
}

impl<T> OrMem<T> for Result<T, upy_heap::AllocError> {
    #[inline]
    fn or_mem(self, rt: &Rt) -> PResult<T> {
        self.map_err(|_| rt.memory_error())
    }
}
