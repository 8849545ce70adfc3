//! `range`: start, stop and step, all small ints.
//!
//! Layout:
//!   word 0  &RANGE_TYPE
//!   1-3     start, stop, step: small-int Values
//!
//! Invariant: step != 0; the three words are Values (never pointers).

use crate::obj::TypeDesc;
use crate::objects::class::RANGE_CLASS;
use crate::objects::{new_obj, Kind};
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

pub fn new(rt: &Rt, start: isize, stop: isize, step: isize) -> PResult<Value> {
    let sv = |x: isize| Value::small_int(x).ok_or(());
    match (sv(start), sv(stop), sv(step)) {
        (Ok(a), Ok(b), Ok(c)) => new_obj(rt, RangeObj { ty: &RANGE_TYPE, start: a, stop: b, step: c }),
        _ => Err(rt.overflow_error(format_args!("Python int too large to convert to C ssize_t"))),
    }
}

/// (start, stop, step) of a range.
pub fn parts(v: Value) -> (isize, isize, isize) {
    debug_assert!(crate::objects::kind(v) == Kind::Range);
    // SAFETY: a live range: three small-int Values.
    let r = unsafe { &*(v.bits() as *const RangeObj) };
    (r.start.as_small_int().unwrap_or(0), r.stop.as_small_int().unwrap_or(0), r.step.as_small_int().unwrap_or(1))
}

pub fn len(v: Value) -> isize {
    let (a, b, s) = parts(v);
    crate::objects::slice::count(a, b, s) as isize
}

pub fn item(v: Value, i: isize) -> isize {
    let (a, _, s) = parts(v);
    a + i * s
}

pub fn contains(v: Value, x: isize) -> bool {
    let (a, b, s) = parts(v);
    if s > 0 {
        x >= a && x < b && (x - a) % s == 0
    } else {
        x <= a && x > b && (a - x) % (-s) == 0
    }
}

fn m_index(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if let Some(x) = a[1].as_small_int() {
        if contains(a[0], x) {
            let (st, _, s) = parts(a[0]);
            return Ok(Value::small_int((x - st) / s).unwrap());
        }
    }
    let r = ops::repr(rt, a[1])?;
    let t = crate::objects::str::text(rt, r);
    Err(rt.value_error(format_args!("{t} is not in range")))
}

fn m_count(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let c = a[1].as_small_int().is_some_and(|x| contains(a[0], x));
    Ok(Value::small_int(c as isize).unwrap())
}
