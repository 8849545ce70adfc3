//! Exception instances (of BaseException and every subclass, built-in or not).
//!
//! Layout:
//!   word 0  &EXC_TYPE
//!   1       class: the exception's class (static or heap class)
//!   2       dict: instance attributes (dict) or NONE until one is set
//!   3       args: tuple
//!   4       traceback: a traceback chain (outermost frame first) or NONE
//!   5       __cause__ (NONE if unset)
//!   6       __context__ (NONE if unset)
//!   7       __suppress_context__ (0/1)
//!
//! Invariants: words 1-6 hold Values; `args` is always a tuple.

use crate::obj::TypeDesc;
use crate::objects::class::{self, ClassObj, BASE_EXCEPTION_CLASS};
use crate::objects::{kind, new_obj, raw, tuple, Kind};
use crate::value::Value;
use crate::vm::{PResult, Rt};

#[repr(C)]
pub struct ExcObj {
    pub ty: &'static TypeDesc,
    pub class: Value,
    pub dict: Value,
    pub args: Value,
    pub tb: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress: usize,
}

crate::rt_type!(EXC_TYPE, EXC_INFO, "exception", b'E', &[1, 2, 3, 4, 5, 6], None, Exception, BASE_EXCEPTION_CLASS);

crate::methods! { METHODS:
    INIT = "__init__", crate::vm::classes::exc_init, Method;
    WITH_TRACEBACK = "with_traceback", exc_with_traceback, Method;
}

fn exc_with_traceback(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(a[0])
}

/// A new exception of class `cls` with the given args tuple.
pub fn new(rt: &Rt, cls: Value, args: Value) -> PResult<Value> {
    new_obj(
        rt,
        ExcObj {
            ty: &EXC_TYPE,
            class: cls,
            dict: Value::NONE,
            args,
            tb: Value::NONE,
            cause: Value::NONE,
            context: Value::NONE,
            suppress: 0,
        },
    )
}

pub fn is_exc(v: Value) -> bool {
    kind(v) == Kind::Exception
}

fn get(v: Value) -> *mut ExcObj {
    debug_assert!(is_exc(v));
    raw::<ExcObj>(v)
}

macro_rules! field {
    ($get:ident, $set:ident, $f:ident) => {
        pub fn $get(v: Value) -> Value {
            // SAFETY: `v` is a live exception object (checked by the caller).
            unsafe { (*get(v)).$f }
        }
        pub fn $set(v: Value, x: Value) {
            // SAFETY: as above; the slot holds a Value.
            unsafe { (*get(v)).$f = x }
        }
    };
}

field!(class_of, set_class, class);
field!(dict, set_dict, dict);
field!(args, set_args, args);
field!(traceback, set_traceback, tb);
field!(cause, set_cause, cause);
field!(context, set_context, context);

pub fn suppress(v: Value) -> bool {
    // SAFETY: a live exception object.
    unsafe { (*get(v)).suppress != 0 }
}

pub fn set_suppress(v: Value, on: bool) {
    // SAFETY: a live exception object.
    unsafe { (*get(v)).suppress = on as usize }
}

/// Is the exception `e` an instance of `cls`?
pub fn matches(e: Value, cls: &'static ClassObj) -> bool {
    class::is_subclass(class_of(e), cls.value())
}

/// The first argument, or None.
pub fn arg0(e: Value) -> Value {
    let a = args(e);
    if tuple::len(a) > 0 {
        tuple::items(a)[0]
    } else {
        Value::NONE
    }
}
