//! The built-in modules, one file each, and the registry `import` consults.
//!
//! A module is described by a `ModuleDef`: its name and an `init` function
//! that fills the new module's namespace dict. Modules are made on first
//! import (see `vm::import`) and cached in `sys.modules`; `init` runs once
//! per interpreter. To add a module: write `modules/NAME.rs` with a
//! `pub static DEF: ModuleDef`, declare it below and list it in `ALL`.
//!
//! Invariant: module state lives in the module's dict (a GC object reached
//! from `sys.modules`), never in Rust statics; the functions themselves are
//! static `BuiltinObj`s.

use crate::objects::builtin::BuiltinObj;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub mod aliases;
pub mod array;
pub mod collections;
pub mod errno;
pub mod gc;
pub mod io;
pub mod json;
pub mod math;
pub mod micropython;
pub mod os;
pub mod pysrc;
pub mod random;
pub mod sha512;
pub mod struct_;
pub mod structseq;
pub mod sys;
pub mod time;

/// A built-in module: its import name and the function filling its dict.
pub struct ModuleDef {
    pub name: &'static str,
    pub init: fn(&mut Rt, Value) -> PResult<()>,
}

/// Every built-in module, by import name.
pub static ALL: &[&ModuleDef] = &[
    &array::DEF,
    &errno::DEF,
    &gc::DEF,
    &math::DEF,
    &os::DEF,
    &random::DEF,
    &struct_::DEF,
    &sys::DEF,
    &time::DEF,
    &aliases::UTIME,
    &aliases::USTRUCT,
    &aliases::URANDOM,
    &aliases::UOS,
    &aliases::UERRNO,
    &aliases::UMATH,
    &collections::DEF,
    &io::DEF,
    &json::DEF,
    &micropython::DEF,
];

/// The definition of the built-in module called `name`, if there is one.
pub fn find(name: &[u8]) -> Option<&'static ModuleDef> {
    ALL.iter().copied().find(|m| m.name.as_bytes() == name)
}

/// `d[name] = v` for a str key.
pub fn set(rt: &mut Rt, d: Value, name: &str, v: Value) -> PResult<()> {
    let q = rt.intern(name.as_bytes())?;
    dict::set(rt, d, Value::qstr(q), v)
}

/// The plain built-in value of an instance of a subclass of int, float, str
/// or bytes (computed as `v * 1`, `v * 1.0`, `v + ''`, `v + b''`, which
/// act on the value the instance wraps); any other value unchanged.
pub fn plain(rt: &mut Rt, v: Value) -> PResult<Value> {
    use crate::objects::class as cls;
    if crate::objects::kind(v) != crate::objects::Kind::Instance {
        return Ok(v);
    }
    let c = crate::vm::ops::type_of(rt, v);
    let (op, unit) = if cls::is_subclass(c, cls::INT_CLASS.value()) {
        (2, Value::small_int(1).unwrap_or(Value::NONE))
    } else if cls::is_subclass(c, cls::FLOAT_CLASS.value()) {
        (2, crate::objects::float::new(rt, 1.0)?)
    } else if cls::is_subclass(c, cls::STR_CLASS.value()) {
        (0, crate::objects::str::from_str(rt, "")?)
    } else if cls::is_subclass(c, cls::BYTES_CLASS.value()) {
        (0, crate::objects::bytes::new(rt, b"")?)
    } else {
        return Ok(v);
    };
    crate::vm::ops::binary(rt, op, v, unit)
}

/// Puts every function of `fns` into `d` under its own name.
pub fn add_fns(rt: &mut Rt, d: Value, fns: &[&'static BuiltinObj]) -> PResult<()> {
    for f in fns {
        set(rt, d, f.name, f.value())?;
    }
    Ok(())
}
