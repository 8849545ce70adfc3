//! `collections.OrderedDict`: a dict (same layout and `Kind::Dict`, so every
//! dict operation applies) with its own class, whose extra methods are
//! `move_to_end` and `popitem(last=)`, and whose equality with another
//! OrderedDict is order-sensitive (`vm::ops::eq` asks `is_ordered`).
//!
//! Layout: that of `dict` (`objects/dict.rs`), with `&ORDEREDDICT_TYPE` as
//! the descriptor word.
//!
//! Invariant: nothing here keeps state outside the dict's own table, so the
//! verifier checks an OrderedDict exactly as a dict.

use crate::objects::class::{ClassObj, DICT_CLASS, TYPE_TYPE};
use crate::objects::{dict, list, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, repr, PResult, Rt};

crate::rt_type!(ORDEREDDICT_TYPE, ORDEREDDICT_INFO, "OrderedDict", b'D', &[2], None, Dict, ORDEREDDICT_CLASS);

crate::methods! { METHODS:
    NEW = "__new__", m_new, Static;
    REPR = "__repr__", m_repr, Method;
    MOVE_TO_END = "move_to_end", m_move_to_end, Method;
    POPITEM = "popitem", m_popitem, Method;
    COPY = "copy", m_copy, Method;
    FROMKEYS = "fromkeys", m_fromkeys, ClassMethod;
}

pub static ORDEREDDICT_CLASS: ClassObj = ClassObj {
    ty: &TYPE_TYPE,
    name: Value::NONE,
    dict: Value::NONE,
    mro: Value::NONE,
    bases: Value::NONE,
    base: Some(&DICT_CLASS),
    sname: "collections.OrderedDict",
    methods: METHODS,
    meta: Value::NONE,
};

/// Is `v` an OrderedDict?
pub fn is_ordered(v: Value) -> bool {
    crate::objects::kind(v) == Kind::Dict
        && crate::objects::desc(v).is_some_and(|d| core::ptr::eq(d, &ORDEREDDICT_TYPE))
}

/// The live entries of `d`, in order, as a new list of (key, value) tuples.
pub fn items_list(rt: &mut Rt, d: Value) -> PResult<Value> {
    let l = list::new(rt, 0)?;
    let mut i = 0;
    while i < dict::fill(d) {
        if let Some((k, v)) = dict::entry_at(d, i) {
            let t = tuple::new(rt, &[k, v])?;
            list::append(rt, l, t)?;
        }
        i += 1;
    }
    Ok(l)
}

/// Order-sensitive equality of two OrderedDicts.
pub fn eq(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    let la = items_list(rt, a)?;
    let lb = items_list(rt, b)?;
    ops::eq(rt, la, lb)
}

/// Fills a new dict flavour from its constructor arguments: at most one
/// positional source, then keywords. `ordered` follows OrderedDict's own
/// update (pairs unpacked as by `k, v = item`), else dict's.
pub fn fill_from(rt: &mut Rt, d: Value, ordered: bool, a: &[Value], k: &[Value]) -> PResult<()> {
    if a.len() > 1 {
        let n = a.len();
        let (pre, s) = if ordered { ("", "s") } else { ("dict ", "") };
        return Err(rt.type_error(format_args!("{pre}expected at most 1 argument{s}, got {n}")));
    }
    if let Some(&src) = a.first() {
        if ordered && !dict::is_dict(src) {
            let it = ops::get_iter(rt, src)?;
            while let Some(item) = ops::next(rt, it)? {
                let pair = ops::to_list(rt, item)?;
                match list::len(pair) {
                    2 => {}
                    0 | 1 => {
                        let n = list::len(pair);
                        return Err(rt.value_error(format_args!("need more than {n} value to unpack")));
                    }
                    _ => return Err(rt.value_error(format_args!("too many values to unpack (expected 2)"))),
                }
                let (key, v) = (list::items(pair)[0], list::items(pair)[1]);
                dict::set(rt, d, key, v)?;
            }
        } else {
            dict::update(rt, d, src)?;
        }
    }
    for pair in k.chunks(2) {
        dict::set(rt, d, pair[0], pair[1])?;
    }
    Ok(())
}

fn m_new(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let d = dict::new_with(rt, &ORDEREDDICT_TYPE)?;
    fill_from(rt, d, true, &a[1..], k)?;
    Ok(d)
}

fn m_repr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = a[0];
    if dict::len(d) == 0 {
        return crate::objects::str::from_str(rt, "OrderedDict()");
    }
    let l = items_list(rt, d)?;
    let r = repr::repr(rt, l)?;
    wrap_repr(rt, "OrderedDict(", r, ")")
}

/// Reads the `last=` flag from a positional slot `pos` or the keywords.
fn last_flag(rt: &mut Rt, a: &[Value], pos: usize, k: &[Value], fname: &str) -> PResult<bool> {
    let mut v = a.get(pos).copied();
    for pair in k.chunks(2) {
        if crate::objects::str::text(rt, pair[0]) == "last" {
            v = Some(pair[1]);
        } else {
            let n = crate::objects::str::text(rt, pair[0]);
            return Err(rt.type_error(format_args!("{fname}() got an unexpected keyword argument '{n}'")));
        }
    }
    match v {
        Some(x) => ops::truthy(rt, x),
        None => Ok(true),
    }
}

fn m_move_to_end(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("move_to_end() missing required argument 'key' (pos 1)")));
    }
    if a.len() > 3 {
        return Err(rt.type_error(format_args!("move_to_end() takes at most 2 arguments ({} given)", a.len() - 1)));
    }
    let last = last_flag(rt, a, 2, k, "move_to_end")?;
    let (d, key) = (a[0], a[1]);
    let Some(v) = dict::remove(rt, d, key)? else { return Err(rt.key_error(key)) };
    if last {
        dict::set(rt, d, key, v)?;
        return Ok(Value::NONE);
    }
    // To the front: rebuild the table with this entry first.
    let rest = items_list(rt, d)?;
    dict::clear(d);
    dict::set(rt, d, key, v)?;
    for i in 0..list::len(rest) {
        let t = list::items(rest)[i];
        let (k2, v2) = (tuple::items(t)[0], tuple::items(t)[1]);
        dict::set(rt, d, k2, v2)?;
    }
    Ok(Value::NONE)
}

fn m_popitem(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() > 2 {
        return Err(rt.type_error(format_args!("popitem() takes at most 1 argument ({} given)", a.len() - 1)));
    }
    let last = last_flag(rt, a, 1, k, "popitem")?;
    let d = a[0];
    let n = dict::fill(d);
    let mut found = None;
    for j in 0..n {
        let i = if last { n - 1 - j } else { j };
        if let Some(e) = dict::entry_at(d, i) {
            found = Some(e);
            break;
        }
    }
    match found {
        Some((key, v)) => {
            dict::remove(rt, d, key)?;
            tuple::new(rt, &[key, v])
        }
        None => Err(rt.key_error_msg(format_args!("dictionary is empty"))),
    }
}

fn m_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = dict::new_with(rt, &ORDEREDDICT_TYPE)?;
    dict::copy_into(rt, d, a[0])?;
    Ok(d)
}

/// `pre + str(mid) + post` as a new str (for the reprs of dict flavours).
pub fn wrap_repr(rt: &mut Rt, pre: &str, mid: Value, post: &str) -> PResult<Value> {
    let mut buf = upy_heap::GcVec::<u8>::new();
    buf.extend_from_slice(pre.as_bytes()).or_mem(rt)?;
    buf.extend_from_slice(crate::objects::str::bytes_of(rt, mid).unwrap_or(b"")).or_mem(rt)?;
    buf.extend_from_slice(post.as_bytes()).or_mem(rt)?;
    crate::objects::str::new(rt, &buf)
}

/// `fromkeys(iterable, value=None)` into the new dict `d`.
pub fn fromkeys_into(rt: &mut Rt, d: Value, a: &[Value]) -> PResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(rt.type_error(format_args!("fromkeys expected at least 1 argument, got {}", a.len().max(1) - 1)));
    }
    let v = a.get(2).copied().unwrap_or(Value::NONE);
    let it = ops::get_iter(rt, a[1])?;
    while let Some(k) = ops::next(rt, it)? {
        dict::set(rt, d, k, v)?;
    }
    Ok(d)
}

fn m_fromkeys(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = dict::new_with(rt, &ORDEREDDICT_TYPE)?;
    fromkeys_into(rt, d, a)
}
