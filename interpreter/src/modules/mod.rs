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

pub mod collections;
pub mod gc;
pub mod io;
pub mod json;
pub mod micropython;
pub mod pysrc;
pub mod sys;

/// A built-in module: its import name and the function filling its dict.
pub struct ModuleDef {
    pub name: &'static str,
    pub init: fn(&mut Rt, Value) -> PResult<()>,
}

/// Every built-in module, by import name.
pub static ALL: &[&ModuleDef] = &[&collections::DEF, &gc::DEF, &io::DEF, &json::DEF, &micropython::DEF, &sys::DEF];

/// The definition of the built-in module called `name`, if there is one.
pub fn find(name: &[u8]) -> Option<&'static ModuleDef> {
    ALL.iter().copied().find(|m| m.name.as_bytes() == name)
}

/// `d[name] = v` for a str key.
pub fn set(rt: &mut Rt, d: Value, name: &str, v: Value) -> PResult<()> {
    let q = rt.intern(name.as_bytes())?;
    dict::set(rt, d, Value::qstr(q), v)
}

/// Puts every function of `fns` into `d` under its own name.
pub fn add_fns(rt: &mut Rt, d: Value, fns: &[&'static BuiltinObj]) -> PResult<()> {
    for f in fns {
        set(rt, d, f.name, f.value())?;
    }
    Ok(())
}
