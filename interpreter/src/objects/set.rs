//! `set` and `frozenset`: CPython's set table, so that iteration (and so
//! printing) follows the same order as CPython's for the same operations.
//!
//! Layout:
//!   word 0  &SET_TYPE or &FROZENSET_TYPE
//!   1       used: live entries
//!   2       table: HEAD of the slot table, or null while empty
//!   3       fill: live plus dummy slots
//!   4       mask: slots - 1 (7 while the table is null)
//!   5       finger: where `pop` looks next
//!
//! Slot table block: word 0 &SETTABLE_TYPE, word 1 slot count, then the
//! slots: the key's 64-bit hash in tagged chunks (`HW` words, each reading
//! as a small int), then the key. An empty slot is all 0; a dummy (a removed
//! key) has hash words and key 0.
//!
//! The algorithms are CPython 3.11's (setobject.c), step for step where it
//! decides positions: linear probes of 9 then perturbation, dummy reuse,
//! growth at 3/5 fill to 4x used, one up-front resize and slot copying when
//! merging sets, and the iteration order each set operation builds its
//! result in. Hashes are the runtime's (`ops::hash`): ints, floats, bools and
//! tuples hash as in CPython on x64, so sets of them print in its order.
//!
//! Invariants: `fill <= mask` and an empty slot always remains; every table
//! word is 0, a tagged hash, a small count or a Value, so the verifier checks
//! them all; comparisons may run Python code, so a probe re-reads the table
//! after each and starts again if the set changed under it.

use crate::obj::TypeDesc;
use crate::objects::class::{FROZENSET_CLASS, SET_CLASS};
use crate::objects::{alloc, dict, kind, new_obj, Kind, W};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(SET_TYPE, SET_INFO, "set", b'Z', &[2], None, Set, SET_CLASS);
crate::rt_type!(FROZENSET_TYPE, FROZENSET_INFO, "frozenset", b'z', &[2], None, FrozenSet, FROZENSET_CLASS);
crate::rt_type!(SETTABLE_TYPE, SETTABLE_INFO, "set-table", b'w', &[], Some(2), Set, SET_CLASS);

crate::methods! { METHODS:
    ADD = "add", m_add, Method, 1, 1;
    DISCARD = "discard", m_discard, Method, 1, 1;
    REMOVE = "remove", m_remove, Method, 1, 1;
    POP = "pop", m_pop, Method, 0, 0;
    CLEAR = "clear", m_clear, Method, 0, 0;
    UPDATE = "update", m_update, Method;
    COPY = "copy", m_copy, Method, 0, 0;
    UNION = "union", m_union, Method;
    INTERSECTION = "intersection", m_intersection, Method;
    DIFFERENCE = "difference", m_difference, Method;
    SYMMETRIC_DIFFERENCE = "symmetric_difference", m_symdiff, Method, 1, 1;
    ISSUBSET = "issubset", m_issubset, Method, 1, 1;
    ISSUPERSET = "issuperset", m_issuperset, Method, 1, 1;
    ISDISJOINT = "isdisjoint", m_isdisjoint, Method, 1, 1;
    INTERSECTION_UPDATE = "intersection_update", m_intersection_update, Method;
    DIFFERENCE_UPDATE = "difference_update", m_difference_update, Method;
    SYMMETRIC_DIFFERENCE_UPDATE = "symmetric_difference_update", m_symdiff_update, Method;
}

crate::methods! { FROZEN_METHODS:
    F_COPY = "copy", m_copy, Method, 0, 0;
    F_UNION = "union", m_union, Method;
    F_INTERSECTION = "intersection", m_intersection, Method;
    F_DIFFERENCE = "difference", m_difference, Method;
    F_SYMMETRIC_DIFFERENCE = "symmetric_difference", m_symdiff, Method, 1, 1;
    F_ISSUBSET = "issubset", m_issubset, Method, 1, 1;
    F_ISSUPERSET = "issuperset", m_issuperset, Method, 1, 1;
    F_ISDISJOINT = "isdisjoint", m_isdisjoint, Method, 1, 1;
}

pub fn is_set(v: Value) -> bool {
    matches!(kind(v), Kind::Set | Kind::FrozenSet)
}

#[repr(C)]
struct SetObj {
    ty: &'static TypeDesc,
    used: usize,
    table: *mut usize,
    fill: usize,
    mask: usize,
    finger: usize,
}

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

fn obj(v: Value) -> *mut SetObj {
    v.bits() as *mut SetObj
}

pub fn new(rt: &Rt, frozen: bool) -> PResult<Value> {
    let ty = if frozen { &FROZENSET_TYPE } else { &SET_TYPE };
    new_obj(rt, SetObj { ty, used: 0, table: core::ptr::null_mut(), fill: 0, mask: MIN_SIZE - 1, finger: 0 })
}

/// A new set of `like`'s kind (set or frozenset), empty.
fn new_like(rt: &Rt, like: Value) -> PResult<Value> {
    new(rt, kind(like) == Kind::FrozenSet)
}

pub fn len(v: Value) -> usize {
    // SAFETY: a live set (the caller checked the kind).
    unsafe { (*obj(v)).used }
}

/// (used, fill, mask, table) of a live set.
fn parts(v: Value) -> (usize, usize, usize, *mut usize) {
    // SAFETY: a live set.
    unsafe {
        let o = &*obj(v);
        (o.used, o.fill, o.mask, o.table)
    }
}

fn set_counts(v: Value, used: usize, fill: usize) {
    // SAFETY: a live set; plain count words.
    unsafe {
        (*obj(v)).used = used;
        (*obj(v)).fill = fill;
    }
}

/// The number of slots (what `item_at` ranges over).
pub fn slots(v: Value) -> usize {
    let (_, _, mask, t) = parts(v);
    if t.is_null() {
        0
    } else {
        mask + 1
    }
}

/// Hash words per slot: the 64-bit hash in tagged chunks (so every word
/// reads as a small int), 32 bits each on x64, 22 on x86.
const HW: usize = if W == 8 { 2 } else { 3 };
const SW: usize = HW + 1;
const CHUNK: u32 = if W == 8 { 32 } else { 22 };

/// Slot `i`: (its first hash word: 0 only when the slot was never used, key word).
fn slot(t: *mut usize, i: usize) -> (usize, usize) {
    // SAFETY: i < slot count of the live table `t` (callers stay in range).
    unsafe { (*t.add(2 + SW * i), *t.add(2 + SW * i + HW)) }
}

/// The full hash stored in slot `i`.
fn slot_hash(t: *mut usize, i: usize) -> u64 {
    let mut h: u64 = 0;
    for c in 0..HW {
        // SAFETY: as in `slot`.
        let w = unsafe { *t.add(2 + SW * i + c) } as u64 >> 1;
        h |= w << (CHUNK * c as u32);
    }
    h
}

/// Writes slot `i`: `None` empties it, else the hash in tagged chunks and the key (0 for a dummy).
fn put_slot(t: *mut usize, i: usize, h: Option<u64>, k: usize) {
    for c in 0..HW {
        let w = match h {
            None => 0,
            Some(h) => ((((h >> (CHUNK * c as u32)) & ((1u64 << CHUNK) - 1)) as usize) << 1) | 1,
        };
        // SAFETY: as in `slot`; the word is 0 or a tagged chunk.
        unsafe { *t.add(2 + SW * i + c) = w };
    }
    // SAFETY: as in `slot`; a Value or 0.
    unsafe { *t.add(2 + SW * i + HW) = k };
}

/// The key in slot `i`, if the slot is live.
pub fn item_at(v: Value, i: usize) -> Option<Value> {
    let (_, _, _, t) = parts(v);
    if t.is_null() || i >= slots(v) {
        return None;
    }
    let (_, k) = slot(t, i);
    if k == 0 {
        None
    } else {
        Some(Value::from_bits(k))
    }
}

fn hash_of(rt: &mut Rt, key: Value) -> PResult<u64> {
    Ok(ops::hash64(rt, key)? as u64)
}

fn alloc_table(rt: &Rt, n: usize) -> PResult<*mut usize> {
    let p = alloc(rt, (2 + SW * n) * W)?;
    // SAFETY: a fresh zeroed block of the table's size.
    unsafe {
        *p = &SETTABLE_TYPE as *const TypeDesc as usize;
        *p.add(1) = n;
    }
    Ok(p)
}

/// The table, made (8 slots) if the set has none yet.
fn table_or_new(rt: &Rt, v: Value) -> PResult<*mut usize> {
    let (_, _, _, t) = parts(v);
    if !t.is_null() {
        return Ok(t);
    }
    let t = alloc_table(rt, MIN_SIZE)?;
    // SAFETY: installing the fresh table in the live set.
    unsafe {
        (*obj(v)).table = t;
        (*obj(v)).mask = MIN_SIZE - 1;
    }
    Ok(t)
}

/// Puts (h, key) in the first empty slot of its probe sequence (no
/// comparisons: the key is known to be absent and there are no dummies).
fn insert_clean(t: *mut usize, mask: usize, h: u64, key: usize) {
    let mut perturb = h;
    let mut i = (h as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + probes {
            if slot(t, j).1 == 0 && slot(t, j).0 == 0 {
                put_slot(t, j, Some(h), key);
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

/// Rebuilds the table with room for `minused` entries (CPython's sizing).
fn resize(rt: &Rt, v: Value, minused: usize) -> PResult<()> {
    let mut n = MIN_SIZE;
    while n <= minused {
        n <<= 1;
    }
    let nt = alloc_table(rt, n)?;
    let (used, _, mask, t) = parts(v);
    if !t.is_null() {
        for i in 0..=mask {
            let (_, k) = slot(t, i);
            if k != 0 {
                insert_clean(nt, n - 1, slot_hash(t, i), k);
            }
        }
    }
    // SAFETY: installing the new table; the old one becomes garbage.
    unsafe {
        (*obj(v)).table = nt;
        (*obj(v)).mask = n - 1;
    }
    set_counts(v, used, used);
    Ok(())
}

/// Keys compare equal (identity first; may run `__eq__`).
fn same_key(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    if a == b {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    ops::eq(rt, a, b)
}

enum Probe {
    /// The key is in this slot.
    Found(usize),
    /// Absent: the slot to fill, and whether it is a dummy (reused).
    Absent(usize, bool),
    /// The table changed while comparing: probe again.
    Restart,
}

fn probe(rt: &mut Rt, v: Value, key: Value, h: u64) -> PResult<Probe> {
    let (_, _, mask, t) = parts(v);
    let mut perturb = h;
    let mut i = (h as usize) & mask;
    let mut freeslot = None;
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + probes {
            let (eh, ek) = slot(t, j);
            if ek == 0 {
                if eh == 0 {
                    return Ok(match freeslot {
                        Some(f) => Probe::Absent(f, true),
                        None => Probe::Absent(j, false),
                    });
                }
                // A dummy: CPython reuses the last one seen on the way.
                freeslot = Some(j);
                continue;
            }
            if slot_hash(t, j) == h {
                let k = Value::from_bits(ek);
                if k == key {
                    return Ok(Probe::Found(j));
                }
                let eq = same_key(rt, k, key)?;
                if parts(v).3 != t || slot(t, j).1 != ek {
                    return Ok(Probe::Restart);
                }
                if eq {
                    return Ok(Probe::Found(j));
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

/// Adds `key` (hash `h`) unless present.
fn add_entry(rt: &mut Rt, v: Value, key: Value, h: u64) -> PResult<()> {
    table_or_new(rt, v)?;
    loop {
        match probe(rt, v, key, h)? {
            Probe::Found(_) => return Ok(()),
            Probe::Restart => continue,
            Probe::Absent(j, dummy) => {
                let (used, fill, mask, t) = parts(v);
                put_slot(t, j, Some(h), key.bits());
                if dummy {
                    set_counts(v, used + 1, fill);
                    return Ok(());
                }
                set_counts(v, used + 1, fill + 1);
                if (fill + 1) * 5 < mask * 3 {
                    return Ok(());
                }
                let n = used + 1;
                return resize(rt, v, if n > 50000 { n * 2 } else { n * 4 });
            }
        }
    }
}

/// Removes `key` (hash `h`); false if it was absent.
fn discard_entry(rt: &mut Rt, v: Value, key: Value, h: u64) -> PResult<bool> {
    if parts(v).3.is_null() {
        return Ok(false);
    }
    loop {
        match probe(rt, v, key, h)? {
            Probe::Found(j) => {
                let (used, fill, _, t) = parts(v);
                put_slot(t, j, Some(u64::MAX), 0);
                set_counts(v, used - 1, fill);
                return Ok(true);
            }
            Probe::Absent(..) => return Ok(false),
            Probe::Restart => continue,
        }
    }
}

pub fn add(rt: &mut Rt, s: Value, x: Value) -> PResult<()> {
    let h = hash_of(rt, x)?;
    add_entry(rt, s, x, h)
}

pub fn contains(rt: &mut Rt, s: Value, x: Value) -> PResult<bool> {
    let h = hash_of(rt, x)?;
    if parts(s).3.is_null() {
        return Ok(false);
    }
    loop {
        match probe(rt, s, x, h)? {
            Probe::Found(_) => return Ok(true),
            Probe::Absent(..) => return Ok(false),
            Probe::Restart => continue,
        }
    }
}

/// Removes `x`; false if it was absent.
pub fn discard(rt: &mut Rt, s: Value, x: Value) -> PResult<bool> {
    let h = hash_of(rt, x)?;
    discard_entry(rt, s, x, h)
}

pub fn clear(v: Value) {
    // SAFETY: a live set; dropping the table makes it garbage.
    unsafe {
        (*obj(v)).table = core::ptr::null_mut();
        (*obj(v)).mask = MIN_SIZE - 1;
    }
    set_counts(v, 0, 0);
}

/// CPython's `set_merge`: every entry of the set `other` into `so`.
fn merge(rt: &mut Rt, so: Value, other: Value) -> PResult<()> {
    let (oused, ofill, omask, ot) = parts(other);
    if so == other || oused == 0 || ot.is_null() {
        return Ok(());
    }
    let (used, fill, mask, _) = parts(so);
    if (fill + oused) * 5 >= mask * 3 {
        resize(rt, so, (used + oused) * 2)?;
    }
    let t = table_or_new(rt, so)?;
    let (_, fill, mask, _) = parts(so);
    let ot = parts(other).3;
    if fill == 0 && mask == omask && ofill == oused {
        for i in 0..=mask {
            let (_, k) = slot(ot, i);
            put_slot(t, i, if k == 0 { None } else { Some(slot_hash(ot, i)) }, k);
        }
        set_counts(so, oused, oused);
        return Ok(());
    }
    if fill == 0 {
        let mut n = 0;
        for i in 0..=omask {
            let (_, k) = slot(ot, i);
            if k != 0 {
                insert_clean(t, mask, slot_hash(ot, i), k);
                n += 1;
            }
        }
        set_counts(so, n, n);
        return Ok(());
    }
    let mut i = 0;
    while i < slots(other) {
        let ot = parts(other).3;
        let (_, k) = slot(ot, i);
        if k != 0 {
            add_entry(rt, so, Value::from_bits(k), slot_hash(ot, i))?;
        }
        i += 1;
    }
    Ok(())
}

/// CPython's `set_update_internal`: a set merges, a dict's keys are added
/// after one up-front resize, anything else is iterated.
pub fn update(rt: &mut Rt, s: Value, src: Value) -> PResult<()> {
    if is_set(src) {
        return merge(rt, s, src);
    }
    if kind(src) == Kind::Dict {
        let n = dict::len(src);
        let (used, fill, mask, _) = parts(s);
        if (fill + n) * 5 >= mask * 3 {
            resize(rt, s, (used + n) * 2)?;
        }
    }
    let it = ops::get_iter(rt, src)?;
    while let Some(x) = ops::next(rt, it)? {
        add(rt, s, x)?;
    }
    Ok(())
}

/// A set of `like`'s kind holding `src`'s items.
fn same_kind(rt: &mut Rt, like: Value, src: Value) -> PResult<Value> {
    let s = new_like(rt, like)?;
    update(rt, s, src)?;
    Ok(s)
}

/// The live entries of `s`, slot by slot: (key, hash), over a snapshot of
/// the count (the caller's loop re-reads the table each step).
fn next_live(s: Value, i: &mut usize) -> Option<(Value, u64)> {
    while *i < slots(s) {
        let (_, k) = slot(parts(s).3, *i);
        *i += 1;
        if k != 0 {
            return Some((Value::from_bits(k), slot_hash(parts(s).3, *i - 1)));
        }
    }
    None
}

pub fn union(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let s = same_kind(rt, a, a)?;
    if a != b {
        update(rt, s, b)?;
    }
    Ok(s)
}

pub fn intersection(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    if a == b {
        return same_kind(rt, a, a);
    }
    let result = new_like(rt, a)?;
    if is_set(b) {
        let (big, small) = if len(b) > len(a) { (b, a) } else { (a, b) };
        let mut i = 0;
        while let Some((k, h)) = next_live(small, &mut i) {
            if contains(rt, big, k)? {
                add_entry(rt, result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = ops::get_iter(rt, b)?;
    while let Some(x) = ops::next(rt, it)? {
        if contains(rt, a, x)? {
            add(rt, result, x)?;
        }
    }
    Ok(result)
}

pub fn difference(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let other_size = if is_set(b) {
        len(b)
    } else if kind(b) == Kind::Dict {
        dict::len(b)
    } else {
        usize::MAX
    };
    if other_size == usize::MAX || (len(a) >> 2) > other_size {
        // Copy, then take the other's items out.
        let result = same_kind(rt, a, a)?;
        let it = ops::get_iter(rt, b)?;
        while let Some(x) = ops::next(rt, it)? {
            discard(rt, result, x)?;
        }
        return Ok(result);
    }
    let result = new_like(rt, a)?;
    let mut i = 0;
    while let Some((k, h)) = next_live(a, &mut i) {
        if !ops::contains(rt, b, k)? {
            add_entry(rt, result, k, h)?;
        }
    }
    Ok(result)
}

/// `s ^= other` (CPython's `set_symmetric_difference_update`).
pub fn symdiff_update(rt: &mut Rt, s: Value, other: Value) -> PResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    let o = if is_set(other) { other } else { same_kind(rt, s, other)? };
    let mut i = 0;
    while let Some((k, h)) = next_live(o, &mut i) {
        if !discard_entry(rt, s, k, h)? {
            add_entry(rt, s, k, h)?;
        }
    }
    Ok(())
}

pub fn symdiff(rt: &mut Rt, a: Value, b: Value) -> PResult<Value> {
    let result = new_like(rt, a)?;
    update(rt, result, b)?;
    symdiff_update(rt, result, a)?;
    Ok(result)
}

/// `s -= other` (CPython's `set_difference_update_internal`).
pub fn difference_update(rt: &mut Rt, s: Value, other: Value) -> PResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    if is_set(other) {
        // A much larger other set: only the common part matters.
        let o = if (len(other) >> 3) > len(s) { intersection(rt, s, other)? } else { other };
        let mut i = 0;
        while let Some((k, h)) = next_live(o, &mut i) {
            discard_entry(rt, s, k, h)?;
        }
    } else {
        let it = ops::get_iter(rt, other)?;
        while let Some(x) = ops::next(rt, it)? {
            discard(rt, s, x)?;
        }
    }
    // More than a quarter dummies: resize them away.
    let (used, fill, mask, _) = parts(s);
    if fill - used <= mask / 4 {
        return Ok(());
    }
    resize(rt, s, if used > 50000 { used * 2 } else { used * 4 })
}

/// `s &= other`: the intersection's table becomes `s`'s.
pub fn intersection_update(rt: &mut Rt, s: Value, other: Value) -> PResult<()> {
    let r = intersection(rt, s, other)?;
    let (used, fill, mask, t) = parts(r);
    // SAFETY: both live sets; `s` takes over `r`'s table (r is dropped).
    unsafe {
        (*obj(s)).table = t;
        (*obj(s)).mask = mask;
    }
    set_counts(s, used, fill);
    Ok(())
}

pub fn is_subset(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    let b = if is_set(b) { b } else { same_kind(rt, a, b)? };
    if len(a) > len(b) {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((k, _)) = next_live(a, &mut i) {
        if !contains(rt, b, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's frozenset hash: order-independent, from the entries' hashes.
pub fn hash64(v: Value) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    // CPython xors every slot (empty and dummy ones too) and then cancels
    // those out again: the live entries are what remains.
    let (used, _, mask, t) = parts(v);
    let mut h: u64 = 0;
    if !t.is_null() {
        for i in 0..=mask {
            let (_, ek) = slot(t, i);
            if ek != 0 {
                h ^= shuffle(slot_hash(t, i));
            }
        }
    }
    h ^= (used as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    let r = h as i64;
    if r == -1 {
        590923713
    } else {
        r
    }
}

/// `set.pop()`: from the finger on, as CPython.
fn pop(rt: &Rt, s: Value) -> PResult<Value> {
    let (used, fill, mask, t) = parts(s);
    if used == 0 || t.is_null() {
        return Err(rt.key_error_msg(format_args!("pop from an empty set")));
    }
    // SAFETY: a live set; the finger is a plain count word.
    let mut i = unsafe { (*obj(s)).finger } & mask;
    while slot(t, i).1 == 0 {
        i = (i + 1) & mask;
    }
    let k = Value::from_bits(slot(t, i).1);
    put_slot(t, i, Some(u64::MAX), 0);
    set_counts(s, used - 1, fill);
    // SAFETY: as above.
    unsafe { (*obj(s)).finger = i + 1 };
    Ok(k)
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
    discard(rt, a[0], a[1])?;
    Ok(Value::NONE)
}
fn m_remove(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if discard(rt, a[0], a[1])? {
        Ok(Value::NONE)
    } else {
        Err(rt.key_error(a[1]))
    }
}
fn m_pop(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    pop(rt, a[0])
}
fn m_clear(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    clear(a[0]);
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
    let s = same_kind(rt, a[0], a[0])?;
    for &x in &a[1..] {
        if x != a[0] {
            update(rt, s, x)?;
        }
    }
    Ok(s)
}
fn m_intersection(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() == 1 {
        return same_kind(rt, a[0], a[0]);
    }
    let mut s = a[0];
    for &x in &a[1..] {
        s = intersection(rt, s, x)?;
    }
    Ok(s)
}
fn m_difference(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() == 1 {
        return same_kind(rt, a[0], a[0]);
    }
    let s = difference(rt, a[0], a[1])?;
    for &x in &a[2..] {
        difference_update(rt, s, x)?;
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
    let b = if is_set(a[1]) { a[1] } else { same_kind(rt, a[0], a[1])? };
    Ok(bool_v(is_subset(rt, b, a[0])?))
}
fn m_isdisjoint(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let i = intersection(rt, a[0], a[1])?;
    Ok(bool_v(len(i) == 0))
}
fn m_intersection_update(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    for &x in &a[1..] {
        intersection_update(rt, a[0], x)?;
    }
    Ok(Value::NONE)
}
fn m_difference_update(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    for &x in &a[1..] {
        difference_update(rt, a[0], x)?;
    }
    Ok(Value::NONE)
}
fn m_symdiff_update(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!(
            "set.symmetric_difference_update() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    symdiff_update(rt, a[0], a[1])?;
    Ok(Value::NONE)
}
