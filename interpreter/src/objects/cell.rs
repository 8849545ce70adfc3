//! `cell`: one variable shared between a function and the closures made in it.
//!
//! Layout:
//!   word 0  &CELL_TYPE
//!   1       the value, or 0 (bits) while the variable is unbound
//!
//! Invariant: word 1 is a Value or 0.

use crate::obj::TypeDesc;
use crate::objects::class::CELL_CLASS;
use crate::objects::new_obj;
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(CELL_TYPE, CELL_INFO, "cell", b'c', &[1], None, Cell, CELL_CLASS);

#[repr(C)]
struct CellObj {
    ty: &'static TypeDesc,
    value: Value,
}

/// The marker for "unbound" in cells and local slots.
pub const UNBOUND: Value = Value::from_bits(0);

pub fn new(rt: &Rt, v: Value) -> PResult<Value> {
    new_obj(rt, CellObj { ty: &CELL_TYPE, value: v })
}

pub fn get(c: Value) -> Value {
    // SAFETY: a live cell (checked by the caller's kind test or construction).
    unsafe { (*(c.bits() as *const CellObj)).value }
}

pub fn set(c: Value, v: Value) {
    // SAFETY: as above; word 1 is a Value slot.
    unsafe { (*(c.bits() as *mut CellObj)).value = v };
}
