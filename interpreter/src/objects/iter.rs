//! Built-in iterators and dict views, one layout for all.
//!
//! Layout:
//!   word 0  &ITER_TYPE
//!   1       sub: which iterator (a small-int Value, see `Sub`)
//!   2       seq: what is iterated (list, tuple, str, range, dict, iterator...)
//!   3       pos: position or count (a small-int Value)
//!   4       extra: a function (map, filter) or NONE
//!
//! Invariant: every word from 1 on is a Value.

use crate::obj::TypeDesc;
use crate::objects::class::ITER_CLASS;
use crate::objects::{bytes, dict, kind, list, new_obj, range, raw, str as pstr, tuple, Kind};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(ITER_TYPE, ITER_INFO, "iterator", b'i', &[], Some(1), Iter, ITER_CLASS);

#[repr(C)]
struct IterObj {
    ty: &'static TypeDesc,
    sub: Value,
    seq: Value,
    pos: Value,
    extra: Value,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(isize)]
pub enum Sub {
    Seq = 0,
    Str = 1,
    Range = 2,
    DictKeys = 3,
    DictValues = 4,
    DictItems = 5,
    Set = 6,
    Bytes = 7,
    Enumerate = 8,
    Zip = 9,
    Map = 10,
    Filter = 11,
    Reversed = 12,
    ViewKeys = 13,
    ViewValues = 14,
    ViewItems = 15,
    /// `iter(callable, sentinel)`: seq is the callable, extra the sentinel,
    /// pos 1 once the sentinel was seen.
    Callable = 16,
}

const SUBS: [Sub; 17] = [
    Sub::Seq,
    Sub::Str,
    Sub::Range,
    Sub::DictKeys,
    Sub::DictValues,
    Sub::DictItems,
    Sub::Set,
    Sub::Bytes,
    Sub::Enumerate,
    Sub::Zip,
    Sub::Map,
    Sub::Filter,
    Sub::Reversed,
    Sub::ViewKeys,
    Sub::ViewValues,
    Sub::ViewItems,
    Sub::Callable,
];

fn int(i: isize) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

pub fn new(rt: &Rt, sub: Sub, seq: Value, pos: isize, extra: Value) -> PResult<Value> {
    new_obj(rt, IterObj { ty: &ITER_TYPE, sub: int(sub as isize), seq, pos: int(pos), extra })
}

fn o(v: Value) -> *mut IterObj {
    raw::<IterObj>(v)
}

pub fn sub(v: Value) -> Sub {
    // SAFETY: a live iterator object (kind checked by the caller).
    SUBS[unsafe { (*o(v)).sub }.as_small_int().unwrap_or(0) as usize]
}

/// (seq, pos, extra).
pub fn parts(v: Value) -> (Value, isize, Value) {
    // SAFETY: as above.
    let it = unsafe { &*o(v) };
    (it.seq, it.pos.as_small_int().unwrap_or(0), it.extra)
}

fn set_pos(v: Value, p: isize) {
    // SAFETY: as above; pos is a Value slot.
    unsafe { (*o(v)).pos = int(p) };
}

pub fn is_view(v: Value) -> bool {
    kind(v) == Kind::Iter && matches!(sub(v), Sub::ViewKeys | Sub::ViewValues | Sub::ViewItems)
}

/// `d.keys()` (0), `d.values()` (1), `d.items()` (2).
pub fn dict_view(rt: &Rt, d: Value, which: u8) -> PResult<Value> {
    let s = match which {
        0 => Sub::ViewKeys,
        1 => Sub::ViewValues,
        _ => Sub::ViewItems,
    };
    new(rt, s, d, 0, Value::NONE)
}

/// An iterator over a view.
pub fn view_iter(rt: &Rt, v: Value) -> PResult<Value> {
    let (d, _, _) = parts(v);
    let s = match sub(v) {
        Sub::ViewKeys => Sub::DictKeys,
        Sub::ViewValues => Sub::DictValues,
        _ => Sub::DictItems,
    };
    new(rt, s, d, 0, int(dict::len(d) as isize))
}

/// An iterator over a dict's keys that notices the dict changing size.
pub fn dict_iter(rt: &Rt, d: Value) -> PResult<Value> {
    new(rt, Sub::DictKeys, d, 0, int(dict::len(d) as isize))
}

/// An iterator over a set that notices the set changing size.
pub fn set_iter(rt: &Rt, st: Value) -> PResult<Value> {
    new(rt, Sub::Set, st, 0, int(crate::objects::set::len(st) as isize))
}

/// The next item of a built-in iterator, or None when exhausted.
pub fn next(rt: &mut Rt, it: Value) -> PResult<Option<Value>> {
    let (seq, pos, extra) = parts(it);
    match sub(it) {
        Sub::Seq => {
            let (n, x) = if list::is_list(seq) {
                let n = list::len(seq);
                (n, if (pos as usize) < n { Some(list::items(seq)[pos as usize]) } else { None })
            } else if kind(seq) == Kind::Array {
                let n = crate::objects::array::len(seq);
                (n, if (pos as usize) < n { Some(crate::objects::array::item(rt, seq, pos as usize)?) } else { None })
            } else {
                let n = tuple::len(seq);
                (n, if (pos as usize) < n { Some(tuple::items(seq)[pos as usize]) } else { None })
            };
            let _ = n;
            if x.is_some() {
                set_pos(it, pos + 1);
            }
            Ok(x)
        }
        Sub::Reversed => {
            if pos <= 0 {
                return Ok(None);
            }
            let i = (pos - 1) as usize;
            let x = if list::is_list(seq) {
                if i >= list::len(seq) {
                    return Ok(None);
                }
                list::items(seq)[i]
            } else if tuple::is_tuple(seq) {
                tuple::items(seq)[i]
            } else if kind(seq) == Kind::Range {
                crate::objects::int::from_i64(rt, range::item(seq, i as i64))?
            } else {
                pstr::char_at(rt, seq, i)?
            };
            set_pos(it, pos - 1);
            Ok(Some(x))
        }
        Sub::Str => {
            let s = pstr::bytes_of(rt, seq).unwrap_or(b"");
            let p = pos as usize;
            if p >= s.len() {
                return Ok(None);
            }
            let mut e = p + 1;
            while e < s.len() && s[e] & 0xc0 == 0x80 {
                e += 1;
            }
            let mut buf = [0u8; 4];
            buf[..e - p].copy_from_slice(&s[p..e]);
            set_pos(it, e as isize);
            Ok(Some(pstr::new(rt, &buf[..e - p])?))
        }
        Sub::Bytes => {
            let d = match bytes::data(seq) {
                Some(d) => d,
                None => crate::objects::bytearray::data(seq),
            };
            if pos as usize >= d.len() {
                return Ok(None);
            }
            set_pos(it, pos + 1);
            Ok(Some(int(d[pos as usize] as isize)))
        }
        Sub::Range => {
            if pos as i64 >= range::len(seq) {
                return Ok(None);
            }
            set_pos(it, pos + 1);
            Ok(Some(crate::objects::int::from_i64(rt, range::item(seq, pos as i64))?))
        }
        Sub::Set => {
            if extra.as_small_int().is_some_and(|n| n as usize != crate::objects::set::len(seq)) {
                return Err(rt.runtime_error(format_args!("Set changed size during iteration")));
            }
            let mut p = pos as usize;
            while p < crate::objects::set::slots(seq) {
                if let Some(k) = crate::objects::set::item_at(seq, p) {
                    set_pos(it, p as isize + 1);
                    return Ok(Some(k));
                }
                p += 1;
            }
            set_pos(it, p as isize);
            Ok(None)
        }
        Sub::DictKeys | Sub::DictValues | Sub::DictItems => {
            if extra.as_small_int().is_some_and(|n| n as usize != dict::len(seq)) {
                return Err(rt.runtime_error(format_args!("dictionary changed size during iteration")));
            }
            let mut p = pos as usize;
            let which = sub(it);
            while p < dict::fill(seq) {
                if let Some((k, v)) = dict::entry_at(seq, p) {
                    set_pos(it, p as isize + 1);
                    return Ok(Some(match which {
                        Sub::DictKeys => k,
                        Sub::DictValues => v,
                        _ => tuple::new(rt, &[k, v])?,
                    }));
                }
                p += 1;
            }
            set_pos(it, p as isize);
            Ok(None)
        }
        Sub::Enumerate => match ops::next(rt, seq)? {
            Some(x) => {
                set_pos(it, pos + 1);
                let i = int(pos);
                Ok(Some(tuple::new(rt, &[i, x])?))
            }
            None => Ok(None),
        },
        Sub::Zip => {
            let n = tuple::len(seq);
            if n == 0 {
                return Ok(None);
            }
            let t = tuple::new_uninit(rt, n)?;
            for i in 0..n {
                match ops::next(rt, tuple::items(seq)[i])? {
                    Some(x) => tuple::set(t, i, x),
                    None if extra == Value::TRUE => return zip_strict_end(rt, seq, i),
                    None => return Ok(None),
                }
            }
            Ok(Some(t))
        }
        Sub::Map => {
            let n = tuple::len(seq);
            let args = tuple::new_uninit(rt, n)?;
            for i in 0..n {
                match ops::next(rt, tuple::items(seq)[i])? {
                    Some(x) => tuple::set(args, i, x),
                    None => return Ok(None),
                }
            }
            Ok(Some(ops::call(rt, extra, tuple::items(args), &[])?))
        }
        Sub::Filter => loop {
            match ops::next(rt, seq)? {
                Some(x) => {
                    let keep = if extra == Value::NONE {
                        ops::truthy(rt, x)?
                    } else {
                        let r = ops::call(rt, extra, &[x], &[])?;
                        ops::truthy(rt, r)?
                    };
                    if keep {
                        return Ok(Some(x));
                    }
                }
                None => return Ok(None),
            }
        },
        Sub::ViewKeys | Sub::ViewValues | Sub::ViewItems => Ok(None),
        Sub::Callable => {
            if pos != 0 {
                return Ok(None);
            }
            let v = ops::call(rt, seq, &[], &[])?;
            if ops::eq(rt, v, extra)? {
                set_pos(it, 1);
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

/// `zip(..., strict=True)` found iterator `i` exhausted: fine if it is the
/// first and all the others are exhausted too, else CPython's ValueError.
fn zip_strict_end(rt: &mut Rt, its: Value, i: usize) -> PResult<Option<Value>> {
    if i > 0 {
        return Err(if i == 1 {
            rt.value_error(format_args!("zip() argument 2 is shorter than argument 1"))
        } else {
            rt.value_error(format_args!("zip() argument {} is shorter than arguments 1-{}", i + 1, i))
        });
    }
    for j in 1..tuple::len(its) {
        if ops::next(rt, tuple::items(its)[j])?.is_some() {
            return Err(if j == 1 {
                rt.value_error(format_args!("zip() argument 2 is longer than argument 1"))
            } else {
                rt.value_error(format_args!("zip() argument {} is longer than arguments 1-{}", j + 1, j))
            });
        }
    }
    Ok(None)
}
