//! `tuple`: an immutable array of values, inline.
//!
//! Layout:
//!   word 0  &TUPLE_TYPE
//!   1       len
//!   2...    len Values
//!
//! Invariants: every word from 2 on is a Value (the verifier checks them all);
//! a tuple is filled completely before it is shared (the builder below writes
//! the items right after the allocation; a fresh block is zero = no pointers).

use crate::obj::TypeDesc;
use crate::objects::class::TUPLE_CLASS;
use crate::objects::{alloc, kind, Kind, W};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(TUPLE_TYPE, TUPLE_INFO, "tuple", b'U', &[], Some(2), Tuple, TUPLE_CLASS);

crate::methods! { METHODS:
    INDEX = "index", m_index, Method;
    COUNT = "count", m_count, Method, 1, 1;
}

/// The empty tuple, a static object.
#[repr(C, align(8))]
pub struct EmptyTuple {
    ty: &'static TypeDesc,
    len: usize,
}
pub static EMPTY: EmptyTuple = EmptyTuple { ty: &TUPLE_TYPE, len: 0 };

pub fn empty() -> Value {
    Value::from_ptr(&EMPTY as *const EmptyTuple)
}

pub fn new(rt: &Rt, items: &[Value]) -> PResult<Value> {
    if items.is_empty() {
        return Ok(empty());
    }
    let p = alloc(rt, (2 + items.len()) * W)?;
    // SAFETY: a fresh block of 2 + n words; the items are written before any
    // other allocation.
    unsafe {
        *p = &TUPLE_TYPE as *const TypeDesc as usize;
        *p.add(1) = items.len();
        core::ptr::copy_nonoverlapping(items.as_ptr(), p.add(2) as *mut Value, items.len());
    }
    Ok(Value::from_ptr(p))
}

/// A tuple of `n` Nones, to be filled with `set` before it is shared.
pub fn new_uninit(rt: &Rt, n: usize) -> PResult<Value> {
    if n == 0 {
        return Ok(empty());
    }
    let p = alloc(rt, (2 + n) * W)?;
    // SAFETY: a fresh block of 2 + n words.
    unsafe {
        *p = &TUPLE_TYPE as *const TypeDesc as usize;
        *p.add(1) = n;
        for i in 0..n {
            *p.add(2 + i) = Value::NONE.bits();
        }
    }
    Ok(Value::from_ptr(p))
}

pub fn is_tuple(v: Value) -> bool {
    kind(v) == Kind::Tuple
}

pub fn len(v: Value) -> usize {
    // SAFETY: a tuple (checked by the caller): word 1 is the length.
    unsafe { *(v.bits() as *const usize).add(1) }
}

/// The items (the tuple stays alive while the caller holds `v`).
pub fn items(v: Value) -> &'static [Value] {
    let p = v.bits() as *const usize;
    // SAFETY: a tuple: `len` Values from word 2, immutable once shared.
    unsafe { core::slice::from_raw_parts(p.add(2) as *const Value, *p.add(1)) }
}

/// Fills slot `i` of a tuple being built.
pub fn set(v: Value, i: usize, x: Value) {
    assert!(i < len(v));
    // SAFETY: in bounds of a tuple's items; only used while building it.
    unsafe { *(v.bits() as *mut Value).add(2 + i) = x };
}

fn m_index(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = a[0];
    if a.len() < 2 || a.len() > 4 {
        return Err(
            rt.type_error(format_args!("index expected at least 1 argument, got {}", a.len().saturating_sub(1)))
        );
    }
    // start/stop as slice bounds (negative from the end, clamped).
    let n = len(t) as isize;
    let bound = |rt: &mut Rt, v: Option<&Value>, dflt: isize| -> PResult<usize> {
        let Some(&v) = v else { return Ok(dflt as usize) };
        let mut i = ops::to_index(rt, v)?;
        if i < 0 {
            i += n;
        }
        Ok(i.clamp(0, n) as usize)
    };
    let start = bound(rt, a.get(2), 0)?;
    let stop = bound(rt, a.get(3), n)?;
    for i in start..stop.min(len(t)) {
        if items(t)[i] == a[1] || ops::eq(rt, items(t)[i], a[1])? {
            return Ok(Value::small_int(i as isize).unwrap());
        }
    }
    Err(rt.value_error(format_args!("tuple.index(x): x not in tuple")))
}

fn m_count(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = a[0];
    let mut c = 0;
    for i in 0..len(t) {
        if items(t)[i] == a[1] || ops::eq(rt, items(t)[i], a[1])? {
            c += 1;
        }
    }
    Ok(Value::small_int(c).unwrap())
}
