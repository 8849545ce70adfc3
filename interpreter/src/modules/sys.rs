//! `sys`: argv, path, modules, maxsize, byteorder, platform, version,
//! version_info, implementation (name 'upy', version), stdin/stdout/stderr,
//! exit, exc_info, getrecursionlimit.
//!
//! `argv` and `path` are lists made at start-up (`vm::set_program_args`) and
//! kept in root slots, so `sys` shares them however late it is imported;
//! `modules` is the import cache itself.

use super::ModuleDef;
use crate::objects::class as cls;
use crate::objects::{int, str as pstr, tuple};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt, MAX_DEPTH, SLOT_ARGV, SLOT_MODULES, SLOT_PATH};
use crate::vm::{SLOT_STDERR, SLOT_STDIN, SLOT_STDOUT};

pub static DEF: ModuleDef = ModuleDef { name: "sys", init };

crate::methods! { FNS:
    EXIT = "exit", exit, Static;
    EXC_INFO = "exc_info", exc_info, Static;
    GETRECURSIONLIMIT = "getrecursionlimit", getrecursionlimit, Static;
}

/// The version we report: the language level of CPython 3.11, which the
/// corpus's expected outputs come from.
const VERSION: &str = "3.11.0";

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    let maxsize = int::from_i64(rt, isize::MAX as i64)?;
    super::set(rt, d, "maxsize", maxsize)?;
    let bo = pstr::from_str(rt, if cfg!(target_endian = "little") { "little" } else { "big" })?;
    super::set(rt, d, "byteorder", bo)?;
    let pl = pstr::from_str(rt, "linux")?;
    super::set(rt, d, "platform", pl)?;
    let v = pstr::from_str(rt, VERSION)?;
    super::set(rt, d, "version", v)?;
    let vi: [Value; 3] = [3, 11, 0].map(|n| Value::small_int(n).unwrap_or(Value::NONE));
    let vi = tuple::new(rt, &vi)?;
    super::set(rt, d, "version_info", vi)?;
    // `implementation`: an attribute namespace (a module object here).
    let q = rt.intern(b"implementation")?;
    let imp = crate::objects::module::new(rt, q)?;
    let idict = crate::objects::module::parts(imp).1;
    let n = pstr::from_str(rt, "upy")?;
    super::set(rt, idict, "name", n)?;
    let iv: [Value; 3] = [0, 1, 0].map(|n| Value::small_int(n).unwrap_or(Value::NONE));
    let iv = tuple::new(rt, &iv)?;
    super::set(rt, idict, "version", iv)?;
    super::set(rt, d, "implementation", imp)?;
    let slots = [
        ("modules", SLOT_MODULES),
        ("argv", SLOT_ARGV),
        ("path", SLOT_PATH),
        ("stdin", SLOT_STDIN),
        ("stdout", SLOT_STDOUT),
        ("stderr", SLOT_STDERR),
    ];
    for (name, slot) in slots {
        let v = rt.st.runtime[slot];
        super::set(rt, d, name, v)?;
    }
    Ok(())
}

fn exit(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("exit expected at most 1 argument, got {}", a.len())));
    }
    Err(rt.error_args(&cls::SYSTEM_EXIT_CLASS, a))
}

fn exc_info(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let e = rt.exc_info;
    if e == Value::NONE {
        return tuple::new(rt, &[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = ops::type_of(rt, e);
    let tb = if crate::objects::exception::is_exc(e) { crate::objects::exception::traceback(e) } else { Value::NONE };
    tuple::new(rt, &[t, e, tb])
}

fn getrecursionlimit(_rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::small_int(MAX_DEPTH as isize).unwrap_or(Value::NONE))
}
