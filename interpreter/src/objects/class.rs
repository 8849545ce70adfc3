//! Class objects (`type`): the built-in classes are statics, classes made by
//! `class` statements are heap objects with the same layout.
//!
//! Layout:
//!   word 0  &TYPE_TYPE (static class) or &CLASS_TYPE (heap class)
//!   1       name: qstr Value (heap classes; NONE for statics, which use `sname`)
//!   2       dict: the class namespace, a dict (heap classes; NONE for statics)
//!   3       mro: tuple of classes, this one first (heap classes; NONE for statics)
//!   4       bases: tuple of classes (heap classes; NONE for statics)
//!   5       base: the static parent (statics) or the built-in "solid base"
//!           whose instance layout a heap class's instances use
//!   6-7     sname: &'static str
//!   8-9     methods: static table of built-in methods
//!   10      meta: the metaclass of a heap class made by a subclass of `type`
//!           (NONE for statics and for classes whose metaclass is `type`)
//!
//! Invariants: words 1-4 and 10 are the only heap pointers; a heap class's mro ends
//! with `object`, and every static class's `base` chain ends at `object`.

use crate::obj::TypeDesc;
use crate::objects::builtin::BuiltinObj;
use crate::objects::{dict, kind, tuple, Kind};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{PResult, Rt};

#[repr(C, align(8))]
pub struct ClassObj {
    pub ty: &'static TypeDesc,
    pub name: Value,
    pub dict: Value,
    pub mro: Value,
    pub bases: Value,
    pub base: Option<&'static ClassObj>,
    pub sname: &'static str,
    pub methods: &'static [&'static BuiltinObj],
    pub meta: Value,
}

crate::rt_type!(TYPE_TYPE, TYPE_INFO, "type", b'T', &[], None, Class, TYPE_CLASS);
crate::rt_type!(CLASS_TYPE, CLASS_INFO, "class", b'K', &[1, 2, 3, 4, 10], None, Class, TYPE_CLASS);

macro_rules! static_class {
    ($($id:ident = $name:expr, $base:expr, $methods:expr;)*) => {
        $(pub static $id: ClassObj = ClassObj {
            ty: &TYPE_TYPE,
            name: Value::NONE,
            dict: Value::NONE,
            mro: Value::NONE,
            bases: Value::NONE,
            base: $base,
            sname: $name,
            methods: $methods,
            meta: Value::NONE,
        };)*
    };
}

use crate::objects as o;
const NO: &[&BuiltinObj] = &[];

static_class! {
    OBJECT_CLASS = "object", None, o::instance::OBJECT_METHODS;
    TYPE_CLASS = "type", Some(&OBJECT_CLASS), crate::vm::classes::TYPE_METHODS;
    NONE_CLASS = "NoneType", Some(&OBJECT_CLASS), NO;
    INT_CLASS = "int", Some(&OBJECT_CLASS), o::int::METHODS;
    BOOL_CLASS = "bool", Some(&INT_CLASS), NO;
    FLOAT_CLASS = "float", Some(&OBJECT_CLASS), o::float::METHODS;
    COMPLEX_CLASS = "complex", Some(&OBJECT_CLASS), o::complex::METHODS;
    STR_CLASS = "str", Some(&OBJECT_CLASS), o::str::METHODS;
    BYTES_CLASS = "bytes", Some(&OBJECT_CLASS), o::bytes::METHODS;
    BYTEARRAY_CLASS = "bytearray", Some(&OBJECT_CLASS), o::bytearray::METHODS;
    TUPLE_CLASS = "tuple", Some(&OBJECT_CLASS), o::tuple::METHODS;
    LIST_CLASS = "list", Some(&OBJECT_CLASS), o::list::METHODS;
    DICT_CLASS = "dict", Some(&OBJECT_CLASS), o::dict::METHODS;
    SET_CLASS = "set", Some(&OBJECT_CLASS), o::set::METHODS;
    FROZENSET_CLASS = "frozenset", Some(&OBJECT_CLASS), o::set::FROZEN_METHODS;
    RANGE_CLASS = "range", Some(&OBJECT_CLASS), o::range::METHODS;
    SLICE_CLASS = "slice", Some(&OBJECT_CLASS), NO;
    FUNCTION_CLASS = "function", Some(&OBJECT_CLASS), NO;
    BUILTIN_FUNCTION_CLASS = "builtin_function_or_method", Some(&OBJECT_CLASS), NO;
    METHOD_CLASS = "method", Some(&OBJECT_CLASS), NO;
    CELL_CLASS = "cell", Some(&OBJECT_CLASS), NO;
    CODE_CLASS = "code", Some(&OBJECT_CLASS), NO;
    TRACEBACK_CLASS = "traceback", Some(&OBJECT_CLASS), NO;
    ELLIPSIS_CLASS = "ellipsis", Some(&OBJECT_CLASS), NO;
    NOTIMPL_CLASS = "NotImplementedType", Some(&OBJECT_CLASS), NO;
    ITER_CLASS = "iterator", Some(&OBJECT_CLASS), NO;
    PROPERTY_CLASS = "property", Some(&OBJECT_CLASS), o::instance::PROPERTY_METHODS;
    STATICMETHOD_CLASS = "staticmethod", Some(&OBJECT_CLASS), NO;
    CLASSMETHOD_CLASS = "classmethod", Some(&OBJECT_CLASS), NO;
    FRAME_CLASS = "frame", Some(&OBJECT_CLASS), NO;
    GENERATOR_CLASS = "generator", Some(&OBJECT_CLASS), o::instance::GENERATOR_METHODS;
    SUPER_CLASS = "super", Some(&OBJECT_CLASS), NO;
    MODULE_CLASS = "module", Some(&OBJECT_CLASS), NO;
    COROUTINE_CLASS = "coroutine", Some(&OBJECT_CLASS), o::instance::GENERATOR_METHODS;

    BASE_EXCEPTION_CLASS = "BaseException", Some(&OBJECT_CLASS), o::exception::METHODS;
    SYSTEM_EXIT_CLASS = "SystemExit", Some(&BASE_EXCEPTION_CLASS), NO;
    KEYBOARD_INTERRUPT_CLASS = "KeyboardInterrupt", Some(&BASE_EXCEPTION_CLASS), NO;
    GENERATOR_EXIT_CLASS = "GeneratorExit", Some(&BASE_EXCEPTION_CLASS), NO;
    EXCEPTION_CLASS = "Exception", Some(&BASE_EXCEPTION_CLASS), NO;
    STOP_ITERATION_CLASS = "StopIteration", Some(&EXCEPTION_CLASS), NO;
    STOP_ASYNC_ITERATION_CLASS = "StopAsyncIteration", Some(&EXCEPTION_CLASS), NO;
    ARITHMETIC_ERROR_CLASS = "ArithmeticError", Some(&EXCEPTION_CLASS), NO;
    ZERO_DIVISION_ERROR_CLASS = "ZeroDivisionError", Some(&ARITHMETIC_ERROR_CLASS), NO;
    OVERFLOW_ERROR_CLASS = "OverflowError", Some(&ARITHMETIC_ERROR_CLASS), NO;
    ASSERTION_ERROR_CLASS = "AssertionError", Some(&EXCEPTION_CLASS), NO;
    ATTRIBUTE_ERROR_CLASS = "AttributeError", Some(&EXCEPTION_CLASS), NO;
    EOF_ERROR_CLASS = "EOFError", Some(&EXCEPTION_CLASS), NO;
    IMPORT_ERROR_CLASS = "ImportError", Some(&EXCEPTION_CLASS), NO;
    MODULE_NOT_FOUND_ERROR_CLASS = "ModuleNotFoundError", Some(&IMPORT_ERROR_CLASS), NO;
    LOOKUP_ERROR_CLASS = "LookupError", Some(&EXCEPTION_CLASS), NO;
    INDEX_ERROR_CLASS = "IndexError", Some(&LOOKUP_ERROR_CLASS), NO;
    KEY_ERROR_CLASS = "KeyError", Some(&LOOKUP_ERROR_CLASS), NO;
    MEMORY_ERROR_CLASS = "MemoryError", Some(&EXCEPTION_CLASS), NO;
    NAME_ERROR_CLASS = "NameError", Some(&EXCEPTION_CLASS), NO;
    UNBOUND_LOCAL_ERROR_CLASS = "UnboundLocalError", Some(&NAME_ERROR_CLASS), NO;
    OS_ERROR_CLASS = "OSError", Some(&EXCEPTION_CLASS), NO;
    FILE_EXISTS_ERROR_CLASS = "FileExistsError", Some(&OS_ERROR_CLASS), NO;
    FILE_NOT_FOUND_ERROR_CLASS = "FileNotFoundError", Some(&OS_ERROR_CLASS), NO;
    IS_A_DIRECTORY_ERROR_CLASS = "IsADirectoryError", Some(&OS_ERROR_CLASS), NO;
    NOT_A_DIRECTORY_ERROR_CLASS = "NotADirectoryError", Some(&OS_ERROR_CLASS), NO;
    PERMISSION_ERROR_CLASS = "PermissionError", Some(&OS_ERROR_CLASS), NO;
    RUNTIME_ERROR_CLASS = "RuntimeError", Some(&EXCEPTION_CLASS), NO;
    NOT_IMPLEMENTED_ERROR_CLASS = "NotImplementedError", Some(&RUNTIME_ERROR_CLASS), NO;
    RECURSION_ERROR_CLASS = "RecursionError", Some(&RUNTIME_ERROR_CLASS), NO;
    SYNTAX_ERROR_CLASS = "SyntaxError", Some(&EXCEPTION_CLASS), NO;
    INDENTATION_ERROR_CLASS = "IndentationError", Some(&SYNTAX_ERROR_CLASS), NO;
    TAB_ERROR_CLASS = "TabError", Some(&INDENTATION_ERROR_CLASS), NO;
    TYPE_ERROR_CLASS = "TypeError", Some(&EXCEPTION_CLASS), NO;
    VALUE_ERROR_CLASS = "ValueError", Some(&EXCEPTION_CLASS), NO;
    UNICODE_ERROR_CLASS = "UnicodeError", Some(&VALUE_ERROR_CLASS), NO;
    UNICODE_DECODE_ERROR_CLASS = "UnicodeDecodeError", Some(&UNICODE_ERROR_CLASS), NO;
    UNICODE_ENCODE_ERROR_CLASS = "UnicodeEncodeError", Some(&UNICODE_ERROR_CLASS), NO;
}

/// The built-in classes reachable by name from Python code.
pub static NAMED_CLASSES: &[&ClassObj] = &[
    &OBJECT_CLASS,
    &TYPE_CLASS,
    &INT_CLASS,
    &BOOL_CLASS,
    &FLOAT_CLASS,
    &COMPLEX_CLASS,
    &STR_CLASS,
    &BYTES_CLASS,
    &BYTEARRAY_CLASS,
    &TUPLE_CLASS,
    &LIST_CLASS,
    &DICT_CLASS,
    &SET_CLASS,
    &FROZENSET_CLASS,
    &RANGE_CLASS,
    &SLICE_CLASS,
    &PROPERTY_CLASS,
    &STATICMETHOD_CLASS,
    &CLASSMETHOD_CLASS,
    &SUPER_CLASS,
    &BASE_EXCEPTION_CLASS,
    &SYSTEM_EXIT_CLASS,
    &KEYBOARD_INTERRUPT_CLASS,
    &GENERATOR_EXIT_CLASS,
    &EXCEPTION_CLASS,
    &STOP_ITERATION_CLASS,
    &STOP_ASYNC_ITERATION_CLASS,
    &ARITHMETIC_ERROR_CLASS,
    &ZERO_DIVISION_ERROR_CLASS,
    &OVERFLOW_ERROR_CLASS,
    &ASSERTION_ERROR_CLASS,
    &ATTRIBUTE_ERROR_CLASS,
    &EOF_ERROR_CLASS,
    &IMPORT_ERROR_CLASS,
    &MODULE_NOT_FOUND_ERROR_CLASS,
    &LOOKUP_ERROR_CLASS,
    &INDEX_ERROR_CLASS,
    &KEY_ERROR_CLASS,
    &MEMORY_ERROR_CLASS,
    &NAME_ERROR_CLASS,
    &UNBOUND_LOCAL_ERROR_CLASS,
    &OS_ERROR_CLASS,
    &FILE_EXISTS_ERROR_CLASS,
    &FILE_NOT_FOUND_ERROR_CLASS,
    &IS_A_DIRECTORY_ERROR_CLASS,
    &NOT_A_DIRECTORY_ERROR_CLASS,
    &PERMISSION_ERROR_CLASS,
    &RUNTIME_ERROR_CLASS,
    &NOT_IMPLEMENTED_ERROR_CLASS,
    &RECURSION_ERROR_CLASS,
    &SYNTAX_ERROR_CLASS,
    &INDENTATION_ERROR_CLASS,
    &TAB_ERROR_CLASS,
    &TYPE_ERROR_CLASS,
    &VALUE_ERROR_CLASS,
    &UNICODE_ERROR_CLASS,
    &UNICODE_DECODE_ERROR_CLASS,
    &UNICODE_ENCODE_ERROR_CLASS,
];

impl ClassObj {
    pub fn value(&'static self) -> Value {
        Value::from_ptr(self as *const ClassObj)
    }
}

/// The class object behind `v` (the caller checked `Kind::Class`).
pub fn get(v: Value) -> &'static ClassObj {
    // SAFETY: Kind::Class values point to a ClassObj (static, or a heap block
    // kept alive by the caller's hold on `v`); fields are only written while
    // the class is being built, before it is shared.
    unsafe { &*super::raw::<ClassObj>(v) }
}

pub fn is_class(v: Value) -> bool {
    kind(v) == Kind::Class
}

pub fn is_heap_class(v: Value) -> bool {
    is_class(v) && core::ptr::eq(get(v).ty, &CLASS_TYPE)
}

/// A static class's name without the module prefix its `sname` may carry.
pub fn short_name(sname: &'static str) -> &'static str {
    sname.rsplit('.').next().unwrap_or(sname)
}

/// The class's name.
pub fn name<'a>(rt: &'a Rt, v: Value) -> &'a str {
    let c = get(v);
    match c.name.as_qstr() {
        Some(q) => rt.st.qstr.str(q),
        None => short_name(c.sname),
    }
}

/// The class's method resolution order, one class at a time.
pub fn mro_len(v: Value) -> usize {
    let c = get(v);
    if c.mro.is_ptr() {
        tuple::len(c.mro)
    } else {
        let mut n = 1;
        let mut b = c.base;
        while let Some(x) = b {
            n += 1;
            b = x.base;
        }
        n
    }
}

pub fn mro_item(v: Value, i: usize) -> Value {
    let c = get(v);
    if c.mro.is_ptr() {
        tuple::items(c.mro)[i]
    } else {
        let mut cur: &'static ClassObj = c;
        for _ in 0..i {
            cur = cur.base.expect("mro index in range");
        }
        cur.value()
    }
}

/// Is `sub` a subclass of `sup` (or the same class)?
pub fn is_subclass(sub: Value, sup: Value) -> bool {
    if sub == sup {
        return true;
    }
    (0..mro_len(sub)).any(|i| mro_item(sub, i) == sup)
}

/// Looks `name` up along the MRO: a class-dict entry or a built-in method.
pub fn lookup(rt: &Rt, cls: Value, name: Qstr) -> PResult<Option<Value>> {
    let n = mro_len(cls);
    for i in 0..n {
        let c = mro_item(cls, i);
        let co = get(c);
        if co.dict.is_ptr() {
            if let Some(v) = dict::get_qstr(rt, co.dict, name)? {
                return Ok(Some(v));
            }
        } else if let Some(m) = static_attr(rt, co, name) {
            return Ok(Some(m));
        }
    }
    Ok(None)
}

/// An attribute a built-in class itself defines: one of its methods, or
/// one of its special methods (`objects::slots`).
pub fn static_attr(rt: &Rt, co: &'static ClassObj, name: Qstr) -> Option<Value> {
    let s = rt.st.qstr.get(name);
    for m in co.methods {
        if m.name.as_bytes() == s {
            return Some(m.value());
        }
    }
    // The mutable containers are unhashable: their __hash__ is None.
    if s == b"__hash__"
        && [&LIST_CLASS, &DICT_CLASS, &SET_CLASS, &BYTEARRAY_CLASS].iter().any(|c| core::ptr::eq(co, *c))
    {
        return Some(Value::NONE);
    }
    if core::ptr::eq(co, &BYTES_CLASS) || core::ptr::eq(co, &BYTEARRAY_CLASS) {
        let extra =
            if core::ptr::eq(co, &BYTEARRAY_CLASS) { crate::objects::bytes_methods::find_bytearray(s) } else { None };
        if let Some(m) = extra.or_else(|| crate::objects::bytes_methods::find(s)) {
            return Some(m.value());
        }
    }
    crate::objects::slots::find(co, s)
}

/// The built-in solid base whose layout instances of `cls` use.
pub fn solid_base(cls: Value) -> &'static ClassObj {
    let c = get(cls);
    if core::ptr::eq(c.ty, &CLASS_TYPE) {
        c.base.unwrap_or(&OBJECT_CLASS)
    } else {
        // SAFETY-free: statics live forever.
        let p = cls.bits() as *const ClassObj;
        let mut s: &'static ClassObj = get(Value::from_ptr(p));
        let _ = &mut s;
        s
    }
}

pub fn is_exception_class(cls: Value) -> bool {
    is_class(cls) && is_subclass(cls, BASE_EXCEPTION_CLASS.value())
}

/// A new heap class. `mro` must already hold the C3 linearisation (this
/// class's slot is filled in here: it is built with a placeholder first).
pub fn new_class(rt: &Rt, name: Qstr, bases: Value, ns: Value, base: &'static ClassObj) -> PResult<Value> {
    crate::objects::new_obj(
        rt,
        ClassObj {
            ty: &CLASS_TYPE,
            name: Value::qstr(name),
            dict: ns,
            mro: Value::NONE,
            bases,
            base: Some(base),
            sname: "",
            methods: &[],
            meta: Value::NONE,
        },
    )
}

/// Sets a heap class's metaclass (a subclass of `type`) while it is built.
pub fn set_meta(cls: Value, meta: Value) {
    debug_assert!(is_heap_class(cls));
    // SAFETY: a heap class being built, held by the caller; the field is a
    // Value slot listed in the type's pointer fields.
    unsafe { (*super::raw::<ClassObj>(cls)).meta = meta };
}

/// The class of a class object: its metaclass, or `type`.
pub fn meta_of(cls: Value) -> Value {
    let m = get(cls).meta;
    if m.is_ptr() {
        m
    } else {
        TYPE_CLASS.value()
    }
}

/// Sets a heap class's MRO once it is computed.
pub fn set_mro(cls: Value, mro: Value) {
    debug_assert!(is_heap_class(cls));
    // SAFETY: a heap class being built, held by the caller; the field is a
    // Value slot.
    unsafe { (*super::raw::<ClassObj>(cls)).mro = mro };
}
