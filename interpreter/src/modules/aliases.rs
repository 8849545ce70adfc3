//! MicroPython's `u`-prefixed module names (`utime`, `ustruct`, `urandom`,
//! `uos`, `uerrno`, `umath`): each imports the real module and copies its
//! namespace, so both names give the same functions and share one state
//! (the functions find their state through the real module's entry in
//! `sys.modules`, never through the alias).

use super::ModuleDef;
use crate::objects::{dict, module};
use crate::qstr::q;
use crate::value::Value;
use crate::vm::{import, PResult, Rt};

macro_rules! alias {
    ($($id:ident = $name:expr => $real:expr, $init:ident;)*) => {$(
        pub static $id: ModuleDef = ModuleDef { name: $name, init: $init };
        fn $init(rt: &mut Rt, d: Value) -> PResult<()> {
            copy_from(rt, $real, d)
        }
    )*};
}

alias! {
    UTIME = "utime" => "time", init_utime;
    USTRUCT = "ustruct" => "struct", init_ustruct;
    URANDOM = "urandom" => "random", init_urandom;
    UOS = "uos" => "os", init_uos;
    UERRNO = "uerrno" => "errno", init_uerrno;
    UMATH = "umath" => "math", init_umath;
}

/// Imports `real` and copies its namespace (but its `__name__`) into `d`.
fn copy_from(rt: &mut Rt, real: &str, d: Value) -> PResult<()> {
    let qn = rt.intern(real.as_bytes())?;
    let m = import::import_name(rt, qn, Value::NONE, 0, Value::NONE)?;
    let src = module::parts(m).1;
    let mut i = 0;
    while i < dict::fill(src) {
        if let Some((k, v)) = dict::entry_at(src, i) {
            if k != Value::qstr(q::__name__) {
                dict::set(rt, d, k, v)?;
            }
        }
        i += 1;
    }
    Ok(())
}
