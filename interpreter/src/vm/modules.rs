//! Built-in modules and `import` of them: `gc` (collect, enable, disable,
//! isenabled, mem_alloc, mem_free) and a small `sys` (maxsize, byteorder,
//! platform, implementation name). Modules are made on first import and
//! cached in the `sys.modules`-like dict in the root state.

use crate::objects::builtin::{Bind, BuiltinObj};
use crate::objects::class as cls;
use crate::objects::{dict, int, module, str as pstr};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{PResult, Rt, SLOT_MODULES};

static GC_COLLECT: BuiltinObj = BuiltinObj::new("collect", gc_collect, Bind::Static);
static GC_ENABLE: BuiltinObj = BuiltinObj::new("enable", gc_enable, Bind::Static);
static GC_DISABLE: BuiltinObj = BuiltinObj::new("disable", gc_disable, Bind::Static);
static GC_ISENABLED: BuiltinObj = BuiltinObj::new("isenabled", gc_isenabled, Bind::Static);
static GC_MEM_ALLOC: BuiltinObj = BuiltinObj::new("mem_alloc", gc_mem_alloc, Bind::Static);
static GC_MEM_FREE: BuiltinObj = BuiltinObj::new("mem_free", gc_mem_free, Bind::Static);

fn gc_collect(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.heap.collect();
    Ok(Value::small_int(0).unwrap())
}
fn gc_enable(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.heap.set_auto_collect(true);
    rt.gc_enabled = true;
    Ok(Value::NONE)
}
fn gc_disable(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    // As MicroPython: automatic collection stops, but allocation that would
    // fail still collects (the heap is never exhausted just for this).
    rt.gc_enabled = false;
    Ok(Value::NONE)
}
fn gc_isenabled(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(if rt.gc_enabled { Value::TRUE } else { Value::FALSE })
}
fn gc_mem_alloc(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = rt.heap.info().used;
    int::from_u64(rt, n as u64)
}
fn gc_mem_free(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = rt.heap.info().free;
    int::from_u64(rt, n as u64)
}

fn set(rt: &mut Rt, d: Value, name: &str, v: Value) -> PResult<()> {
    let q = rt.intern(name.as_bytes())?;
    dict::set(rt, d, Value::qstr(q), v)
}

fn make(rt: &mut Rt, name: &[u8]) -> PResult<Option<Value>> {
    let q = rt.intern(name)?;
    let m = match name {
        b"gc" => {
            let m = module::new(rt, q)?;
            let d = module::parts(m).1;
            for b in [&GC_COLLECT, &GC_ENABLE, &GC_DISABLE, &GC_ISENABLED, &GC_MEM_ALLOC, &GC_MEM_FREE] {
                set(rt, d, b.name, b.value())?;
            }
            m
        }
        b"sys" => {
            let m = module::new(rt, q)?;
            let d = module::parts(m).1;
            let maxsize = int::from_i64(rt, isize::MAX as i64)?;
            set(rt, d, "maxsize", maxsize)?;
            let bo = pstr::from_str(rt, if cfg!(target_endian = "little") { "little" } else { "big" })?;
            set(rt, d, "byteorder", bo)?;
            let pl = pstr::from_str(rt, "linux")?;
            set(rt, d, "platform", pl)?;
            let modules = rt.st.runtime[SLOT_MODULES];
            set(rt, d, "modules", modules)?;
            m
        }
        _ => return Ok(None),
    };
    Ok(Some(m))
}

/// `import name`: a cached or newly made built-in module.
pub fn import(rt: &mut Rt, name: Qstr) -> PResult<Value> {
    let cache = rt.st.runtime[SLOT_MODULES];
    if let Some(m) = dict::get_qstr(rt, cache, name)? {
        return Ok(m);
    }
    let mut tmp = upy_heap::GcVec::<u8>::new();
    let r = tmp.extend_from_slice(rt.st.qstr.get(name));
    if r.is_err() {
        return Err(rt.memory_error());
    }
    match make(rt, &tmp)? {
        Some(m) => {
            dict::set(rt, cache, Value::qstr(name), m)?;
            Ok(m)
        }
        None => {
            let n = rt.st.qstr.str(name);
            Err(rt.error(&cls::MODULE_NOT_FOUND_ERROR_CLASS, format_args!("No module named '{n}'")))
        }
    }
}
