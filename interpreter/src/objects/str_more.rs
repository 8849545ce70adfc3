//! More `str` methods: casefold, expandtabs, the is* predicates beyond the
//! basic ones (isascii, isdecimal, isnumeric, isidentifier, isprintable,
//! istitle), maketrans/translate and removeprefix/removesuffix. They are
//! listed in `str::METHODS` with the others.
//!
//! Invariant: every result is a new str (or the receiver itself when
//! unchanged, as CPython may return it); no Rust allocation.

use crate::objects::str::{bytes_of, is_str, new as new_str};
use crate::objects::{dict, int, kind, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

fn text<'a>(rt: &'a Rt, v: Value) -> &'a str {
    core::str::from_utf8(bytes_of(rt, v).unwrap_or(b"")).unwrap_or("")
}

fn b(v: bool) -> Value {
    if v {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

fn push_char(rt: &Rt, out: &mut GcVec<u8>, c: char) -> PResult<()> {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()).or_mem(rt)
}

/// A copy of `v`'s text (the source may move while we allocate).
fn copy(rt: &Rt, v: Value) -> PResult<GcVec<u8>> {
    let mut t = GcVec::new();
    t.extend_from_slice(bytes_of(rt, v).unwrap_or(b"")).or_mem(rt)?;
    Ok(t)
}

fn as_text(t: &[u8]) -> &str {
    core::str::from_utf8(t).unwrap_or("")
}

pub fn m_casefold(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = copy(rt, a[0])?;
    let mut out = GcVec::new();
    for c in as_text(&t).chars() {
        match c {
            'ß' | 'ẞ' => out.extend_from_slice(b"ss").or_mem(rt)?,
            'ς' => push_char(rt, &mut out, 'σ')?,
            _ => {
                for l in c.to_lowercase() {
                    push_char(rt, &mut out, l)?;
                }
            }
        }
    }
    new_str(rt, &out)
}

pub fn m_expandtabs(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut size: i64 = 8;
    let arg = if a.len() > 1 {
        Some(a[1])
    } else {
        k.chunks(2).find(|p| bytes_of(rt, p[0]) == Some(b"tabsize")).map(|p| p[1])
    };
    if let Some(v) = arg {
        if !int::is_int(v) {
            let tn = ops::type_name(rt, v);
            return Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")));
        }
        size = int::to_i64(v).unwrap_or(8);
    }
    let t = copy(rt, a[0])?;
    let mut out = GcVec::new();
    let mut col: i64 = 0;
    for c in as_text(&t).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    for _ in 0..n {
                        out.push(b' ').or_mem(rt)?;
                    }
                    col += n;
                }
            }
            '\n' | '\r' => {
                push_char(rt, &mut out, c)?;
                col = 0;
            }
            _ => {
                push_char(rt, &mut out, c)?;
                col += 1;
            }
        }
    }
    new_str(rt, &out)
}

pub fn m_isascii(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(b(bytes_of(rt, a[0]).unwrap_or(b"").is_ascii()))
}

/// Unicode decimal digits (category Nd): ASCII and the common script blocks.
fn is_decimal(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_digit()
        || [
            0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50,
            0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
        ]
        .iter()
        .any(|&z| (z..z + 10).contains(&u))
}

pub fn m_isdecimal(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = text(rt, a[0]);
    Ok(b(!t.is_empty() && t.chars().all(is_decimal)))
}

pub fn m_isnumeric(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = text(rt, a[0]);
    Ok(b(!t.is_empty() && t.chars().all(|c| c.is_numeric())))
}

pub fn m_isidentifier(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = text(rt, a[0]);
    let mut it = t.chars();
    let ok = match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => it.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(b(ok))
}

pub fn m_isprintable(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = text(rt, a[0]);
    Ok(b(t.chars().all(crate::objects::str::printable)))
}

/// Python's istitle rule over (is upper/titlecase, is lowercase) per
/// character: cased characters only after uncased ones when upper, after
/// cased ones when lower, and at least one cased character.
pub fn is_titled(cases: impl Iterator<Item = (bool, bool)>) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for (upper, lower) in cases {
        if upper || lower {
            if upper == prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn m_istitle(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = text(rt, a[0]);
    Ok(b(is_titled(t.chars().map(|c| (c.is_uppercase(), c.is_lowercase())))))
}

fn affix(rt: &mut Rt, a: &[Value], prefix: bool) -> PResult<Value> {
    let name = if prefix { "removeprefix" } else { "removesuffix" };
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("str.{name}() takes exactly one argument ({} given)", a.len() - 1)));
    }
    if !is_str(a[1]) {
        let tn = ops::type_name(rt, a[1]);
        return Err(rt.type_error(format_args!("{name}() argument must be str, not {tn}")));
    }
    let t = copy(rt, a[0])?;
    let p = copy(rt, a[1])?;
    let r: &[u8] = if prefix { t.strip_prefix(&p[..]).unwrap_or(&t) } else { t.strip_suffix(&p[..]).unwrap_or(&t) };
    if r.len() == t.len() && kind(a[0]) != Kind::Instance {
        return Ok(a[0]);
    }
    new_str(rt, r)
}

pub fn m_removeprefix(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    affix(rt, a, true)
}

pub fn m_removesuffix(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    affix(rt, a, false)
}

/// `str.maketrans(x[, y[, z]])`: the dict `translate` takes.
pub fn m_maketrans(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = dict::new(rt)?;
    let ord = |c: char| Value::small_int(c as isize).unwrap_or(Value::NONE);
    match a.len() {
        1 => {
            if kind(a[0]) != Kind::Dict {
                return Err(rt.type_error(format_args!("if you give only one argument to maketrans it must be a dict")));
            }
            let items = ops::to_list(rt, a[0])?;
            for i in 0..crate::objects::list::len(items) {
                let key = crate::objects::list::items(items)[i];
                let v = dict::get(rt, a[0], key)?.unwrap_or(Value::NONE);
                let k2 = if is_str(key) {
                    let t = text(rt, key);
                    let mut cs = t.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => ord(c),
                        _ => {
                            return Err(
                                rt.value_error(format_args!("string keys in translate table must be of length 1"))
                            )
                        }
                    }
                } else if int::is_int(key) {
                    key
                } else {
                    return Err(rt.type_error(format_args!("keys in translate table must be strings or integers")));
                };
                dict::set(rt, d, k2, v)?;
            }
        }
        2 | 3 => {
            if !is_str(a[0]) || !is_str(a[1]) {
                return Err(rt.type_error(format_args!("maketrans() arguments must be str")));
            }
            let x = copy(rt, a[0])?;
            let y = copy(rt, a[1])?;
            if as_text(&x).chars().count() != as_text(&y).chars().count() {
                return Err(rt.value_error(format_args!("the first two maketrans arguments must have equal length")));
            }
            for (cx, cy) in as_text(&x).chars().zip(as_text(&y).chars()) {
                dict::set(rt, d, ord(cx), ord(cy))?;
            }
            if a.len() == 3 {
                if !is_str(a[2]) {
                    let tn = ops::type_name(rt, a[2]);
                    return Err(rt.type_error(format_args!("maketrans() argument 3 must be str, not {tn}")));
                }
                let z = copy(rt, a[2])?;
                for c in as_text(&z).chars() {
                    dict::set(rt, d, ord(c), Value::NONE)?;
                }
            }
        }
        n => return Err(rt.type_error(format_args!("maketrans expected at most 3 arguments, got {n}"))),
    }
    Ok(d)
}

/// `str.translate(table)`: each character through `table[ord(c)]` (a
/// LookupError keeps it; None drops it; an int or str replaces it).
pub fn m_translate(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("str.translate() takes exactly one argument ({} given)", a.len() - 1)));
    }
    let t = copy(rt, a[0])?;
    let mut out = GcVec::new();
    for c in as_text(&t).chars() {
        let key = Value::small_int(c as isize).unwrap_or(Value::NONE);
        let r = match ops::getitem(rt, a[1], key) {
            Ok(r) => r,
            Err(e)
                if crate::objects::exception::is_exc(e)
                    && crate::objects::exception::matches(e, &crate::objects::class::LOOKUP_ERROR_CLASS) =>
            {
                push_char(rt, &mut out, c)?;
                continue;
            }
            Err(e) => return Err(e),
        };
        if r == Value::NONE {
            continue;
        }
        if int::is_int(r) {
            match int::to_i64(r).and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
                Some(ch) => push_char(rt, &mut out, ch)?,
                None => return Err(rt.value_error(format_args!("character mapping must be in range(0x110000)"))),
            }
        } else if is_str(r) {
            let rb = copy(rt, r)?;
            out.extend_from_slice(&rb).or_mem(rt)?;
        } else {
            return Err(rt.type_error(format_args!("character mapping must return integer, None or str")));
        }
    }
    new_str(rt, &out)
}
