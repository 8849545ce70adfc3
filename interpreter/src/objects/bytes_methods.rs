//! The `bytes`/`bytearray` methods that mirror `str`'s (split, strip, find,
//! replace, partition, justify, case and class predicates, ...), plus
//! `fromhex`, `hex(sep, bytes_per_sep)` and bytearray's list-like methods.
//!
//! The str-like ones run `str`'s own method on a Latin-1 view of the bytes
//! (each byte one character, so character indices are byte indices) and
//! map the result back: a str becomes bytes (or bytearray for a bytearray
//! receiver), lists and tuples of them likewise, ints and bools unchanged.
//! Case mapping and the character classes only ever touch ASCII, as bytes'
//! do in CPython. Arguments must be bytes-like where CPython wants them.
//!
//! Invariant: the receiver is never changed by the bridged methods; every
//! temporary lives in GC memory.

use crate::objects::builtin::BuiltinObj;
use crate::objects::{bytearray, bytes, int, kind, list, str as pstr, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

/// The receiver's bytes, or a bytes-like argument's; None for anything else.
fn data_of(v: Value) -> Option<&'static [u8]> {
    match kind(v) {
        Kind::Bytes => bytes::data(v),
        Kind::ByteArray => Some(bytearray::data(v)),
        _ => None,
    }
}

/// A str holding `d` as Latin-1 (byte n is character U+00nn).
fn to_latin1(rt: &Rt, d: &[u8]) -> PResult<Value> {
    let mut t = GcVec::<u8>::new();
    for &c in d {
        if c < 0x80 {
            t.push(c).or_mem(rt)?;
        } else {
            t.push(0xC0 | (c >> 6)).or_mem(rt)?;
            t.push(0x80 | (c & 0x3F)).or_mem(rt)?;
        }
    }
    pstr::new(rt, &t)
}

/// Back from a Latin-1 str to bytes (or a bytearray).
fn from_latin1(rt: &Rt, s: Value, array: bool) -> PResult<Value> {
    let src = pstr::bytes_of(rt, s).unwrap_or(b"");
    let mut out = GcVec::<u8>::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if c < 0x80 {
            out.push(c).or_mem(rt)?;
            i += 1;
        } else {
            let n = ((c & 0x1F) << 6) | (src.get(i + 1).copied().unwrap_or(0) & 0x3F);
            out.push(n).or_mem(rt)?;
            i += 2;
        }
    }
    if array {
        bytearray::new(rt, &out)
    } else {
        bytes::new(rt, &out)
    }
}

fn convert_back(rt: &mut Rt, r: Value, array: bool) -> PResult<Value> {
    if pstr::is_str(r) {
        return from_latin1(rt, r, array);
    }
    match kind(r) {
        Kind::List => {
            for i in 0..list::len(r) {
                let x = list::items(r)[i];
                let y = convert_back(rt, x, array)?;
                list::items(r)[i] = y;
            }
            Ok(r)
        }
        Kind::Tuple => {
            let n = tuple::len(r);
            let t = tuple::new_uninit(rt, n)?;
            for i in 0..n {
                let y = convert_back(rt, tuple::items(r)[i], array)?;
                tuple::set(t, i, y);
            }
            Ok(t)
        }
        _ => Ok(r),
    }
}

/// An argument in a bytes slot: bytes-like → Latin-1 str; a tuple of them
/// (startswith/endswith) likewise; None and ints pass; anything else is
/// CPython's TypeError.
fn convert_arg(rt: &mut Rt, v: Value, tuple_ok: bool) -> PResult<Value> {
    if let Some(d) = data_of(v) {
        let mut tmp = GcVec::<u8>::new();
        tmp.extend_from_slice(d).or_mem(rt)?;
        return to_latin1(rt, &tmp);
    }
    if v == Value::NONE || int::is_int(v) {
        return Ok(v);
    }
    if tuple_ok && kind(v) == Kind::Tuple {
        let n = tuple::len(v);
        let t = tuple::new_uninit(rt, n)?;
        for i in 0..n {
            let y = convert_arg(rt, tuple::items(v)[i], false)?;
            tuple::set(t, i, y);
        }
        return Ok(t);
    }
    let tn = ops::type_name(rt, v);
    Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")))
}

/// Runs str's method `name` on the Latin-1 view of the receiver.
fn bridge(rt: &mut Rt, name: &str, a: &[Value], k: &[Value], tuple_ok: bool) -> PResult<Value> {
    let this = a[0];
    let array = kind(this) == Kind::ByteArray;
    let mut args: GcVec<Value> = GcVec::with_capacity(a.len()).or_mem(rt)?;
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(data_of(this).unwrap_or(&[])).or_mem(rt)?;
    args.push(to_latin1(rt, &tmp)?).or_mem(rt)?;
    for &x in &a[1..] {
        let y = convert_arg(rt, x, tuple_ok)?;
        args.push(y).or_mem(rt)?;
    }
    let m = pstr::METHODS
        .iter()
        .find(|m| m.name == name)
        .ok_or_else(|| rt.attribute_error(format_args!("'bytes' object has no attribute '{name}'")))?;
    crate::objects::builtin::check_arity(rt, m, &args)?;
    let r = (m.f)(rt, &args, k)?;
    convert_back(rt, r, array)
}

/// `bytes.join(iterable)`: the items must be bytes-like.
fn m_join(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let items = ops::to_list(rt, a[1])?;
    let mut out = GcVec::<u8>::new();
    for i in 0..list::len(items) {
        let it = list::items(items)[i];
        if i > 0 {
            out.extend_from_slice(data_of(a[0]).unwrap_or(&[])).or_mem(rt)?;
        }
        match data_of(it) {
            Some(d) => out.extend_from_slice(d).or_mem(rt)?,
            None => {
                let tn = ops::type_name(rt, it);
                return Err(rt.type_error(format_args!("sequence item {i}: expected a bytes-like object, {tn} found")));
            }
        }
    }
    if kind(a[0]) == Kind::ByteArray {
        bytearray::new(rt, &out)
    } else {
        bytes::new(rt, &out)
    }
}

macro_rules! bridged {
    ($($f:ident = $name:expr, $tuple:expr;)*) => {
        $(fn $f(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
            bridge(rt, $name, a, k, $tuple)
        })*
    };
}
bridged! {
    b_split = "split", false; b_rsplit = "rsplit", false; b_strip = "strip", false; b_lstrip = "lstrip", false;
    b_rstrip = "rstrip", false; b_find = "find", false; b_rfind = "rfind", false; b_index = "index", false;
    b_rindex = "rindex", false; b_count = "count", false; b_replace = "replace", false;
    b_startswith = "startswith", true; b_endswith = "endswith", true; b_partition = "partition", false;
    b_rpartition = "rpartition", false; b_zfill = "zfill", false; b_center = "center", false;
    b_ljust = "ljust", false; b_rjust = "rjust", false; b_splitlines = "splitlines", false;
    b_expandtabs = "expandtabs", false; b_removeprefix = "removeprefix", false;
    b_removesuffix = "removesuffix", false;
}

/// ASCII-only case mapping and classes, as bytes have them.
fn map_ascii(rt: &mut Rt, a: &[Value], f: impl Fn(usize, Option<u8>, u8) -> u8) -> PResult<Value> {
    let d = data_of(a[0]).unwrap_or(&[]);
    let mut out = GcVec::<u8>::with_capacity(d.len()).or_mem(rt)?;
    let mut prev = None;
    for (i, &c) in d.iter().enumerate() {
        out.push(f(i, prev, c)).or_mem(rt)?;
        prev = Some(c);
    }
    if kind(a[0]) == Kind::ByteArray {
        bytearray::new(rt, &out)
    } else {
        bytes::new(rt, &out)
    }
}

fn b_upper(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_ascii(rt, a, |_, _, c| c.to_ascii_uppercase())
}
fn b_lower(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_ascii(rt, a, |_, _, c| c.to_ascii_lowercase())
}
fn b_swapcase(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_ascii(rt, a, |_, _, c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
}
fn b_capitalize(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_ascii(rt, a, |i, _, c| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
}
fn b_title(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_ascii(rt, a, |_, p, c| {
        if p.is_some_and(|p| p.is_ascii_alphabetic()) {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        }
    })
}

fn all_of(a: &[Value], f: impl Fn(u8) -> bool) -> Value {
    let d = data_of(a[0]).unwrap_or(&[]);
    if !d.is_empty() && d.iter().all(|&c| f(c)) {
        Value::TRUE
    } else {
        Value::FALSE
    }
}
fn b_isalnum(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(all_of(a, |c| c.is_ascii_alphanumeric()))
}
fn b_isalpha(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(all_of(a, |c| c.is_ascii_alphabetic()))
}
fn b_isdigit(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(all_of(a, |c| c.is_ascii_digit()))
}
fn b_isspace(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(all_of(a, |c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)))
}
fn b_isascii(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = data_of(a[0]).unwrap_or(&[]);
    Ok(if d.is_ascii() { Value::TRUE } else { Value::FALSE })
}
fn cased(a: &[Value], upper: bool) -> Value {
    let d = data_of(a[0]).unwrap_or(&[]);
    let any = d.iter().any(|c| c.is_ascii_alphabetic());
    let ok = d.iter().all(|c| if upper { !c.is_ascii_lowercase() } else { !c.is_ascii_uppercase() });
    if any && ok {
        Value::TRUE
    } else {
        Value::FALSE
    }
}
fn b_isupper(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(cased(a, true))
}
fn b_islower(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(cased(a, false))
}
fn b_istitle(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = data_of(a[0]).unwrap_or(&[]);
    let t = crate::objects::str_more::is_titled(d.iter().map(|c| (c.is_ascii_uppercase(), c.is_ascii_lowercase())));
    Ok(if t { Value::TRUE } else { Value::FALSE })
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a class method).
fn fromhex(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 || !pstr::is_str(a[1]) {
        let tn = if a.len() == 2 { ops::type_name(rt, a[1]) } else { "nothing" };
        return Err(rt.type_error(format_args!("fromhex() argument must be str, not {tn}")));
    }
    let s = pstr::bytes_of(rt, a[1]).unwrap_or(b"");
    let mut out = GcVec::<u8>::new();
    let mut i = 0;
    let hexval = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < s.len() {
        if s[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        match (hexval(s[i]), s.get(i + 1).and_then(|&c| hexval(c))) {
            (Some(h), Some(l)) => {
                out.push(h << 4 | l).or_mem(rt)?;
                i += 2;
            }
            (Some(_), None) if i + 1 >= s.len() => {
                return Err(
                    rt.value_error(format_args!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
                )
            }
            (Some(_), None) => {
                return Err(
                    rt.value_error(format_args!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
                )
            }
            _ => {
                return Err(
                    rt.value_error(format_args!("non-hexadecimal number found in fromhex() arg at position {i}"))
                )
            }
        }
    }
    let array = a[0] == crate::objects::class::BYTEARRAY_CLASS.value();
    let r = if array { bytearray::new(rt, &out)? } else { bytes::new(rt, &out)? };
    if crate::objects::class::is_heap_class(a[0]) {
        return ops::call(rt, a[0], &[r], &[]);
    }
    Ok(r)
}

/// `hex([sep[, bytes_per_sep]])`.
pub fn hex(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut sep = None;
    let mut per: i64 = 1;
    let mut pos: GcVec<Value> = GcVec::new();
    pos.extend_from_slice(&a[1..]).or_mem(rt)?;
    for p in k.chunks(2) {
        match pstr::bytes_of(rt, p[0]) {
            Some(b"sep") => pos.insert(0, p[1]).or_mem(rt)?,
            Some(b"bytes_per_sep") => per = int::to_i64(p[1]).unwrap_or(1),
            _ => return Err(rt.type_error(format_args!("hex() got an unexpected keyword argument"))),
        }
    }
    if let Some(&s) = pos.first() {
        let sb: &[u8] = match data_of(s) {
            Some(d) => d,
            None if pstr::is_str(s) => pstr::bytes_of(rt, s).unwrap_or(b""),
            None => return Err(rt.type_error(format_args!("sep must be str or bytes."))),
        };
        if sb.len() != 1 || !sb[0].is_ascii() {
            return Err(rt.value_error(format_args!("sep must be ASCII.")));
        }
        sep = Some(sb[0]);
    }
    if let Some(&p) = pos.get(1) {
        per = int::to_i64(p).unwrap_or(1);
    }
    let d = data_of(a[0]).unwrap_or(&[]);
    let digits = b"0123456789abcdef";
    let mut out = GcVec::<u8>::new();
    let n = d.len();
    for (i, &c) in d.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && per != 0 {
                let g = per.unsigned_abs() as usize;
                // Groups count from the right for a positive bytes_per_sep.
                let boundary = if per > 0 { (n - i).is_multiple_of(g) } else { i.is_multiple_of(g) };
                if boundary {
                    out.push(s).or_mem(rt)?;
                }
            }
        }
        out.push(digits[(c >> 4) as usize]).or_mem(rt)?;
        out.push(digits[(c & 15) as usize]).or_mem(rt)?;
    }
    pstr::new(rt, &out)
}

crate::methods! { BYTES_METHODS:
    JOIN = "join", m_join, Method, 1, 1;
    SPLIT = "split", b_split, Method;
    RSPLIT = "rsplit", b_rsplit, Method;
    STRIP = "strip", b_strip, Method;
    LSTRIP = "lstrip", b_lstrip, Method;
    RSTRIP = "rstrip", b_rstrip, Method;
    FIND = "find", b_find, Method;
    RFIND = "rfind", b_rfind, Method;
    INDEX = "index", b_index, Method;
    RINDEX = "rindex", b_rindex, Method;
    COUNT = "count", b_count, Method;
    REPLACE = "replace", b_replace, Method;
    STARTSWITH = "startswith", b_startswith, Method;
    ENDSWITH = "endswith", b_endswith, Method;
    PARTITION = "partition", b_partition, Method, 1, 1;
    RPARTITION = "rpartition", b_rpartition, Method, 1, 1;
    ZFILL = "zfill", b_zfill, Method;
    CENTER = "center", b_center, Method;
    LJUST = "ljust", b_ljust, Method;
    RJUST = "rjust", b_rjust, Method;
    SPLITLINES = "splitlines", b_splitlines, Method;
    EXPANDTABS = "expandtabs", b_expandtabs, Method;
    REMOVEPREFIX = "removeprefix", b_removeprefix, Method;
    REMOVESUFFIX = "removesuffix", b_removesuffix, Method;
    UPPER = "upper", b_upper, Method, 0, 0;
    LOWER = "lower", b_lower, Method, 0, 0;
    SWAPCASE = "swapcase", b_swapcase, Method, 0, 0;
    CAPITALIZE = "capitalize", b_capitalize, Method, 0, 0;
    TITLE = "title", b_title, Method, 0, 0;
    ISALNUM = "isalnum", b_isalnum, Method, 0, 0;
    ISALPHA = "isalpha", b_isalpha, Method, 0, 0;
    ISDIGIT = "isdigit", b_isdigit, Method, 0, 0;
    ISSPACE = "isspace", b_isspace, Method, 0, 0;
    ISASCII = "isascii", b_isascii, Method, 0, 0;
    ISUPPER = "isupper", b_isupper, Method, 0, 0;
    ISLOWER = "islower", b_islower, Method, 0, 0;
    ISTITLE = "istitle", b_istitle, Method, 0, 0;
    FROMHEX = "fromhex", fromhex, ClassMethod;
}

/// The shared methods, for the two classes' tables to fall back on.
pub fn find(name: &[u8]) -> Option<&'static BuiltinObj> {
    BYTES_METHODS.iter().copied().find(|m| m.name.as_bytes() == name)
}

fn ba_clear(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    bytearray::truncate(a[0], 0);
    Ok(Value::NONE)
}
fn ba_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut t = GcVec::<u8>::new();
    t.extend_from_slice(bytearray::data(a[0])).or_mem(rt)?;
    bytearray::new(rt, &t)
}
fn ba_reverse(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    bytearray::data(a[0]).reverse();
    Ok(Value::NONE)
}
fn ba_insert(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 3 {
        return Err(rt.type_error(format_args!("insert expected 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    let n = bytearray::data(a[0]).len() as i64;
    let mut i = ops::to_index(rt, a[1])? as i64;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let b = bytearray::byte_of(rt, a[2])?;
    bytearray::extend_from(rt, a[0], &[0])?;
    let d = bytearray::data(a[0]);
    d.copy_within(i..d.len() - 1, i + 1);
    d[i] = b;
    Ok(Value::NONE)
}
fn ba_remove(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let b = bytearray::byte_of(rt, a[1])?;
    let d = bytearray::data(a[0]);
    match d.iter().position(|&c| c == b) {
        Some(i) => {
            let n = d.len();
            d.copy_within(i + 1..n, i);
            bytearray::truncate(a[0], n - 1);
            Ok(Value::NONE)
        }
        None => Err(rt.value_error(format_args!("value not found in bytearray"))),
    }
}

crate::methods! { BYTEARRAY_EXTRA:
    BA_CLEAR = "clear", ba_clear, Method, 0, 0;
    BA_COPY = "copy", ba_copy, Method, 0, 0;
    BA_REVERSE = "reverse", ba_reverse, Method, 0, 0;
    BA_INSERT = "insert", ba_insert, Method, 2, 2;
    BA_REMOVE = "remove", ba_remove, Method, 1, 1;
}

/// bytearray's own list-like methods.
pub fn find_bytearray(name: &[u8]) -> Option<&'static BuiltinObj> {
    BYTEARRAY_EXTRA.iter().copied().find(|m| m.name.as_bytes() == name)
}

/// `bytes.decode(encoding='utf-8', errors='strict')` for UTF-8, ASCII and
/// Latin-1, with the 'strict', 'ignore' and 'replace' handlers and
/// CPython's UnicodeDecodeError text.
pub fn decode(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut enc: Option<Value> = a.get(1).copied();
    let mut errs: Option<Value> = a.get(2).copied();
    for p in k.chunks(2) {
        match pstr::bytes_of(rt, p[0]) {
            Some(b"encoding") => enc = Some(p[1]),
            Some(b"errors") => errs = Some(p[1]),
            _ => return Err(rt.type_error(format_args!("decode() got an unexpected keyword argument"))),
        }
    }
    let mut name = GcVec::<u8>::new();
    if let Some(e) = enc {
        if !pstr::is_str(e) {
            let tn = ops::type_name(rt, e);
            return Err(rt.type_error(format_args!("decode() argument 'encoding' must be str, not {tn}")));
        }
        for &c in pstr::bytes_of(rt, e).unwrap_or(b"") {
            name.push(if c == b'_' { b'-' } else { c.to_ascii_lowercase() }).or_mem(rt)?;
        }
    } else {
        name.extend_from_slice(b"utf-8").or_mem(rt)?;
    }
    let kind_ = match &name[..] {
        b"utf-8" | b"utf8" => 0,
        b"ascii" | b"us-ascii" => 1,
        b"latin-1" | b"latin1" | b"iso-8859-1" | b"iso8859-1" | b"l1" => 2,
        _ => {
            let n = core::str::from_utf8(&name).unwrap_or("?");
            return Err(rt.error(&crate::objects::class::LOOKUP_ERROR_CLASS, format_args!("unknown encoding: {n}")));
        }
    };
    let mode = match errs.map(|e| pstr::bytes_of(rt, e).unwrap_or(b"")) {
        None | Some(b"strict") => 0,
        Some(b"ignore") => 1,
        Some(b"replace") => 2,
        Some(other) => {
            let o = core::str::from_utf8(other).unwrap_or("?");
            let mut t = GcVec::<u8>::new();
            t.extend_from_slice(o.as_bytes()).or_mem(rt)?;
            let o = core::str::from_utf8(&t).unwrap_or("?");
            return Err(
                rt.error(&crate::objects::class::LOOKUP_ERROR_CLASS, format_args!("unknown error handler name '{o}'"))
            );
        }
    };
    let mut d = GcVec::<u8>::new();
    d.extend_from_slice(data_of(a[0]).unwrap_or(&[])).or_mem(rt)?;
    let cname = ["utf-8", "ascii", "latin-1"][kind_];
    let mut out = GcVec::<u8>::new();
    let mut i = 0;
    while i < d.len() {
        let (good, bad, reason): (usize, usize, &str) = match kind_ {
            2 => (d.len() - i, 0, ""),
            1 => match d[i..].iter().position(|&c| c >= 0x80) {
                None => (d.len() - i, 0, ""),
                Some(p) => (p, 1, "ordinal not in range(128)"),
            },
            _ => match core::str::from_utf8(&d[i..]) {
                Ok(_) => (d.len() - i, 0, ""),
                Err(e) => {
                    let p = e.valid_up_to();
                    let b0 = d[i + p];
                    match e.error_len() {
                        _ if (0x80..0xC2).contains(&b0) || b0 > 0xF4 => (p, 1, "invalid start byte"),
                        Some(n) => (p, n, "invalid continuation byte"),
                        None => (p, d.len() - i - p, "unexpected end of data"),
                    }
                }
            },
        };
        if kind_ == 2 {
            for &c in &d[i..] {
                if c < 0x80 {
                    out.push(c).or_mem(rt)?;
                } else {
                    out.push(0xC0 | (c >> 6)).or_mem(rt)?;
                    out.push(0x80 | (c & 0x3F)).or_mem(rt)?;
                }
            }
            break;
        }
        out.extend_from_slice(&d[i..i + good]).or_mem(rt)?;
        i += good;
        if bad == 0 {
            break;
        }
        match mode {
            0 => {
                let at = i;
                return Err(if bad == 1 {
                    rt.error(
                        &crate::objects::class::UNICODE_DECODE_ERROR_CLASS,
                        format_args!("'{cname}' codec can't decode byte 0x{:02x} in position {at}: {reason}", d[at]),
                    )
                } else {
                    rt.error(
                        &crate::objects::class::UNICODE_DECODE_ERROR_CLASS,
                        format_args!("'{cname}' codec can't decode bytes in position {at}-{}: {reason}", at + bad - 1),
                    )
                });
            }
            1 => {}
            _ => out.extend_from_slice("\u{fffd}".as_bytes()).or_mem(rt)?,
        }
        i += bad;
    }
    pstr::new(rt, &out)
}

/// `bytes % args`: str's %-formatting over the Latin-1 views (bytes
/// arguments become their Latin-1 str, the result bytes again).
pub fn percent(rt: &mut Rt, fmt: Value, args: Value) -> PResult<Value> {
    let array = kind(fmt) == Kind::ByteArray;
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(data_of(fmt).unwrap_or(&[])).or_mem(rt)?;
    let f = to_latin1(rt, &tmp)?;
    let conv = |rt: &mut Rt, v: Value| -> PResult<Value> {
        match data_of(v) {
            Some(d) => {
                let mut t = GcVec::<u8>::new();
                t.extend_from_slice(d).or_mem(rt)?;
                to_latin1(rt, &t)
            }
            None => Ok(v),
        }
    };
    let args = if kind(args) == Kind::Tuple {
        let n = tuple::len(args);
        let t = tuple::new_uninit(rt, n)?;
        for i in 0..n {
            let y = conv(rt, tuple::items(args)[i])?;
            tuple::set(t, i, y);
        }
        t
    } else {
        conv(rt, args)?
    };
    let r = crate::vm::repr::percent_format(rt, f, args)?;
    from_latin1(rt, r, array)
}
