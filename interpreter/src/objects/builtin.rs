//! Built-in functions and methods: static objects, never in the heap.
//!
//! Layout (a static, 8-aligned):
//!   word 0  &BUILTIN_TYPE
//!   1-2     name (&'static str)
//!   3       the Rust function
//!   4       how it binds when found on a class (`Bind`)
//!
//! A built-in receives the positional arguments (`self` first for methods) and
//! the keyword arguments as (qstr name, value) pairs. Both slices point into
//! the caller's value stack, a live GC block.

use crate::obj::TypeDesc;
use crate::objects::class::BUILTIN_FUNCTION_CLASS;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub type BFn = fn(&mut Rt, &[Value], &[Value]) -> PResult<Value>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bind {
    /// An instance method: looked up on an instance, it binds `self`.
    Method,
    /// Gets the class as its first argument (`int.from_bytes`, `dict.fromkeys`).
    ClassMethod,
    /// A plain function (built-in functions, `str.maketrans`).
    Static,
}

#[repr(C, align(8))]
pub struct BuiltinObj {
    pub ty: &'static TypeDesc,
    pub name: &'static str,
    pub f: BFn,
    pub bind: Bind,
}

crate::rt_type!(BUILTIN_TYPE, BUILTIN_INFO, "builtin", b'B', &[], None, Builtin, BUILTIN_FUNCTION_CLASS);

impl BuiltinObj {
    pub const fn new(name: &'static str, f: BFn, bind: Bind) -> BuiltinObj {
        BuiltinObj { ty: &BUILTIN_TYPE, name, f, bind }
    }
    pub fn value(&'static self) -> Value {
        Value::from_ptr(self as *const BuiltinObj)
    }
}

/// The built-in object `v` points to (the caller checked `Kind::Builtin`).
pub fn get(v: Value) -> &'static BuiltinObj {
    // SAFETY: Kind::Builtin objects are only ever the statics above.
    unsafe { &*super::raw::<BuiltinObj>(v) }
}

/// Defines static built-in method objects and a table of them.
#[macro_export]
macro_rules! methods {
    ($table:ident: $($id:ident = $name:expr, $f:expr, $bind:ident;)*) => {
        $(pub static $id: $crate::objects::builtin::BuiltinObj =
            $crate::objects::builtin::BuiltinObj::new($name, $f, $crate::objects::builtin::Bind::$bind);)*
        pub static $table: &[&$crate::objects::builtin::BuiltinObj] = &[$(&$id,)*];
    };
}
