//! `set` and `frozenset`: the dict table with every value None.
//!
//! Layout: exactly `dict`'s (see dict.rs), with &SET_TYPE or &FROZENSET_TYPE
//! in word 0. Iteration is in insertion order (CPython's is by hash; programs
//! that print whole sets should sort them).

use crate::objects::class::{FROZENSET_CLASS, SET_CLASS};
use crate::objects::{dict, kind, Kind};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(SET_TYPE, SET_INFO, "set", b'Z', &[2], None, Set, SET_CLASS);
crate::rt_type!(FROZENSET_TYPE, FROZENSET_INFO, "frozenset", b'z', &[2], None, FrozenSet, FROZENSET_CLASS);

crate::methods! { METHODS:
    ADD = "add", m_add, Method;
    DISCARD = "discard", m_discard, Method;
    REMOVE = "remove", m_remove, Method;
    POP = "pop", m_pop, Method;
    CLEAR = "clear", m_clear, Method;
    UPDATE = "update", m_update, Method;
    COPY = "copy", m_copy, Method;
    UNION = "union", m_union, Method;
    INTERSECTION = "intersection", m_intersection, Method;
    DIFFERENCE = "difference", m_difference, Method;
    SYMMETRIC_DIFFERENCE = "symmetric_difference", m_symdiff, Method;
    ISSUBSET = "issubset", m_issubset, Method;
    ISSUPERSET = "issuperset", m_issuperset, Method;
    ISDISJOINT = "isdisjoint", m_isdisjoint, Method;
}

crate::methods! { FROZEN_METHODS:
    F_COPY = "copy", m_copy, Method;
    F_UNION = "union", m_union, Method;
    F_INTERSECTION = "intersection", m_intersection, Method;
    F_DIFFERENCE = "difference", m_difference, Method;
    F_SYMMETRIC_DIFFERENCE = "symmetric_difference", m_symdiff, Method;
    F_ISSUBSET = "issubset", m_issubset, Method;
    F_ISSUPERSET = "issuperset", m_issuperset, Method;
    F_ISDISJOINT = "isdisjoint", m_isdisjoint, Method;
}

pub fn is_set(v: Value) -> bool {
    matches!(kind(v), Kind::Set | Kind::FrozenSet)
}

pub fn new(rt: &Rt, frozen: bool) -> PResult<Value> {
    dict::new_with(rt, if frozen { &FROZENSET_TYPE } else { &SET_TYPE })
}

pub fn add(rt: &mut Rt, s: Value, x: Value) -> PResult<()> {
    dict::set(rt, s, x, Value::NONE)
}

pub fn contains(rt: &mut Rt, s: Value, x: Value) -> PResult<bool> {
    Ok(dict::get(rt, s, x)?.is_some())
}

/// The items, one by one (None for deleted slots).
pub fn item_at(s: Value, i: usize) -> Option<Value> {
    dict::entry_at(s, i).map(|e| e.0)
}

pub fn update(rt: &mut Rt, s: Value, src: Value) -> PResult<()> {
    let it = ops::get_iter(rt, src)?;
    while let Some(x) = ops::next(rt, it)? {
        add(rt, s, x)?;
    }
    Ok(())
}

/// A set of the same kind as `like` holding `src`'s items.
fn same_kind(rt: &mut Rt, like: Value, src: Value) -> PResult<Value> {
    let s = new(rt, kind(like) == Kind::FrozenSet)?;
    update(rt, s, src)?;
    Ok(s)
}

/// `other` as a set (sets as they are, other iterables copied).
fn as_set(rt: &mut Rt, other: Value) -> PResult<Value> {
    if is_set(other) {
        return Ok(other);
    }
    let s = new(rt, false)?;
    update(rt, s, other)?;
    Ok(s)
}

pub fn union(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let s = same_kind(rt, a, a)?;
    update(rt, s, b)?;
    Ok(s)
}

pub fn intersection(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let b = as_set(rt, b)?;
    let s = new(rt, kind(a) == Kind::FrozenSet)?;
    let mut i = 0;
    while i < dict::fill(a) {
        if let Some(x) = item_at(a, i) {
            if contains(rt, b, x)? {
                add(rt, s, x)?;
            }
        }
        i += 1;
    }
    Ok(s)
}

pub fn difference(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let b = as_set(rt, b)?;
    let s = new(rt, kind(a) == Kind::FrozenSet)?;
    let mut i = 0;
    while i < dict::fill(a) {
        if let Some(x) = item_at(a, i) {
            if !contains(rt, b, x)? {
                add(rt, s, x)?;
            }
        }
        i += 1;
    }
    Ok(s)
}

pub fn symdiff(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let b = as_set(rt, b)?;
    let s = difference(rt, a, b)?;
    let mut i = 0;
    while i < dict::fill(b) {
        if let Some(x) = item_at(b, i) {
            if !contains(rt, a, x)? {
                add(rt, s, x)?;
            }
        }
        i += 1;
    }
    Ok(s)
}

pub fn is_subset(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    let b = as_set(rt, b)?;
    let mut i = 0;
    while i < dict::fill(a) {
        if let Some(x) = item_at(a, i) {
            if !contains(rt, b, x)? {
                return Ok(false);
            }
        }
        i += 1;
    }
    Ok(true)
}

fn bool_v(b: bool) -> Value {
    if b {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

fn m_add(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    add(rt, a[0], a[1])?;
    Ok(Value::NONE)
}
fn m_discard(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    dict::remove(rt, a[0], a[1])?;
    Ok(Value::NONE)
}
fn m_remove(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    match dict::remove(rt, a[0], a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(rt.key_error(a[1])),
    }
}
fn m_pop(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = a[0];
    let mut i = 0;
    while i < dict::fill(s) {
        if let Some(x) = item_at(s, i) {
            dict::remove(rt, s, x)?;
            return Ok(x);
        }
        i += 1;
    }
    Err(rt.key_error_msg(format_args!("pop from an empty set")))
}
fn m_clear(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    dict::clear(a[0]);
    Ok(Value::NONE)
}
fn m_update(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    for &x in &a[1..] {
        update(rt, a[0], x)?;
    }
    Ok(Value::NONE)
}
fn m_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    same_kind(rt, a[0], a[0])
}
fn m_union(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut s = same_kind(rt, a[0], a[0])?;
    for &x in &a[1..] {
        s = union(rt, s, x)?;
    }
    Ok(s)
}
fn m_intersection(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut s = same_kind(rt, a[0], a[0])?;
    for &x in &a[1..] {
        s = intersection(rt, s, x)?;
    }
    Ok(s)
}
fn m_difference(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut s = same_kind(rt, a[0], a[0])?;
    for &x in &a[1..] {
        s = difference(rt, s, x)?;
    }
    Ok(s)
}
fn m_symdiff(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    symdiff(rt, a[0], a[1])
}
fn m_issubset(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(bool_v(is_subset(rt, a[0], a[1])?))
}
fn m_issuperset(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let b = as_set(rt, a[1])?;
    Ok(bool_v(is_subset(rt, b, a[0])?))
}
fn m_isdisjoint(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let i = intersection(rt, a[0], a[1])?;
    Ok(bool_v(dict::len(i) == 0))
}
