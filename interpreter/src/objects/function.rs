//! `function`: a code object with the environment it runs in.
//!
//! Layout:
//!   word 0  &FUNCTION_TYPE
//!   1       code: the code object
//!   2       globals: the dict module-level names resolve in
//!   3       defaults: tuple of positional defaults, or NONE
//!   4       kwdefaults: dict of keyword-only defaults, or NONE
//!   5       closure: tuple of cells (one per free variable), or NONE
//!   6       dict: function attributes, or NONE
//!
//! Invariant: words 1-6 are Values; the object is immutable after
//! MAKE_FUNCTION except for `dict`.

use crate::obj::{Code, TypeDesc};
use crate::objects::class::FUNCTION_CLASS;
use crate::objects::{kind, new_obj, Kind};
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(FUNCTION_TYPE, FUNCTION_INFO, "function", b'f', &[1, 2, 3, 4, 5, 6], None, Function, FUNCTION_CLASS);

#[repr(C)]
pub struct FunctionObj {
    pub ty: &'static TypeDesc,
    pub code: Value,
    pub globals: Value,
    pub defaults: Value,
    pub kwdefaults: Value,
    pub closure: Value,
    pub dict: Value,
}

pub fn new(rt: &Rt, code: Value, globals: Value, defaults: Value, kwdefaults: Value, closure: Value) -> PResult<Value> {
    new_obj(rt, FunctionObj { ty: &FUNCTION_TYPE, code, globals, defaults, kwdefaults, closure, dict: Value::NONE })
}

pub fn is_function(v: Value) -> bool {
    kind(v) == Kind::Function
}

/// The function's fields (read-only view; the object is alive while `v` is held).
pub fn get(v: Value) -> &'static FunctionObj {
    debug_assert!(is_function(v));
    // SAFETY: a live function object (kind checked by the caller).
    unsafe { &*(v.bits() as *const FunctionObj) }
}

pub fn code(v: Value) -> Code {
    Code::from_value(get(v).code).expect("a function's code is a code object")
}

pub fn set_dict(v: Value, d: Value) {
    // SAFETY: a live function; `dict` is a Value slot.
    unsafe { (*(v.bits() as *mut FunctionObj)).dict = d };
}
