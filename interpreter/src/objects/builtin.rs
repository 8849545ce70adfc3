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
    /// (min, max) positional arguments after `self` for methods whose table
    /// entry declares them (checked before the call, with CPython's
    /// wording); (0, u8::MAX) when the function checks for itself.
    pub arity: (u8, u8),
}

crate::rt_type!(BUILTIN_TYPE, BUILTIN_INFO, "builtin", b'B', &[], None, Builtin, BUILTIN_FUNCTION_CLASS);

impl BuiltinObj {
    pub const fn new(name: &'static str, f: BFn, bind: Bind) -> BuiltinObj {
        BuiltinObj { ty: &BUILTIN_TYPE, name, f, bind, arity: (0, u8::MAX) }
    }
    pub const fn with_arity(name: &'static str, f: BFn, bind: Bind, min: u8, max: u8) -> BuiltinObj {
        BuiltinObj { ty: &BUILTIN_TYPE, name, f, bind, arity: (min, max) }
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
    ($table:ident: $($id:ident = $name:expr, $f:expr, $bind:ident $(, $min:expr, $max:expr)?;)*) => {
        $(pub static $id: $crate::objects::builtin::BuiltinObj =
            $crate::methods!(@make $name, $f, $bind $(, $min, $max)?);)*
        pub static $table: &[&$crate::objects::builtin::BuiltinObj] = &[$(&$id,)*];
    };
    (@make $name:expr, $f:expr, $bind:ident) => {
        $crate::objects::builtin::BuiltinObj::new($name, $f, $crate::objects::builtin::Bind::$bind)
    };
    (@make $name:expr, $f:expr, $bind:ident, $min:expr, $max:expr) => {
        $crate::objects::builtin::BuiltinObj::with_arity($name, $f, $crate::objects::builtin::Bind::$bind, $min, $max)
    };
}

/// Checks a declared arity: `a` holds `self` first for methods. CPython's
/// words: "list.append() takes exactly one argument (0 given)", "index
/// expected at least 1 argument, got 0", "str.upper() takes no arguments (1 given)".
pub fn check_arity(rt: &crate::vm::Rt, b: &BuiltinObj, a: &[Value]) -> crate::vm::PResult<()> {
    let (min, max) = b.arity;
    if (min, max) == (0, u8::MAX) {
        return Ok(());
    }
    let skip = (b.bind != Bind::Static) as usize;
    let n = a.len().saturating_sub(skip);
    if n >= min as usize && n <= max as usize {
        return Ok(());
    }
    let tn = match a.first() {
        Some(&s) if skip == 1 => crate::vm::ops::type_name(rt, s),
        _ => "",
    };
    let name = b.name;
    Err(if max == 0 {
        rt.type_error(format_args!("{tn}.{name}() takes no arguments ({n} given)"))
    } else if min == 1 && max == 1 {
        rt.type_error(format_args!("{tn}.{name}() takes exactly one argument ({n} given)"))
    } else if min == max {
        rt.type_error(format_args!("{name} expected {min} arguments, got {n}"))
    } else if n < min as usize
        && matches!(tn, "str" | "bytes" | "bytearray")
        && matches!(name, "count" | "find" | "rfind" | "index" | "rindex" | "startswith" | "endswith")
    {
        rt.type_error(format_args!("{name}() takes at least {min} argument ({n} given)"))
    } else if n < min as usize {
        let s = if min == 1 { "" } else { "s" };
        rt.type_error(format_args!("{name} expected at least {min} argument{s}, got {n}"))
    } else {
        let s = if max == 1 { "" } else { "s" };
        rt.type_error(format_args!("{name} expected at most {max} argument{s}, got {n}"))
    })
}
