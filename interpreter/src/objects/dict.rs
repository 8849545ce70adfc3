//! `dict`: an insertion-ordered hash table (CPython's compact layout: an
//! entries array in insertion order plus an open-addressed index).
//!
//! Layout:
//!   word 0  &DICT_TYPE (or &SET_TYPE / &FROZENSET_TYPE: sets share this code)
//!   1       used: live entries
//!   2       table: HEAD of a table block, or null while empty
//!
//! Table block:
//!   word 0  &TABLE_TYPE
//!   1       cap: entry slots
//!   2       fill: entries written so far (live + deleted)
//!   3       nidx: index slots (a power of two, 2 * cap)
//!   4...    cap entries of 3 words: key, value, hash tagged as (h << 1) | 1
//!   then    nidx index words: 0 = empty, else entry number + 1
//!
//! Invariants: a deleted entry has key word 0 (its index slot stays, so probe
//! chains are not broken); every word of the table is a Value, a tagged hash,
//! a small count or 0, so the verifier checks them all; `fill <= cap`.
//! Lookups re-read the table after every `__eq__` call, which may run code.

use crate::obj::TypeDesc;
use crate::objects::class::DICT_CLASS;
use crate::objects::{alloc, kind, new_obj, str as pstr, Kind, W};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(DICT_TYPE, DICT_INFO, "dict", b'D', &[2], None, Dict, DICT_CLASS);
crate::rt_type!(TABLE_TYPE, TABLE_INFO, "dict-table", b'd', &[], Some(4), Dict, DICT_CLASS);

#[repr(C)]
pub(crate) struct DictObj {
    pub ty: &'static TypeDesc,
    pub used: usize,
    pub table: *mut usize,
}

crate::methods! { METHODS:
    GET = "get", m_get, Method, 1, 2;
    KEYS = "keys", m_keys, Method, 0, 0;
    VALUES = "values", m_values, Method, 0, 0;
    ITEMS = "items", m_items, Method, 0, 0;
    POP = "pop", m_pop, Method, 1, 2;
    POPITEM = "popitem", m_popitem, Method, 0, 0;
    SETDEFAULT = "setdefault", m_setdefault, Method, 1, 2;
    UPDATE = "update", m_update, Method;
    COPY = "copy", m_copy, Method, 0, 0;
    CLEAR = "clear", m_clear, Method, 0, 0;
    FROMKEYS = "fromkeys", m_fromkeys, ClassMethod, 1, 2;
}

pub fn is_dict(v: Value) -> bool {
    kind(v) == Kind::Dict
}

/// Is `v` a dict of the plain `dict` class (not a flavour such as OrderedDict)?
pub fn is_plain(v: Value) -> bool {
    crate::objects::desc(v).is_some_and(|d| core::ptr::eq(d, &DICT_TYPE))
}

fn obj(v: Value) -> *mut DictObj {
    v.bits() as *mut DictObj
}

pub fn new(rt: &Rt) -> PResult<Value> {
    new_with(rt, &DICT_TYPE)
}

/// A new empty table-based object of descriptor `ty` (dict or a set type).
pub fn new_with(rt: &Rt, ty: &'static TypeDesc) -> PResult<Value> {
    new_obj(rt, DictObj { ty, used: 0, table: core::ptr::null_mut() })
}

pub fn len(v: Value) -> usize {
    // SAFETY: a live dict or set (same layout).
    unsafe { (*obj(v)).used }
}

fn table(v: Value) -> *mut usize {
    // SAFETY: as above.
    unsafe { (*obj(v)).table }
}

fn t_cap(t: *mut usize) -> usize {
    // SAFETY: a table block: word 1 is cap.
    unsafe { *t.add(1) }
}
fn t_fill(t: *mut usize) -> usize {
    // SAFETY: word 2 is fill.
    unsafe { *t.add(2) }
}
fn t_nidx(t: *mut usize) -> usize {
    // SAFETY: word 3 is nidx.
    unsafe { *t.add(3) }
}
fn entry(t: *mut usize, i: usize) -> *mut usize {
    // SAFETY: i < cap: entry i is inside the block.
    unsafe { t.add(4 + 3 * i) }
}
fn index(t: *mut usize, s: usize) -> *mut usize {
    // SAFETY: s < nidx: the index follows the entries.
    unsafe { t.add(4 + 3 * t_cap(t) + s) }
}

/// Number of entry slots (live or deleted) to iterate over.
pub fn fill(v: Value) -> usize {
    let t = table(v);
    if t.is_null() {
        0
    } else {
        t_fill(t)
    }
}

/// Entry `i` (below `fill`): None if deleted.
pub fn entry_at(v: Value, i: usize) -> Option<(Value, Value)> {
    let t = table(v);
    if t.is_null() || i >= t_fill(t) {
        return None;
    }
    let e = entry(t, i);
    // SAFETY: entry i of a live table.
    unsafe {
        if *e == 0 {
            None
        } else {
            Some((Value::from_bits(*e), Value::from_bits(*e.add(1))))
        }
    }
}

fn alloc_table(rt: &Rt, cap: usize) -> PResult<*mut usize> {
    let nidx = cap * 2;
    let p = alloc(rt, (4 + 3 * cap + nidx) * W)?;
    // SAFETY: a fresh zeroed block of the table's size.
    unsafe {
        *p = &TABLE_TYPE as *const TypeDesc as usize;
        *p.add(1) = cap;
        *p.add(2) = 0;
        *p.add(3) = nidx;
    }
    Ok(p)
}

fn insert_index(t: *mut usize, h: usize, ei: usize) {
    let mask = t_nidx(t) - 1;
    let mut s = h & mask;
    let mut perturb = h;
    // SAFETY: s < nidx; the index has at least one empty slot (nidx = 2 cap).
    unsafe {
        while *index(t, s) != 0 {
            perturb >>= 5;
            s = (s * 5 + 1 + perturb) & mask;
        }
        *index(t, s) = ei + 1;
    }
}

/// Grows or compacts the table so one more entry fits.
fn make_room(rt: &Rt, v: Value) -> PResult<()> {
    let t = table(v);
    if !t.is_null() && t_fill(t) < t_cap(t) {
        return Ok(());
    }
    let used = len(v);
    let mut cap = 8;
    while cap < (used + 1) * 2 {
        cap *= 2;
    }
    let nt = alloc_table(rt, cap)?;
    let t = table(v);
    let mut k = 0;
    if !t.is_null() {
        for i in 0..t_fill(t) {
            let e = entry(t, i);
            // SAFETY: entries of the old and new live tables; k < used + 1 <= cap.
            unsafe {
                if *e == 0 {
                    continue;
                }
                let ne = entry(nt, k);
                *ne = *e;
                *ne.add(1) = *e.add(1);
                *ne.add(2) = *e.add(2);
                insert_index(nt, *e.add(2) >> 1, k);
            }
            k += 1;
        }
    }
    // SAFETY: writing the new table's fill and installing it; the old table
    // becomes garbage (the collector frees it).
    unsafe {
        *nt.add(2) = k;
        (*obj(v)).table = nt;
    }
    Ok(())
}

fn keys_equal(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    if a == b {
        return Ok(true);
    }
    if pstr::is_str(a) && pstr::is_str(b) {
        return Ok(pstr::eq(rt, a, b));
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    ops::eq(rt, a, b)
}

/// Finds `key` (hash `h`): (entry number) or None.
fn find(rt: &mut Rt, v: Value, key: Value, h: usize) -> PResult<Option<usize>> {
    let t = table(v);
    if t.is_null() {
        return Ok(None);
    }
    let mask = t_nidx(t) - 1;
    let mut s = h & mask;
    let mut perturb = h;
    loop {
        let t = table(v);
        if t.is_null() {
            return Ok(None);
        }
        // SAFETY: s < nidx of the current table; entry numbers are < fill.
        let (ix, ek, eh) = unsafe {
            let ix = *index(t, s & (t_nidx(t) - 1));
            if ix == 0 {
                return Ok(None);
            }
            let e = entry(t, ix - 1);
            (ix, *e, *e.add(2))
        };
        if ek != 0 && eh >> 1 == h & (usize::MAX >> 1) && keys_equal(rt, Value::from_bits(ek), key)? {
            return Ok(Some(ix - 1));
        }
        perturb >>= 5;
        s = (s * 5 + 1 + perturb) & mask;
    }
}

fn hash_of(rt: &mut Rt, key: Value) -> PResult<usize> {
    Ok(ops::hash(rt, key)? as usize & (usize::MAX >> 1))
}

pub fn get(rt: &mut Rt, v: Value, key: Value) -> PResult<Option<Value>> {
    let h = hash_of(rt, key)?;
    Ok(find(rt, v, key, h)?.and_then(|i| entry_at(v, i).map(|e| e.1)))
}

/// Lookup by an interned name (no Python code runs: only str keys compare).
pub fn get_qstr(rt: &Rt, v: Value, q: Qstr) -> PResult<Option<Value>> {
    let t = table(v);
    if t.is_null() {
        return Ok(None);
    }
    let key = Value::qstr(q);
    // The pool's stored hash is `hash_bytes` of the text (as u32 widened like it).
    let h = rt.st.qstr.hash(q) as isize as usize & (usize::MAX >> 1);
    let mask = t_nidx(t) - 1;
    let mut s = h & mask;
    let mut perturb = h;
    loop {
        // SAFETY: as in `find`; the table cannot change here (no code runs).
        unsafe {
            let ix = *index(t, s);
            if ix == 0 {
                return Ok(None);
            }
            let e = entry(t, ix - 1);
            let k = Value::from_bits(*e);
            if *e != 0
                && (k == key
                    || (*e.add(2) >> 1 == h && !k.is_qstr() && pstr::bytes_of(rt, k) == Some(rt.st.qstr.get(q))))
            {
                return Ok(Some(Value::from_bits(*e.add(1))));
            }
        }
        perturb >>= 5;
        s = (s * 5 + 1 + perturb) & mask;
    }
}

pub fn set(rt: &mut Rt, v: Value, key: Value, val: Value) -> PResult<()> {
    let h = hash_of(rt, key)?;
    if let Some(i) = find(rt, v, key, h)? {
        // SAFETY: entry i of the live table.
        unsafe { *entry(table(v), i).add(1) = val.bits() };
        return Ok(());
    }
    make_room(rt, v)?;
    let t = table(v);
    let k = t_fill(t);
    // SAFETY: k < cap after make_room.
    unsafe {
        let e = entry(t, k);
        *e = key.bits();
        *e.add(1) = val.bits();
        *e.add(2) = (h << 1) | 1;
        *t.add(2) = k + 1;
        insert_index(t, h, k);
        (*obj(v)).used += 1;
    }
    Ok(())
}

/// Removes `key`; returns its value, or None if absent.
pub fn remove(rt: &mut Rt, v: Value, key: Value) -> PResult<Option<Value>> {
    let h = hash_of(rt, key)?;
    match find(rt, v, key, h)? {
        Some(i) => {
            // SAFETY: entry i of the live table; the key word is cleared, the
            // value word too (no stale pointer stays behind).
            unsafe {
                let e = entry(table(v), i);
                let val = Value::from_bits(*e.add(1));
                *e = 0;
                *e.add(1) = 0;
                (*obj(v)).used -= 1;
                Ok(Some(val))
            }
        }
        None => Ok(None),
    }
}

pub fn clear(v: Value) {
    // SAFETY: a live dict; dropping the table makes it garbage.
    unsafe {
        (*obj(v)).table = core::ptr::null_mut();
        (*obj(v)).used = 0;
    }
}

pub fn copy_into(rt: &mut Rt, dst: Value, src: Value) -> PResult<()> {
    let mut i = 0;
    while i < fill(src) {
        if let Some((k, x)) = entry_at(src, i) {
            set(rt, dst, k, x)?;
        }
        i += 1;
    }
    Ok(())
}

fn key_error(rt: &mut Rt, key: Value) -> Value {
    rt.key_error(key)
}

fn m_get(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("get expected at least 1 argument, got 0")));
    }
    Ok(get(rt, a[0], a[1])?.unwrap_or(a.get(2).copied().unwrap_or(Value::NONE)))
}

fn m_keys(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    crate::objects::iter::dict_view(rt, a[0], 0)
}
fn m_values(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    crate::objects::iter::dict_view(rt, a[0], 1)
}
fn m_items(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    crate::objects::iter::dict_view(rt, a[0], 2)
}

fn m_pop(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    match remove(rt, a[0], a[1])? {
        Some(v) => Ok(v),
        None if a.len() > 2 => Ok(a[2]),
        None => Err(key_error(rt, a[1])),
    }
}

fn m_popitem(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = a[0];
    let mut i = fill(d);
    while i > 0 {
        i -= 1;
        if let Some((k, v)) = entry_at(d, i) {
            remove(rt, d, k)?;
            return crate::objects::tuple::new(rt, &[k, v]);
        }
    }
    Err(rt.key_error_msg(format_args!("popitem(): dictionary is empty")))
}

fn m_setdefault(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let dflt = a.get(2).copied().unwrap_or(Value::NONE);
    if let Some(v) = get(rt, a[0], a[1])? {
        return Ok(v);
    }
    set(rt, a[0], a[1], dflt)?;
    Ok(dflt)
}

pub fn update(rt: &mut Rt, d: Value, src: Value) -> PResult<()> {
    if is_dict(src) {
        return copy_into(rt, d, src);
    }
    if let Some(n) = crate::objects::instance::native(src) {
        // A dict subclass that keeps dict's iteration: its items directly, as CPython does.
        let cls = ops::type_of(rt, src);
        let own_iter = crate::objects::class::lookup(rt, cls, crate::qstr::q::__iter__)?
            .is_some_and(|f| crate::objects::kind(f) == crate::objects::Kind::Function);
        if is_dict(n) && !own_iter {
            return copy_into(rt, d, n);
        }
    }
    // A mapping: anything with keys() and item access.
    if crate::objects::kind(src) == crate::objects::Kind::Instance {
        if let Some(keys_q) = rt.st.qstr.find(b"keys") {
            if let Some(keys) = crate::vm::attr::try_getattr(rt, src, keys_q)? {
                let ks = ops::call(rt, keys, &[], &[])?;
                let it = ops::get_iter(rt, ks)?;
                while let Some(k) = ops::next(rt, it)? {
                    let v = ops::getitem(rt, src, k)?;
                    set(rt, d, k, v)?;
                }
                return Ok(());
            }
        }
    }
    let it = ops::get_iter(rt, src)?;
    let mut n = 0;
    while let Some(item) = ops::next(rt, it)? {
        if !ops::is_iterable(rt, item)? {
            return Err(
                rt.type_error(format_args!("cannot convert dictionary update sequence element #{n} to a sequence"))
            );
        }
        let pair = ops::to_list(rt, item)?;
        let l = crate::objects::list::len(pair);
        if l != 2 {
            return Err(
                rt.value_error(format_args!("dictionary update sequence element #{n} has length {l}; 2 is required"))
            );
        }
        let (k, v) = (crate::objects::list::items(pair)[0], crate::objects::list::items(pair)[1]);
        set(rt, d, k, v)?;
        n += 1;
    }
    Ok(())
}

fn m_update(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        update(rt, a[0], a[1])?;
    }
    for pair in k.chunks(2) {
        set(rt, a[0], pair[0], pair[1])?;
    }
    Ok(Value::NONE)
}

fn m_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = new(rt)?;
    copy_into(rt, d, a[0])?;
    Ok(d)
}

fn m_clear(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    clear(a[0]);
    Ok(Value::NONE)
}

fn m_fromkeys(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = new(rt)?;
    let v = a.get(2).copied().unwrap_or(Value::NONE);
    let it = ops::get_iter(rt, a[1])?;
    while let Some(k) = ops::next(rt, it)? {
        set(rt, d, k, v)?;
    }
    Ok(d)
}
