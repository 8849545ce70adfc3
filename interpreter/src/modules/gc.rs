//! `gc`: collect, enable, disable, isenabled, mem_alloc, mem_free.
//!
//! `gc.disable()` only stops automatic collection, as in MicroPython: an
//! allocation that would otherwise fail still collects first.

use super::ModuleDef;
use crate::objects::int;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "gc", init };

crate::methods! { FNS:
    COLLECT = "collect", collect, Static;
    ENABLE = "enable", enable, Static;
    DISABLE = "disable", disable, Static;
    ISENABLED = "isenabled", isenabled, Static;
    MEM_ALLOC = "mem_alloc", mem_alloc, Static;
    MEM_FREE = "mem_free", mem_free, Static;
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
    rt.gc_enabled = true;
    Ok(Value::NONE)
}
fn disable(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    rt.gc_enabled = false;
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
