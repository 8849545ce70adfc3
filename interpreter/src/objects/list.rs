//! `list`: a growable array of values.
//!
//! Layout:
//!   word 0  &LIST_TYPE
//!   1       len
//!   2       items: HEAD of an items block, or null when the list has none
//!
//! Items block:
//!   word 0  &ITEMS_TYPE
//!   1       cap
//!   2...    cap Values
//!
//! Invariants: `len <= cap`; every slot of the items block is a Value or 0
//! (slots at and past `len` are cleared when vacated), so the verifier can
//! check them all and a stale pointer never keeps garbage alive.

use crate::obj::TypeDesc;
use crate::objects::class::LIST_CLASS;
use crate::objects::{kind, new_obj, Kind, OrMem, W};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

crate::rt_type!(LIST_TYPE, LIST_INFO, "list", b'L', &[2], None, List, LIST_CLASS);
crate::rt_type!(ITEMS_TYPE, ITEMS_INFO, "list-items", b'l', &[], Some(2), List, LIST_CLASS);

#[repr(C)]
struct ListObj {
    ty: &'static TypeDesc,
    len: usize,
    items: *mut usize,
}

crate::methods! { METHODS:
    APPEND = "append", m_append, Method, 1, 1;
    EXTEND = "extend", m_extend, Method, 1, 1;
    POP = "pop", m_pop, Method, 0, 1;
    INSERT = "insert", m_insert, Method, 2, 2;
    REMOVE = "remove", m_remove, Method, 1, 1;
    INDEX = "index", m_index, Method, 1, 3;
    COUNT = "count", m_count, Method, 1, 1;
    REVERSE = "reverse", m_reverse, Method, 0, 0;
    SORT = "sort", m_sort, Method;
    COPY = "copy", m_copy, Method, 0, 0;
    CLEAR = "clear", m_clear, Method, 0, 0;
}

pub fn is_list(v: Value) -> bool {
    kind(v) == Kind::List
}

fn obj(v: Value) -> *mut ListObj {
    debug_assert!(is_list(v));
    v.bits() as *mut ListObj
}

fn cap(v: Value) -> usize {
    // SAFETY: a live list; its items block (if any) starts with ty, cap.
    unsafe {
        let it = (*obj(v)).items;
        if it.is_null() {
            0
        } else {
            *it.add(1)
        }
    }
}

/// A new list with room for `n` items.
pub fn new(rt: &Rt, n: usize) -> PResult<Value> {
    let l = new_obj(rt, ListObj { ty: &LIST_TYPE, len: 0, items: core::ptr::null_mut() })?;
    if n > 0 {
        reserve(rt, l, n)?;
    }
    Ok(l)
}

pub fn from_slice(rt: &Rt, items: &[Value]) -> PResult<Value> {
    let l = new(rt, items.len())?;
    for &x in items {
        append(rt, l, x)?;
    }
    Ok(l)
}

pub fn len(v: Value) -> usize {
    // SAFETY: a live list.
    unsafe { (*obj(v)).len }
}

/// The items; valid until the list is next resized (callers re-fetch after
/// anything that may run Python code or grow the list).
pub fn items(v: Value) -> &'static mut [Value] {
    // SAFETY: a live list whose items block holds `len` initialised Values;
    // the block stays alive while the list does.
    unsafe {
        let o = obj(v);
        if (*o).items.is_null() {
            return &mut [];
        }
        core::slice::from_raw_parts_mut((*o).items.add(2) as *mut Value, (*o).len)
    }
}

fn reserve(rt: &Rt, v: Value, need: usize) -> PResult<()> {
    let c = cap(v);
    if need <= c {
        return Ok(());
    }
    let newcap = need.max(c * 2).max(4);
    let bytes = newcap.checked_add(2).and_then(|x| x.checked_mul(W)).ok_or_else(|| rt.memory_error())?;
    // SAFETY: the old block (if any) is this list's items block, a HEAD.
    let old = unsafe { (*obj(v)).items };
    let p = match rt.heap.realloc(old as *mut u8, bytes) {
        Ok(p) => p.as_ptr() as *mut usize,
        Err(_) => return Err(rt.memory_error()),
    };
    // SAFETY: p is the (possibly moved) items block, at least 2 + newcap words;
    // gained bytes are zero (no pointers).
    unsafe {
        *p = &ITEMS_TYPE as *const TypeDesc as usize;
        *p.add(1) = rt.heap.size_of(p as *const u8) / W - 2;
        (*obj(v)).items = p;
    }
    Ok(())
}

pub fn append(rt: &Rt, v: Value, x: Value) -> PResult<()> {
    let n = len(v);
    reserve(rt, v, n + 1)?;
    // SAFETY: n < cap after reserve.
    unsafe {
        let o = obj(v);
        *((*o).items.add(2 + n) as *mut Value) = x;
        (*o).len = n + 1;
    }
    Ok(())
}

pub fn insert(rt: &Rt, v: Value, i: usize, x: Value) -> PResult<()> {
    let n = len(v);
    reserve(rt, v, n + 1)?;
    // SAFETY: i <= n < cap; the tail moves up by one inside the block.
    unsafe {
        let o = obj(v);
        let base = (*o).items.add(2) as *mut Value;
        core::ptr::copy(base.add(i), base.add(i + 1), n - i);
        *base.add(i) = x;
        (*o).len = n + 1;
    }
    Ok(())
}

/// Removes and returns item `i` (in bounds).
pub fn remove_at(v: Value, i: usize) -> Value {
    let n = len(v);
    assert!(i < n);
    // SAFETY: i < n; the tail moves down and the vacated slot is cleared.
    unsafe {
        let o = obj(v);
        let base = (*o).items.add(2) as *mut Value;
        let x = *base.add(i);
        core::ptr::copy(base.add(i + 1), base.add(i), n - i - 1);
        *(base.add(n - 1) as *mut usize) = 0;
        (*o).len = n - 1;
        x
    }
}

/// Shortens the list to `n` items, clearing the vacated slots.
pub fn truncate(v: Value, n: usize) {
    let l = len(v);
    if n >= l {
        return;
    }
    // SAFETY: slots n..l are inside the items block.
    unsafe {
        let o = obj(v);
        let base = (*o).items.add(2);
        for k in n..l {
            *base.add(k) = 0;
        }
        (*o).len = n;
    }
}

/// Replaces the items `a..b` by `new` (list slice assignment / deletion).
pub fn splice(rt: &Rt, v: Value, a: usize, b: usize, new: &[Value]) -> PResult<()> {
    let n = len(v);
    let newlen = n - (b - a) + new.len();
    reserve(rt, v, newlen)?;
    // SAFETY: all indices stay below max(n, newlen) <= cap.
    unsafe {
        let o = obj(v);
        let base = (*o).items.add(2) as *mut Value;
        core::ptr::copy(base.add(b), base.add(a + new.len()), n - b);
        core::ptr::copy_nonoverlapping(new.as_ptr(), base.add(a), new.len());
        for k in newlen..n {
            *(base.add(k) as *mut usize) = 0;
        }
        (*o).len = newlen;
    }
    Ok(())
}

fn m_append(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    append(rt, a[0], a[1])?;
    Ok(Value::NONE)
}

pub fn extend(rt: &mut Rt, l: Value, src: Value) -> PResult<()> {
    if is_list(src) || crate::objects::tuple::is_tuple(src) {
        let n = if is_list(src) { len(src) } else { crate::objects::tuple::len(src) };
        reserve(rt, l, len(l) + n)?;
        for i in 0..n {
            let x = if is_list(src) { items(src)[i] } else { crate::objects::tuple::items(src)[i] };
            append(rt, l, x)?;
        }
        return Ok(());
    }
    let it = ops::get_iter(rt, src)?;
    while let Some(x) = ops::next(rt, it)? {
        append(rt, l, x)?;
    }
    Ok(())
}

fn m_extend(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    extend(rt, a[0], a[1])?;
    Ok(Value::NONE)
}

fn m_pop(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let l = a[0];
    let n = len(l) as isize;
    if n == 0 {
        return Err(rt.index_error(format_args!("pop from empty list")));
    }
    let mut i = if a.len() > 1 { ops::to_index(rt, a[1])? } else { -1 };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(rt.index_error(format_args!("pop index out of range")));
    }
    Ok(remove_at(l, i as usize))
}

fn m_insert(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 3 {
        return Err(rt.type_error(format_args!("insert expected 2 arguments, got {}", a.len() - 1)));
    }
    let l = a[0];
    let n = len(l) as isize;
    let mut i = ops::to_index(rt, a[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    insert(rt, l, i, a[2])?;
    Ok(Value::NONE)
}

fn m_remove(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let l = a[0];
    let mut i = 0;
    while i < len(l) {
        if items(l)[i] == a[1] || ops::eq(rt, items(l)[i], a[1])? {
            remove_at(l, i);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(rt.value_error(format_args!("list.remove(x): x not in list")))
}

fn m_index(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let l = a[0];
    let n = len(l) as isize;
    let norm = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let st = if a.len() > 2 { norm(ops::to_index(rt, a[2])?) } else { 0 };
    let en = if a.len() > 3 { norm(ops::to_index(rt, a[3])?) } else { n };
    let mut i = st;
    while i < en && (i as usize) < len(l) {
        if items(l)[i as usize] == a[1] || ops::eq(rt, items(l)[i as usize], a[1])? {
            return Ok(Value::small_int(i).unwrap());
        }
        i += 1;
    }
    let r = ops::repr(rt, a[1])?;
    let t = crate::objects::str::text(rt, r);
    Err(rt.value_error(format_args!("{t} is not in list")))
}

fn m_count(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let l = a[0];
    let mut c = 0;
    let mut i = 0;
    while i < len(l) {
        if items(l)[i] == a[1] || ops::eq(rt, items(l)[i], a[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(c).unwrap())
}

fn m_reverse(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    items(a[0]).reverse();
    Ok(Value::NONE)
}

fn m_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let src = a[0];
    let l = new(rt, len(src))?;
    for i in 0..len(src) {
        append(rt, l, items(src)[i])?;
    }
    Ok(l)
}

fn m_clear(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    truncate(a[0], 0);
    Ok(Value::NONE)
}

/// Stable merge sort of `v` by `keys` (parallel arrays), `a < b` by `ops::lt`.
fn merge_sort(rt: &mut Rt, keys: &mut GcVec<Value>, vals: &mut GcVec<Value>, rev: bool) -> PResult<()> {
    let n = keys.len();
    let mut tk = GcVec::<Value>::with_capacity(n).or_mem(rt)?;
    let mut tv = GcVec::<Value>::with_capacity(n).or_mem(rt)?;
    for i in 0..n {
        tk.push(keys[i]).or_mem(rt)?;
        tv.push(vals[i]).or_mem(rt)?;
    }
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right only when it is strictly before the left
                // (stability); with reverse, "before" means greater.
                let take_right = if rev { ops::lt(rt, keys[i], keys[j])? } else { ops::lt(rt, keys[j], keys[i])? };
                if take_right {
                    tk[k] = keys[j];
                    tv[k] = vals[j];
                    j += 1;
                } else {
                    tk[k] = keys[i];
                    tv[k] = vals[i];
                    i += 1;
                }
                k += 1;
            }
            while i < mid {
                tk[k] = keys[i];
                tv[k] = vals[i];
                i += 1;
                k += 1;
            }
            while j < hi {
                tk[k] = keys[j];
                tv[k] = vals[j];
                j += 1;
                k += 1;
            }
            lo = hi;
        }
        keys.copy_from_slice(&tk);
        vals.copy_from_slice(&tv);
        width *= 2;
    }
    Ok(())
}

pub fn sort(rt: &mut Rt, l: Value, key: Value, reverse: bool) -> PResult<()> {
    let n = len(l);
    let mut vals = GcVec::<Value>::with_capacity(n).or_mem(rt)?;
    vals.extend_from_slice(items(l)).or_mem(rt)?;
    let mut keys = GcVec::<Value>::with_capacity(n).or_mem(rt)?;
    for i in 0..n {
        let k = if key == Value::NONE { vals[i] } else { ops::call(rt, key, &[vals[i]], &[])? };
        keys.push(k).or_mem(rt)?;
    }
    merge_sort(rt, &mut keys, &mut vals, reverse)?;
    if len(l) != n {
        return Err(rt.value_error(format_args!("list modified during sort")));
    }
    items(l).copy_from_slice(&vals);
    Ok(())
}

fn m_sort(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("sort() takes no positional arguments")));
    }
    let mut key = Value::NONE;
    let mut rev = false;
    for pair in k.chunks(2) {
        let name = crate::objects::str::text(rt, pair[0]);
        match name {
            "key" => key = pair[1],
            "reverse" => rev = ops::truthy(rt, pair[1])?,
            _ => {
                let name = crate::objects::str::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("'{name}' is an invalid keyword argument for sort()")));
            }
        }
    }
    sort(rt, a[0], key, rev)?;
    Ok(Value::NONE)
}
