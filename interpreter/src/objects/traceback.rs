//! Traceback entries: one per frame an exception passed through.
//!
//! Layout:
//!   word 0  &TB_TYPE
//!   1       next: the entry for the frame called from this one, or NONE
//!   2       code: the frame's code object
//!   3       line: small-int Value
//!
//! The chain hangs off the exception, outermost frame first: a frame that
//! the exception leaves puts its entry in front.

use crate::obj::TypeDesc;
use crate::objects::class::TRACEBACK_CLASS;
use crate::objects::new_obj;
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(TB_TYPE, TB_INFO, "traceback", b't', &[1, 2, 3], None, Traceback, TRACEBACK_CLASS);

#[repr(C)]
struct TbObj {
    ty: &'static TypeDesc,
    next: Value,
    code: Value,
    line: Value,
}

pub fn new(rt: &Rt, next: Value, code: Value, line: u32) -> PResult<Value> {
    let line = Value::small_int(line as isize).unwrap_or(Value::NONE);
    new_obj(rt, TbObj { ty: &TB_TYPE, next, code, line })
}

/// (next, code, line).
pub fn parts(v: Value) -> (Value, Value, u32) {
    // SAFETY: a live traceback entry.
    let t = unsafe { &*(v.bits() as *const TbObj) };
    (t.next, t.code, t.line.as_small_int().unwrap_or(0) as u32)
}
