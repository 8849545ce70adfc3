//! `range`: start, stop and step, ints within i64 (so x86 and x64 agree).
//!
//! Layout:
//!   word 0  &RANGE_TYPE
//!   1-3     start, stop, step: int Values (big ints on x86 beyond 2^30)
//!
//! Invariant: step != 0; each value fits an i64.

use crate::obj::TypeDesc;
use crate::objects::class::RANGE_CLASS;
use crate::objects::{int, new_obj, Kind};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(RANGE_TYPE, RANGE_INFO, "range", b'R', &[1, 2, 3], None, Range, RANGE_CLASS);

#[repr(C)]
struct RangeObj {
    ty: &'static TypeDesc,
    start: Value,
    stop: Value,
    step: Value,
}

crate::methods! { METHODS:
    INDEX = "index", m_index, Method;
    COUNT = "count", m_count, Method;
}

pub fn new(rt: &Rt, start: i64, stop: i64, step: i64) -> PResult<Value> {
    let a = int::from_i64(rt, start)?;
    let b = int::from_i64(rt, stop)?;
    let c = int::from_i64(rt, step)?;
    new_obj(rt, RangeObj { ty: &RANGE_TYPE, start: a, stop: b, step: c })
}

/// (start, stop, step) of a range.
pub fn parts(v: Value) -> (i64, i64, i64) {
    debug_assert!(crate::objects::kind(v) == Kind::Range);
    // SAFETY: a live range: three int Values.
    let r = unsafe { &*(v.bits() as *const RangeObj) };
    (int::to_i64(r.start).unwrap_or(0), int::to_i64(r.stop).unwrap_or(0), int::to_i64(r.step).unwrap_or(1))
}

pub fn len(v: Value) -> i64 {
    let (a, b, s) = parts(v);
    let (a, b, s) = (a as i128, b as i128, s as i128);
    let n = if s > 0 {
        if b > a {
            (b - a - 1) / s + 1
        } else {
            0
        }
    } else if a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

pub fn item(v: Value, i: i64) -> i64 {
    let (a, _, s) = parts(v);
    a.wrapping_add(i.wrapping_mul(s))
}

pub fn contains(v: Value, x: i64) -> bool {
    let (a, b, s) = parts(v);
    if s > 0 {
        x >= a && x < b && (x - a) % s == 0
    } else {
        x <= a && x > b && (a - x) % (-s) == 0
    }
}

fn m_index(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if let Some(x) = int::to_i64(a[1]).filter(|_| int::is_int(a[1])) {
        if contains(a[0], x) {
            let (st, _, s) = parts(a[0]);
            return int::from_i64(rt, (x - st) / s);
        }
    }
    let r = ops::repr(rt, a[1])?;
    let t = crate::objects::str::text(rt, r);
    Err(rt.value_error(format_args!("{t} is not in range")))
}

fn m_count(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let c = int::is_int(a[1]) && int::to_i64(a[1]).is_some_and(|x| contains(a[0], x));
    Ok(Value::small_int(c as isize).unwrap())
}
