//! `module`: a named namespace.
//!
//! Layout:
//!   word 0  &MODULE_TYPE
//!   1       name: qstr Value
//!   2       dict: the module's globals (a dict)
//!
//! Invariant: both words are Values; `dict` is always a dict.

use crate::obj::TypeDesc;
use crate::objects::class::MODULE_CLASS;
use crate::objects::{dict, new_obj};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(MODULE_TYPE, MODULE_INFO, "module", b'o', &[1, 2], None, Module, MODULE_CLASS);

#[repr(C)]
struct ModuleObj {
    ty: &'static TypeDesc,
    name: Value,
    dict: Value,
}

/// A new module named `name` with an empty namespace holding `__name__`.
pub fn new(rt: &mut Rt, name: Qstr) -> PResult<Value> {
    let d = dict::new(rt)?;
    dict::set(rt, d, Value::qstr(q::__name__), Value::qstr(name))?;
    new_obj(rt, ModuleObj { ty: &MODULE_TYPE, name: Value::qstr(name), dict: d })
}

/// (name, dict) of a module.
pub fn parts(v: Value) -> (Value, Value) {
    // SAFETY: a live module object (kind checked by the caller).
    let m = unsafe { &*(v.bits() as *const ModuleObj) };
    (m.name, m.dict)
}
