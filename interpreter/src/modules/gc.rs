//! `gc`: collect, enable, disable, isenabled, mem_alloc, mem_free, threshold,
//! and our own verify and dump.
//!
//! `gc.disable()` only stops automatic collection, as in MicroPython: an
//! allocation that would otherwise fail still collects first; threshold
//! collections pause while disabled. `gc.threshold(n)` is the heap's own
//! (`Heap::set_alloc_threshold`): after n bytes of allocation (rounded down to
//! whole blocks, as MicroPython does) the next allocation collects first; -1
//! turns it off.
//!
//! Invariant: the functions keep no state of their own; everything lives in
//! the heap or in `Rt`. `verify` and `dump` allocate nothing through Rust's
//! allocator (the dump path is copied into a fixed buffer).

use super::ModuleDef;
use crate::objects::class as cls;
use crate::objects::{int, str as pstr};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "gc", init };

crate::methods! { FNS:
    COLLECT = "collect", collect, Static;
    ENABLE = "enable", enable, Static;
    DISABLE = "disable", disable, Static;
    ISENABLED = "isenabled", isenabled, Static;
    MEM_ALLOC = "mem_alloc", mem_alloc, Static;
    MEM_FREE = "mem_free", mem_free, Static;
    THRESHOLD = "threshold", threshold, Static;
    VERIFY = "verify", verify, Static;
    DUMP = "dump", dump, Static;
}

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)
}

fn collect(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.heap.collect();
    Ok(Value::small_int(0).unwrap())
}
fn enable(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.heap.set_auto_collect(true);
    rt.heap.pause_threshold(false);
    rt.gc_enabled = true;
    Ok(Value::NONE)
}
fn disable(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.gc_enabled = false;
    rt.heap.pause_threshold(true);
    Ok(Value::NONE)
}
fn isenabled(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(if rt.gc_enabled { Value::TRUE } else { Value::FALSE })
}
fn mem_alloc(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = rt.heap.info().used;
    int::from_u64(rt, n as u64)
}
fn mem_free(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = rt.heap.info().free;
    int::from_u64(rt, n as u64)
}

/// `threshold()` returns the threshold in bytes or -1; `threshold(n)` sets it
/// (a negative n disables it) and returns None.
fn threshold(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("threshold expected at most 1 argument, got {}", a.len())));
    }
    match a.first() {
        None => match rt.heap.alloc_threshold() {
            Some(b) => int::from_u64(rt, b as u64),
            None => Ok(Value::small_int(-1).unwrap()),
        },
        Some(&v) => {
            let n = ops::to_index(rt, v)?;
            rt.heap.set_alloc_threshold(if n < 0 { None } else { Some(n as usize) });
            Ok(Value::NONE)
        }
    }
}

/// Runs the heap verifier's structural checks now. A heap configured to
/// abort on failure writes its dump and aborts inside the verifier; one that
/// records failures makes this raise RuntimeError with the first message.
fn verify(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if !a.is_empty() {
        return Err(rt.type_error(format_args!("verify() takes no arguments ({} given)", a.len())));
    }
    let n = rt.heap.verify();
    let (total, first) = rt.heap.take_first_failure();
    if n == 0 && total == 0 {
        return Ok(Value::NONE);
    }
    let total = total.max(n);
    match first {
        Some(f) => Err(rt.runtime_error(format_args!(
            "heap verification failed ({total} failure(s)): {}: {}",
            f.check,
            f.message.as_str()
        ))),
        None => Err(rt.runtime_error(format_args!("heap verification failed ({total} failure(s))"))),
    }
}

/// Writes a heap dump to `path` (atomically: a temporary file renamed into
/// place), readable with the `heapdump` tool. Returns None.
fn dump(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("dump() takes exactly one argument ({} given)", a.len())));
    }
    if !pstr::is_str(a[0]) {
        let tn = ops::type_name(rt, a[0]);
        return Err(rt.type_error(format_args!("dump() argument must be str, not {tn}")));
    }
    let mut path = upy_heap::text::FixedStr::<1100>::new();
    let p = pstr::bytes_of(rt, a[0]).unwrap_or(b"");
    if p.is_empty() || p.len() >= 1024 || p.contains(&0) {
        return Err(rt.value_error(format_args!("dump() path must be a non-empty path under 1024 bytes")));
    }
    path.push_str(pstr::text(rt, a[0]));
    match rt.heap.dump("gc.dump", Some(path.as_str())) {
        Ok(_) => Ok(Value::NONE),
        Err(e) => Err(rt.error(&cls::OS_ERROR_CLASS, format_args!("could not write heap dump: {e}"))),
    }
}
