//! `method`: a function bound to the object it was looked up on.
//!
//! Layout:
//!   word 0  &BOUNDMETH_TYPE
//!   1       self
//!   2       the function (Python function or built-in)
//!
//! Invariant: both words are Values; immutable.

use crate::obj::TypeDesc;
use crate::objects::class::METHOD_CLASS;
use crate::objects::new_obj;
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(BOUNDMETH_TYPE, BOUNDMETH_INFO, "method", b'M', &[1, 2], None, BoundMethod, METHOD_CLASS);

#[repr(C)]
struct BoundObj {
    ty: &'static TypeDesc,
    this: Value,
    func: Value,
}

pub fn new(rt: &Rt, this: Value, func: Value) -> PResult<Value> {
    new_obj(rt, BoundObj { ty: &BOUNDMETH_TYPE, this, func })
}

/// (self, function).
pub fn parts(v: Value) -> (Value, Value) {
    // SAFETY: a live bound method (kind checked by the caller).
    let b = unsafe { &*(v.bits() as *const BoundObj) };
    (b.this, b.func)
}
