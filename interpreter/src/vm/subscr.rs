//! Subscripts: `o[i]`, `o[i] = v`, `del o[i]` for the built-in sequences
//! and mappings (indices and slices) and user classes' `__getitem__`,
//! `__setitem__`, `__delitem__`.

use crate::objects::class;
use crate::objects::{bytearray, bytes, dict, int, kind, list, range, slice, str as pstr, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::ops::{call_special, to_list, type_name};
use crate::vm::{PResult, Rt};
use upy_heap::GcVec;

fn si(i: isize) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

fn is_intlike(v: Value) -> bool {
    int::is_int(v)
}

fn as_int(v: Value) -> Value {
    if v == Value::TRUE {
        si(1)
    } else if v == Value::FALSE {
        si(0)
    } else {
        v
    }
}

fn norm_index(rt: &mut Rt, i: Value, len: usize, what: &str) -> PResult<usize> {
    // An int subclass, or an object with __index__, indexes as its int.
    let i = match crate::objects::instance::native(i) {
        Some(n) if is_intlike(n) => n,
        _ if kind(i) == Kind::Instance => match call_special(rt, i, "__index__", &[])? {
            Some(r) if is_intlike(r) => r,
            _ => i,
        },
        _ => i,
    };
    if !is_intlike(i) && what == "string" {
        let tn = type_name(rt, i);
        return Err(rt.type_error(format_args!("string indices must be integers, not '{tn}'")));
    }
    if !is_intlike(i) {
        let tn = type_name(rt, i);
        return Err(rt.type_error(format_args!("{what} indices must be integers or slices, not {tn}")));
    }
    let n = len as isize;
    let mut k = match int::to_i64(as_int(i)) {
        Some(k) => k as isize,
        None => isize::MAX,
    };
    if k < 0 {
        k += n;
    }
    if k < 0 || k >= n {
        return Err(rt.index_error(format_args!("{what} index out of range")));
    }
    Ok(k as usize)
}

pub fn getitem(rt: &mut Rt, o: Value, i: Value) -> PResult<Value> {
    let is_slice = kind(i) == Kind::Slice;
    match kind(o) {
        Kind::List => {
            if is_slice {
                let (a, _, st) = slice::indices(rt, i, list::len(o) as isize)?;
                let (_, stop, _) = slice::indices(rt, i, list::len(o) as isize)?;
                let n = slice::count(a, stop, st);
                let l = list::new(rt, n)?;
                let mut k = a;
                for _ in 0..n {
                    list::append(rt, l, list::items(o)[k as usize])?;
                    k += st;
                }
                return Ok(l);
            }
            let k = norm_index(rt, i, list::len(o), "list")?;
            Ok(list::items(o)[k])
        }
        Kind::Tuple => {
            if is_slice {
                let (a, stop, st) = slice::indices(rt, i, tuple::len(o) as isize)?;
                let n = slice::count(a, stop, st);
                let t = tuple::new_uninit(rt, n)?;
                let mut k = a;
                for j in 0..n {
                    tuple::set(t, j, tuple::items(o)[k as usize]);
                    k += st;
                }
                return Ok(t);
            }
            let k = norm_index(rt, i, tuple::len(o), "tuple")?;
            Ok(tuple::items(o)[k])
        }
        Kind::Str => {
            let n = pstr::char_len(pstr::bytes_of(rt, o).unwrap_or(b""));
            if is_slice {
                let (a, stop, st) = slice::indices(rt, i, n as isize)?;
                return pstr::slice(rt, o, a, stop, st);
            }
            let k = norm_index(rt, i, n, "string")?;
            pstr::char_at(rt, o, k)
        }
        Kind::Bytes => {
            let d = bytes::data(o).unwrap_or(&[]);
            if is_slice {
                let (a, stop, st) = slice::indices(rt, i, d.len() as isize)?;
                let n = slice::count(a, stop, st);
                let mut out = GcVec::<u8>::with_capacity(n).or_mem(rt)?;
                let mut k = a;
                for _ in 0..n {
                    out.push(d[k as usize]).or_mem(rt)?;
                    k += st;
                }
                return bytes::new(rt, &out);
            }
            let k = norm_index(rt, i, d.len(), "index")?;
            Ok(si(d[k] as isize))
        }
        Kind::ByteArray => {
            let n = bytearray::data(o).len();
            if is_slice {
                let (a, stop, st) = slice::indices(rt, i, n as isize)?;
                let cnt = slice::count(a, stop, st);
                let mut out = GcVec::<u8>::with_capacity(cnt).or_mem(rt)?;
                let mut k = a;
                for _ in 0..cnt {
                    out.push(bytearray::data(o)[k as usize]).or_mem(rt)?;
                    k += st;
                }
                return bytearray::new(rt, &out);
            }
            let k = norm_index(rt, i, n, "bytearray")?;
            Ok(si(bytearray::data(o)[k] as isize))
        }
        Kind::Array => crate::objects::array::getitem(rt, o, i),
        Kind::Range => {
            if is_slice {
                let n = range::len(o).min(isize::MAX as i64) as isize;
                let (a, stop, st) = slice::indices(rt, i, n)?;
                let (s0, _, step) = range::parts(o);
                let (a, stop, st) = (a as i64, stop as i64, st as i64);
                return range::new(rt, s0 + a * step, s0 + stop * step, step * st);
            }
            let n = range::len(o).min(isize::MAX as i64) as usize;
            let k = norm_index(rt, i, n, "range object")?;
            int::from_i64(rt, range::item(o, k as i64))
        }
        Kind::Dict => match dict::get(rt, o, i)? {
            Some(v) => Ok(v),
            // A dict flavour (defaultdict) may fill the key itself.
            None if !dict::is_plain(o) => match call_special(rt, o, "__missing__", &[i])? {
                Some(v) => Ok(v),
                None => Err(rt.key_error(i)),
            },
            None => Err(rt.key_error(i)),
        },
        Kind::Instance => match call_special(rt, o, "__getitem__", &[i])? {
            Some(v) => Ok(v),
            None => match crate::objects::instance::native(o) {
                Some(n) if kind(n) == Kind::Dict => match dict::get(rt, n, i)? {
                    Some(v) => Ok(v),
                    None => match call_special(rt, o, "__missing__", &[i])? {
                        Some(v) => Ok(v),
                        None => Err(rt.key_error(i)),
                    },
                },
                Some(n) => getitem(rt, n, i),
                None => {
                    let tn = type_name(rt, o);
                    Err(rt.type_error(format_args!("'{tn}' object is not subscriptable")))
                }
            },
        },
        Kind::Class if class::is_subclass(o, class::OBJECT_CLASS.value()) && !class::is_heap_class(o) => {
            // `list[int]` and friends: generic aliases are not modelled; return the class.
            Ok(o)
        }
        _ => {
            let tn = type_name(rt, o);
            Err(rt.type_error(format_args!("'{tn}' object is not subscriptable")))
        }
    }
}

pub fn setitem(rt: &mut Rt, o: Value, i: Value, v: Value) -> PResult<()> {
    match kind(o) {
        Kind::List => {
            if kind(i) == Kind::Slice {
                let (a, stop, st) = slice::indices(rt, i, list::len(o) as isize)?;
                let src = to_list(rt, v)?;
                if st == 1 {
                    let stop = stop.max(a);
                    return list::splice(rt, o, a as usize, stop as usize, list::items(src));
                }
                let n = slice::count(a, stop, st);
                let m = list::len(src);
                if n != m {
                    return Err(rt.value_error(format_args!(
                        "attempt to assign sequence of size {m} to extended slice of size {n}"
                    )));
                }
                let mut k = a;
                for j in 0..n {
                    list::items(o)[k as usize] = list::items(src)[j];
                    k += st;
                }
                return Ok(());
            }
            let k = norm_index(rt, i, list::len(o), "list assignment")?;
            list::items(o)[k] = v;
            Ok(())
        }
        Kind::Dict => dict::set(rt, o, i, v),
        Kind::Array => crate::objects::array::setitem(rt, o, i, v),
        Kind::ByteArray if kind(i) != Kind::Slice => {
            let k = norm_index(rt, i, bytearray::data(o).len(), "bytearray")?;
            let b = bytearray::byte_of(rt, v)?;
            bytearray::data(o)[k] = b;
            Ok(())
        }
        Kind::Instance => match call_special(rt, o, "__setitem__", &[i, v])? {
            Some(_) => Ok(()),
            None if crate::objects::instance::native(o).is_some() => {
                let n = crate::objects::instance::native(o).unwrap_or(o);
                setitem(rt, n, i, v)
            }
            None => {
                let tn = type_name(rt, o);
                Err(rt.type_error(format_args!("'{tn}' object does not support item assignment")))
            }
        },
        _ => {
            let tn = type_name(rt, o);
            Err(rt.type_error(format_args!("'{tn}' object does not support item assignment")))
        }
    }
}

pub fn delitem(rt: &mut Rt, o: Value, i: Value) -> PResult<()> {
    match kind(o) {
        Kind::ByteArray => {
            // Keep the bytes the index or slice does not select.
            let n = bytearray::data(o).len();
            let mut keep = GcVec::<u8>::new();
            if kind(i) == Kind::Slice {
                let (a, stop, st) = slice::indices(rt, i, n as isize)?;
                let cnt = slice::count(a, stop, st);
                let mut sel: GcVec<bool> = GcVec::new();
                for _ in 0..n {
                    sel.push(false).or_mem(rt)?;
                }
                let mut k = a;
                for _ in 0..cnt {
                    sel[k as usize] = true;
                    k += st;
                }
                for (j, &c) in bytearray::data(o).iter().enumerate() {
                    if !sel[j] {
                        keep.push(c).or_mem(rt)?;
                    }
                }
            } else {
                let k = norm_index(rt, i, n, "bytearray")?;
                for (j, &c) in bytearray::data(o).iter().enumerate() {
                    if j != k {
                        keep.push(c).or_mem(rt)?;
                    }
                }
            }
            bytearray::truncate(o, 0);
            bytearray::extend_from(rt, o, &keep)
        }
        Kind::List => {
            if kind(i) == Kind::Slice {
                let (a, stop, st) = slice::indices(rt, i, list::len(o) as isize)?;
                if st == 1 {
                    let stop = stop.max(a);
                    return list::splice(rt, o, a as usize, stop as usize, &[]);
                }
                let n = slice::count(a, stop, st);
                // Delete from the highest index down so earlier indices stay valid.
                let mut idx: GcVec<usize> = GcVec::new();
                let mut k = a;
                for _ in 0..n {
                    idx.push(k as usize).or_mem(rt)?;
                    k += st;
                }
                idx.sort_unstable();
                for &x in idx.iter().rev() {
                    list::remove_at(o, x);
                }
                return Ok(());
            }
            let k = norm_index(rt, i, list::len(o), "list assignment")?;
            list::remove_at(o, k);
            Ok(())
        }
        Kind::Array => crate::objects::array::delitem(rt, o, i),
        Kind::Dict => match dict::remove(rt, o, i)? {
            Some(_) => Ok(()),
            None => Err(rt.key_error(i)),
        },
        Kind::Instance => match call_special(rt, o, "__delitem__", &[i])? {
            Some(_) => Ok(()),
            None if crate::objects::instance::native(o).is_some() => {
                let n = crate::objects::instance::native(o).unwrap_or(o);
                delitem(rt, n, i)
            }
            None => {
                let tn = type_name(rt, o);
                Err(rt.type_error(format_args!("'{tn}' object does not support item deletion")))
            }
        },
        _ => {
            let tn = type_name(rt, o);
            Err(rt.type_error(format_args!("'{tn}' object does not support item deletion")))
        }
    }
}
