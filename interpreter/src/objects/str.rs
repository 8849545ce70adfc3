//! `str`: interned strings are qstr `Value`s; every other string is a heap
//! object, immutable, UTF-8.
//!
//! Layout of a heap string (the same as the compiler's const-str, which the
//! runtime adopts):
//!   word 0  &STR_TYPE (or &CONST_STR_TYPE)
//!   1       len: bytes
//!   2...    the UTF-8 bytes
//!
//! Invariants: the bytes are valid UTF-8; a qstr and a heap string with the
//! same text are equal and hash alike (FNV-1a over the bytes, the qstr pool's
//! hash), so either may be a dict key. Indices and lengths seen by Python
//! count code points; ASCII strings (the common case) index by byte.

use crate::obj::TypeDesc;
use crate::objects::class::STR_CLASS;
use crate::objects::{alloc, kind, list, tuple, Kind, OrMem, ValVec, W};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

crate::rt_type!(STR_TYPE, STR_INFO, "str", b'S', &[], None, Str, STR_CLASS);

/// A str, or an instance of a subclass of str (whose text `bytes_of` gives).
pub fn is_str(v: Value) -> bool {
    v.is_qstr() || kind(v) == Kind::Str || crate::objects::instance::native(v).is_some_and(is_str)
}

/// A str proper (not a subclass instance).
pub fn is_exact_str(v: Value) -> bool {
    v.is_qstr() || kind(v) == Kind::Str
}

/// The bytes of a str (qstr or heap string); None if `v` is not a str.
pub fn bytes_of<'a>(rt: &'a Rt, v: Value) -> Option<&'a [u8]> {
    if let Some(q) = v.as_qstr() {
        return Some(rt.st.qstr.get(q));
    }
    if kind(v) != Kind::Str {
        return crate::objects::instance::native(v).and_then(|n| if is_exact_str(n) { bytes_of(rt, n) } else { None });
    }
    let p = v.bits() as *const usize;
    // SAFETY: a heap string: word 1 is the length, the bytes follow; it is
    // immutable and alive while the caller holds `v`.
    unsafe { Some(core::slice::from_raw_parts(p.add(2) as *const u8, *p.add(1))) }
}

/// As `bytes_of`, as text.
pub fn text<'a>(rt: &'a Rt, v: Value) -> &'a str {
    let b = bytes_of(rt, v).unwrap_or(b"");
    core::str::from_utf8(b).unwrap_or("")
}

/// A new heap string holding `data` (valid UTF-8).
pub fn new(rt: &Rt, data: &[u8]) -> PResult<Value> {
    if data.is_empty() {
        return Ok(Value::qstr(crate::qstr::q::EMPTY));
    }
    if data.len() == 1 && data[0] < 0x80 {
        if let Some(q) = rt.st.qstr.find(data) {
            return Ok(Value::qstr(q));
        }
    }
    let p = alloc(rt, 2 * W + data.len())?;
    // SAFETY: a fresh block of 2 words + len bytes; fully written before any
    // other allocation.
    unsafe {
        *p = &STR_TYPE as *const TypeDesc as usize;
        *p.add(1) = data.len();
        core::ptr::copy_nonoverlapping(data.as_ptr(), p.add(2) as *mut u8, data.len());
    }
    Ok(Value::from_ptr(p))
}

pub fn from_str(rt: &Rt, s: &str) -> PResult<Value> {
    new(rt, s.as_bytes())
}

/// FNV-1a, as the qstr pool hashes.
pub fn hash_bytes(s: &[u8]) -> isize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h as isize
}

pub fn is_ascii(s: &[u8]) -> bool {
    s.iter().all(|&b| b < 0x80)
}

/// Length in code points.
pub fn char_len(s: &[u8]) -> usize {
    s.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// Byte offset of code point `i` (or the length if `i` is past the end).
pub fn char_offset(s: &[u8], i: usize) -> usize {
    if is_ascii(s) {
        return i.min(s.len());
    }
    let mut n = 0;
    for (k, &b) in s.iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if n == i {
                return k;
            }
            n += 1;
        }
    }
    s.len()
}

/// Printable in Python's sense (`str.isprintable`, what `repr` leaves
/// unescaped): not a control, format, separator (other than space),
/// surrogate or private-use character. Unicode's tables are approximated by
/// the format characters in common use.
pub fn printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let format = matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0xE0001 | 0xE0020..=0xE007F);
    let private = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
    let noncharacter = (u & 0xFFFE) == 0xFFFE || (0xFDD0..=0xFDEF).contains(&u);
    !(format || private || noncharacter)
}

/// Python's `repr` of a str, appended to `out`.
pub fn repr_into(rt: &Rt, s: &[u8], out: &mut GcVec<u8>) -> PResult<()> {
    let has_sq = s.contains(&b'\'');
    let has_dq = s.contains(&b'"');
    let q = if has_sq && !has_dq { b'"' } else { b'\'' };
    out.push(q).or_mem(rt)?;
    let text = core::str::from_utf8(s).unwrap_or("");
    for c in text.chars() {
        let mut tmp = [0u8; 12];
        let piece: &[u8] = match c {
            '\\' => b"\\\\",
            '\n' => b"\\n",
            '\r' => b"\\r",
            '\t' => b"\\t",
            c if c as u32 == q as u32 => {
                if q == b'\'' {
                    b"\\'"
                } else {
                    b"\\\""
                }
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let hex = b"0123456789abcdef";
                tmp[..2].copy_from_slice(b"\\x");
                tmp[2] = hex[(c as u32 >> 4) as usize];
                tmp[3] = hex[(c as u32 & 15) as usize];
                &tmp[..4]
            }
            c if !printable(c) => {
                // \xhh, \uhhhh or \Uhhhhhhhh, as CPython escapes non-printables.
                let hex = b"0123456789abcdef";
                let u = c as u32;
                let (lead, n): (&[u8], usize) = if u < 0x100 {
                    (b"\\x", 2)
                } else if u < 0x10000 {
                    (b"\\u", 4)
                } else {
                    (b"\\U", 8)
                };
                tmp[..2].copy_from_slice(lead);
                for k in 0..n {
                    tmp[2 + k] = hex[((u >> (4 * (n - 1 - k))) & 15) as usize];
                }
                &tmp[..2 + n]
            }
            c => c.encode_utf8(&mut tmp).as_bytes(),
        };
        let piece_len = piece.len();
        let mut copy = [0u8; 12];
        copy[..piece_len].copy_from_slice(piece);
        out.extend_from_slice(&copy[..piece_len]).or_mem(rt)?;
    }
    out.push(q).or_mem(rt)
}

/// Concatenation.
pub fn concat(rt: &Rt, a: Value, b: Value) -> PResult<Value> {
    let la = bytes_of(rt, a).map_or(0, |s| s.len());
    let lb = bytes_of(rt, b).map_or(0, |s| s.len());
    if la == 0 {
        return Ok(b);
    }
    if lb == 0 {
        return Ok(a);
    }
    let p = alloc(rt, 2 * W + la + lb)?;
    let (sa, sb) = (bytes_of(rt, a).unwrap_or(b""), bytes_of(rt, b).unwrap_or(b""));
    // SAFETY: a fresh block big enough for both; the sources are live strings.
    unsafe {
        *p = &STR_TYPE as *const TypeDesc as usize;
        *p.add(1) = la + lb;
        core::ptr::copy_nonoverlapping(sa.as_ptr(), p.add(2) as *mut u8, la);
        core::ptr::copy_nonoverlapping(sb.as_ptr(), (p.add(2) as *mut u8).add(la), lb);
    }
    Ok(Value::from_ptr(p))
}

/// `s * n`.
pub fn repeat(rt: &Rt, a: Value, n: isize) -> PResult<Value> {
    let la = bytes_of(rt, a).map_or(0, |s| s.len());
    if n <= 0 || la == 0 {
        return Ok(Value::qstr(crate::qstr::q::EMPTY));
    }
    let total = la.checked_mul(n as usize).ok_or_else(|| rt.memory_error())?;
    let mut out = GcVec::<u8>::with_capacity(total).or_mem(rt)?;
    for _ in 0..n {
        let s = bytes_of(rt, a).unwrap_or(b"");
        out.extend_from_slice(s).or_mem(rt)?;
    }
    new(rt, &out)
}

/// One character (code point `i`, already bounds-checked) as a str.
pub fn char_at(rt: &Rt, v: Value, i: usize) -> PResult<Value> {
    let s = bytes_of(rt, v).unwrap_or(b"");
    let a = char_offset(s, i);
    let mut b = a + 1;
    while b < s.len() && s[b] & 0xc0 == 0x80 {
        b += 1;
    }
    let mut buf = [0u8; 4];
    let n = b - a;
    buf[..n].copy_from_slice(&s[a..b]);
    new(rt, &buf[..n])
}

/// A substring by code-point slice parameters (already normalised).
pub fn slice(rt: &Rt, v: Value, start: isize, stop: isize, step: isize) -> PResult<Value> {
    let mut out = GcVec::<u8>::new();
    let s = bytes_of(rt, v).unwrap_or(b"");
    if step == 1 {
        if stop > start {
            let a = char_offset(s, start as usize);
            let b = char_offset(s, stop as usize);
            let (a, b) = (a, b);
            let len = b - a;
            let mut tmp = GcVec::<u8>::with_capacity(len).or_mem(rt)?;
            let s = bytes_of(rt, v).unwrap_or(b"");
            tmp.extend_from_slice(&s[a..b]).or_mem(rt)?;
            return new(rt, &tmp);
        }
        return Ok(Value::qstr(crate::qstr::q::EMPTY));
    }
    let n = crate::objects::slice::count(start, stop, step);
    let _ = s;
    let mut i = start;
    for _ in 0..n {
        let s = bytes_of(rt, v).unwrap_or(b"");
        let a = char_offset(s, i as usize);
        let mut b = a + 1;
        while b < s.len() && s[b] & 0xc0 == 0x80 {
            b += 1;
        }
        let mut buf = [0u8; 4];
        buf[..b - a].copy_from_slice(&s[a..b]);
        out.extend_from_slice(&buf[..b - a]).or_mem(rt)?;
        i += step;
    }
    new(rt, &out)
}

pub fn cmp(rt: &Rt, a: Value, b: Value) -> core::cmp::Ordering {
    bytes_of(rt, a).unwrap_or(b"").cmp(bytes_of(rt, b).unwrap_or(b""))
}

pub fn eq(rt: &Rt, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if a.is_qstr() && b.is_qstr() {
        return false;
    }
    bytes_of(rt, a) == bytes_of(rt, b)
}

// ---- methods -------------------------------------------------------------

crate::methods! { METHODS:
    JOIN = "join", m_join, Method, 1, 1;
    SPLIT = "split", m_split, Method;
    RSPLIT = "rsplit", m_rsplit, Method;
    STRIP = "strip", m_strip, Method;
    LSTRIP = "lstrip", m_lstrip, Method;
    RSTRIP = "rstrip", m_rstrip, Method;
    FIND = "find", m_find, Method, 1, 3;
    RFIND = "rfind", m_rfind, Method, 1, 3;
    INDEX = "index", m_index, Method, 1, 3;
    RINDEX = "rindex", m_rindex, Method, 1, 3;
    COUNT = "count", m_count, Method, 1, 3;
    REPLACE = "replace", m_replace, Method, 2, 3;
    STARTSWITH = "startswith", m_startswith, Method, 1, 3;
    ENDSWITH = "endswith", m_endswith, Method, 1, 3;
    UPPER = "upper", m_upper, Method, 0, 0;
    LOWER = "lower", m_lower, Method, 0, 0;
    CAPITALIZE = "capitalize", m_capitalize, Method, 0, 0;
    TITLE = "title", m_title, Method, 0, 0;
    SWAPCASE = "swapcase", m_swapcase, Method, 0, 0;
    ISDIGIT = "isdigit", m_isdigit, Method, 0, 0;
    ISALPHA = "isalpha", m_isalpha, Method, 0, 0;
    ISALNUM = "isalnum", m_isalnum, Method, 0, 0;
    ISSPACE = "isspace", m_isspace, Method, 0, 0;
    ISUPPER = "isupper", m_isupper, Method, 0, 0;
    ISLOWER = "islower", m_islower, Method, 0, 0;
    PARTITION = "partition", m_partition, Method, 1, 1;
    RPARTITION = "rpartition", m_rpartition, Method, 1, 1;
    ZFILL = "zfill", m_zfill, Method, 1, 1;
    CENTER = "center", m_center, Method, 1, 2;
    LJUST = "ljust", m_ljust, Method, 1, 2;
    RJUST = "rjust", m_rjust, Method, 1, 2;
    ENCODE = "encode", m_encode, Method;
    SPLITLINES = "splitlines", m_splitlines, Method;
    FORMAT = "format", m_format, Method;
    FORMAT_MAP = "format_map", crate::vm::format::str_format_map, Method;
    CASEFOLD = "casefold", crate::objects::str_more::m_casefold, Method, 0, 0;
    EXPANDTABS = "expandtabs", crate::objects::str_more::m_expandtabs, Method;
    ISASCII = "isascii", crate::objects::str_more::m_isascii, Method, 0, 0;
    ISDECIMAL = "isdecimal", crate::objects::str_more::m_isdecimal, Method, 0, 0;
    ISNUMERIC = "isnumeric", crate::objects::str_more::m_isnumeric, Method, 0, 0;
    ISIDENTIFIER = "isidentifier", crate::objects::str_more::m_isidentifier, Method, 0, 0;
    ISPRINTABLE = "isprintable", crate::objects::str_more::m_isprintable, Method, 0, 0;
    ISTITLE = "istitle", crate::objects::str_more::m_istitle, Method, 0, 0;
    REMOVEPREFIX = "removeprefix", crate::objects::str_more::m_removeprefix, Method;
    REMOVESUFFIX = "removesuffix", crate::objects::str_more::m_removesuffix, Method;
    MAKETRANS = "maketrans", crate::objects::str_more::m_maketrans, Static;
    TRANSLATE = "translate", crate::objects::str_more::m_translate, Method;
}

fn self_bytes<'a>(rt: &'a Rt, v: Value) -> &'a [u8] {
    bytes_of(rt, v).unwrap_or(b"")
}

fn arg_str(rt: &mut Rt, v: Value, what: &str) -> PResult<Value> {
    if is_str(v) {
        Ok(v)
    } else {
        let tn = ops::type_name(rt, v);
        Err(rt.type_error(format_args!("{what} arg must be None or str, not {tn}")))
    }
}

fn m_join(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let sep = a[0];
    let items = ops::to_list(rt, a[1])?;
    let n = list::len(items);
    let mut out = GcVec::<u8>::new();
    for i in 0..n {
        let it = list::items(items)[i];
        if !is_str(it) {
            let tn = ops::type_name(rt, it);
            return Err(rt.type_error(format_args!("sequence item {i}: expected str instance, {tn} found")));
        }
        if i > 0 {
            out.extend_from_slice(self_bytes(rt, sep)).or_mem(rt)?;
        }
        out.extend_from_slice(self_bytes(rt, it)).or_mem(rt)?;
    }
    new(rt, &out)
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f)
}

fn split_impl(rt: &mut Rt, a: &[Value], k: &[Value], right: bool) -> PResult<Value> {
    let mut args = [Value::NONE; 3];
    crate::vm::args::parse(rt, "split", a, k, &["self", "sep", "maxsplit"], 1, &mut args)?;
    let s = args[0];
    let maxsplit = if args[2] == Value::NONE { -1 } else { ops::to_index(rt, args[2])? };
    let result = list::new(rt, 0)?;
    let mut parts = ValVec::new();
    if args[1] == Value::NONE {
        let b = self_bytes(rt, s);
        let n = b.len();
        let mut splits = 0;
        if !right {
            let mut i = 0;
            loop {
                let b = self_bytes(rt, s);
                while i < n && is_ws(b[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    // The remainder keeps its trailing whitespace, as CPython's.
                    let v = sub(rt, s, i, n)?;
                    parts.push(v).or_mem(rt)?;
                    break;
                }
                let st = i;
                while i < n && !is_ws(self_bytes(rt, s)[i]) {
                    i += 1;
                }
                let v = sub(rt, s, st, i)?;
                parts.push(v).or_mem(rt)?;
                splits += 1;
            }
        } else {
            let mut j = n;
            loop {
                let b = self_bytes(rt, s);
                while j > 0 && is_ws(b[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    let v = sub(rt, s, 0, j)?;
                    parts.push(v).or_mem(rt)?;
                    break;
                }
                let en = j;
                while j > 0 && !is_ws(self_bytes(rt, s)[j - 1]) {
                    j -= 1;
                }
                let v = sub(rt, s, j, en)?;
                parts.push(v).or_mem(rt)?;
                splits += 1;
            }
            parts.reverse();
        }
    } else {
        let sep = arg_str(rt, args[1], "sep")?;
        let sl = self_bytes(rt, sep).len();
        if sl == 0 {
            return Err(rt.value_error(format_args!("empty separator")));
        }
        let n = self_bytes(rt, s).len();
        let mut splits = 0;
        if !right {
            let mut st = 0;
            loop {
                let found = if maxsplit >= 0 && splits >= maxsplit {
                    None
                } else {
                    find_from(self_bytes(rt, s), self_bytes(rt, sep), st, n)
                };
                match found {
                    Some(p) => {
                        let v = sub(rt, s, st, p)?;
                        parts.push(v).or_mem(rt)?;
                        st = p + sl;
                        splits += 1;
                    }
                    None => {
                        let v = sub(rt, s, st, n)?;
                        parts.push(v).or_mem(rt)?;
                        break;
                    }
                }
            }
        } else {
            let mut en = n;
            loop {
                let found = if maxsplit >= 0 && splits >= maxsplit {
                    None
                } else {
                    rfind_in(self_bytes(rt, s), self_bytes(rt, sep), 0, en)
                };
                match found {
                    Some(p) => {
                        let v = sub(rt, s, p + sl, en)?;
                        parts.push(v).or_mem(rt)?;
                        en = p;
                        splits += 1;
                    }
                    None => {
                        let v = sub(rt, s, 0, en)?;
                        parts.push(v).or_mem(rt)?;
                        break;
                    }
                }
            }
            parts.reverse();
        }
    }
    for i in 0..parts.len() {
        list::append(rt, result, parts[i])?;
    }
    Ok(result)
}

fn m_split(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    split_impl(rt, a, k, false)
}

fn m_rsplit(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    split_impl(rt, a, k, true)
}

/// Bytes `a..b` of a string as a new str.
fn sub(rt: &Rt, s: Value, a: usize, b: usize) -> PResult<Value> {
    let len = b - a;
    let p = alloc(rt, 2 * W + len)?;
    let src = self_bytes(rt, s);
    // SAFETY: fresh block of 2 words + len bytes; `src` is a live string.
    unsafe {
        *p = &STR_TYPE as *const TypeDesc as usize;
        *p.add(1) = len;
        core::ptr::copy_nonoverlapping(src.as_ptr().add(a), p.add(2) as *mut u8, len);
    }
    if len == 0 {
        return Ok(Value::qstr(crate::qstr::q::EMPTY));
    }
    Ok(Value::from_ptr(p))
}

pub fn find_from(h: &[u8], n: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > h.len() {
        return None;
    }
    if n.is_empty() {
        return Some(start);
    }
    if n.len() > end - start {
        return None;
    }
    (start..=end - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

pub fn rfind_in(h: &[u8], n: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > h.len() {
        return None;
    }
    if n.len() > end - start {
        return None;
    }
    (start..=end - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
}

fn strip_impl(rt: &mut Rt, a: &[Value], left: bool, right: bool) -> PResult<Value> {
    let s = a[0];
    let chars = if a.len() > 1 && a[1] != Value::NONE { Some(arg_str(rt, a[1], "strip")?) } else { None };
    let b = self_bytes(rt, s);
    let set: &[u8] = match chars {
        Some(c) => self_bytes(rt, c),
        None => b"",
    };
    let strip = |c: u8| if chars.is_some() { set.contains(&c) } else { is_ws(c) };
    let mut i = 0;
    let mut j = b.len();
    if left {
        while i < j && strip(b[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(b[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == b.len() {
        return Ok(s);
    }
    sub(rt, s, i, j)
}

fn m_strip(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    strip_impl(rt, a, true, true)
}
fn m_lstrip(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    strip_impl(rt, a, true, false)
}
fn m_rstrip(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    strip_impl(rt, a, false, true)
}

/// (needle, start byte, end byte) for find-like methods.
fn find_args(rt: &mut Rt, a: &[Value], name: &str) -> PResult<(Value, usize, usize)> {
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("{name}() takes at least 1 argument (0 given)")));
    }
    let s = a[0];
    let needle = a[1];
    if !is_str(needle) {
        let tn = ops::type_name(rt, needle);
        return Err(rt.type_error(format_args!("must be str, not {tn}")));
    }
    let n = char_len(self_bytes(rt, s)) as isize;
    let norm = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let raw_start = if a.len() > 2 && a[2] != Value::NONE { ops::to_index(rt, a[2])? } else { 0 };
    if raw_start > n {
        // Past the end: nothing is found there, not even "".
        return Ok((needle, usize::MAX, 0));
    }
    let start = norm(raw_start);
    let end = if a.len() > 3 && a[3] != Value::NONE { norm(ops::to_index(rt, a[3])?) } else { n };
    let b = self_bytes(rt, s);
    if start > end {
        return Ok((needle, usize::MAX, 0));
    }
    Ok((needle, char_offset(b, start as usize), char_offset(b, end as usize)))
}

fn byte_to_char(s: &[u8], off: usize) -> isize {
    char_len(&s[..off]) as isize
}

fn find_impl(rt: &mut Rt, a: &[Value], right: bool, name: &str) -> PResult<isize> {
    let (needle, st, en) = find_args(rt, a, name)?;
    if st == usize::MAX {
        return Ok(-1);
    }
    let h = self_bytes(rt, a[0]);
    let n = self_bytes(rt, needle);
    let r = if right { rfind_in(h, n, st, en) } else { find_from(h, n, st, en) };
    Ok(match r {
        Some(p) => byte_to_char(h, p),
        None => -1,
    })
}

fn m_find(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::small_int(find_impl(rt, a, false, "find")?).unwrap())
}
fn m_rfind(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::small_int(find_impl(rt, a, true, "rfind")?).unwrap())
}
fn m_index(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let r = find_impl(rt, a, false, "index")?;
    if r < 0 {
        return Err(rt.value_error(format_args!("substring not found")));
    }
    Ok(Value::small_int(r).unwrap())
}
fn m_rindex(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let r = find_impl(rt, a, true, "rindex")?;
    if r < 0 {
        return Err(rt.value_error(format_args!("substring not found")));
    }
    Ok(Value::small_int(r).unwrap())
}

fn m_count(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (needle, st, en) = find_args(rt, a, "count")?;
    if st == usize::MAX {
        return Ok(Value::small_int(0).unwrap());
    }
    let h = self_bytes(rt, a[0]);
    let n = self_bytes(rt, needle);
    let mut c = 0;
    if n.is_empty() {
        c = char_len(&h[st..en]) + 1;
    } else {
        let mut i = st;
        while let Some(p) = find_from(h, n, i, en) {
            c += 1;
            i = p + n.len();
        }
    }
    Ok(Value::small_int(c as isize).unwrap())
}

fn m_replace(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 3 {
        return Err(rt.type_error(format_args!("replace expected at least 2 arguments, got {}", a.len() - 1)));
    }
    let (s, old, newv) = (a[0], a[1], a[2]);
    for v in [old, newv] {
        if !is_str(v) {
            let tn = ops::type_name(rt, v);
            return Err(rt.type_error(format_args!("replace() argument must be str, not {tn}")));
        }
    }
    let mut count = if a.len() > 3 { ops::to_index(rt, a[3])? } else { -1 };
    let mut out = GcVec::<u8>::new();
    let h = self_bytes(rt, s);
    let o = self_bytes(rt, old);
    let nw = self_bytes(rt, newv);
    let mut i = 0;
    if o.is_empty() {
        // Insert `new` between characters.
        let text = core::str::from_utf8(h).unwrap_or("");
        let mut first = true;
        for c in text.chars() {
            if count != 0 {
                out.extend_from_slice(nw).or_mem(rt)?;
                count -= 1;
            }
            let _ = first;
            first = false;
            let mut b = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut b).as_bytes()).or_mem(rt)?;
        }
        if count != 0 {
            out.extend_from_slice(nw).or_mem(rt)?;
        }
        return new(rt, &out);
    }
    while count != 0 {
        match find_from(h, o, i, h.len()) {
            Some(p) => {
                out.extend_from_slice(&h[i..p]).or_mem(rt)?;
                out.extend_from_slice(nw).or_mem(rt)?;
                i = p + o.len();
                count -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&h[i..]).or_mem(rt)?;
    new(rt, &out)
}

fn affix(rt: &mut Rt, a: &[Value], end: bool) -> PResult<Value> {
    let name = if end { "endswith" } else { "startswith" };
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("{name}() takes at least 1 argument (0 given)")));
    }
    let pre = a[1];
    let cands: GcVec<Value> = if tuple::is_tuple(pre) {
        let mut v = GcVec::new();
        v.extend_from_slice(tuple::items(pre)).or_mem(rt)?;
        v
    } else if is_str(pre) {
        let mut v = GcVec::new();
        v.push(pre).or_mem(rt)?;
        v
    } else {
        let tn = ops::type_name(rt, pre);
        return Err(rt.type_error(format_args!("{name} first arg must be str or a tuple of str, not {tn}")));
    };
    let s = self_bytes(rt, a[0]);
    let n = char_len(s) as isize;
    let norm = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let st = if a.len() > 2 && a[2] != Value::NONE { norm(ops::to_index(rt, a[2])?) } else { 0 };
    let en = if a.len() > 3 && a[3] != Value::NONE { norm(ops::to_index(rt, a[3])?) } else { n };
    let s = self_bytes(rt, a[0]);
    if st > en {
        return Ok(Value::FALSE);
    }
    let (bs, be) = (char_offset(s, st as usize), char_offset(s, en as usize));
    let window = &s[bs..be];
    for &c in cands.iter() {
        if !is_str(c) {
            return Err(rt.type_error(format_args!("tuple for {name} must only contain str")));
        }
        let p = self_bytes(rt, c);
        let hit = if end { window.ends_with(p) } else { window.starts_with(p) };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn m_startswith(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    affix(rt, a, false)
}
fn m_endswith(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    affix(rt, a, true)
}

fn map_chars(rt: &mut Rt, s: Value, f: impl Fn(usize, Option<char>, char) -> (char, Option<char>)) -> PResult<Value> {
    let mut out = GcVec::<u8>::new();
    let text = text(rt, s);
    let mut prev: Option<char> = None;
    for (i, c) in text.chars().enumerate() {
        let (m, extra) = f(i, prev, c);
        let mut b = [0u8; 4];
        out.extend_from_slice(m.encode_utf8(&mut b).as_bytes()).or_mem(rt)?;
        if let Some(e) = extra {
            out.extend_from_slice(e.encode_utf8(&mut b).as_bytes()).or_mem(rt)?;
        }
        prev = Some(c);
    }
    new(rt, &out)
}

fn upper1(c: char) -> (char, Option<char>) {
    let mut u = c.to_uppercase();
    let a = u.next().unwrap_or(c);
    (a, u.next())
}
fn lower1(c: char) -> (char, Option<char>) {
    let mut u = c.to_lowercase();
    let a = u.next().unwrap_or(c);
    (a, u.next())
}

fn m_upper(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_chars(rt, a[0], |_, _, c| upper1(c))
}
fn m_lower(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_chars(rt, a[0], |_, _, c| lower1(c))
}
fn m_capitalize(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_chars(rt, a[0], |i, _, c| if i == 0 { upper1(c) } else { lower1(c) })
}
fn m_title(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_chars(rt, a[0], |_, p, c| if p.is_some_and(|p| p.is_alphabetic()) { lower1(c) } else { upper1(c) })
}
fn m_swapcase(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    map_chars(rt, a[0], |_, _, c| if c.is_uppercase() { lower1(c) } else { upper1(c) })
}

fn pred(rt: &Rt, s: Value, f: impl Fn(char) -> bool) -> Value {
    let t = text(rt, s);
    if !t.is_empty() && t.chars().all(f) {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

fn m_isdigit(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(pred(rt, a[0], |c| c.is_ascii_digit()))
}
fn m_isalpha(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(pred(rt, a[0], |c| c.is_alphabetic()))
}
fn m_isalnum(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(pred(rt, a[0], |c| c.is_alphanumeric()))
}
fn m_isspace(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(pred(rt, a[0], |c| c.is_whitespace()))
}
fn cased(rt: &Rt, s: Value, upper: bool) -> Value {
    let t = text(rt, s);
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            if c.is_uppercase() != upper {
                return Value::FALSE;
            }
            any = true;
        }
    }
    if any {
        Value::TRUE
    } else {
        Value::FALSE
    }
}
fn m_isupper(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(cased(rt, a[0], true))
}
fn m_islower(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(cased(rt, a[0], false))
}

fn partition_impl(rt: &mut Rt, a: &[Value], right: bool) -> PResult<Value> {
    let s = a[0];
    let sep = a[1];
    if !is_str(sep) {
        let tn = ops::type_name(rt, sep);
        return Err(rt.type_error(format_args!("must be str, not {tn}")));
    }
    let sl = self_bytes(rt, sep).len();
    if sl == 0 {
        return Err(rt.value_error(format_args!("empty separator")));
    }
    let n = self_bytes(rt, s).len();
    let found = if right {
        rfind_in(self_bytes(rt, s), self_bytes(rt, sep), 0, n)
    } else {
        find_from(self_bytes(rt, s), self_bytes(rt, sep), 0, n)
    };
    let empty = Value::qstr(crate::qstr::q::EMPTY);
    match found {
        Some(p) => {
            let x = sub(rt, s, 0, p)?;
            let y = sub(rt, s, p + sl, n)?;
            tuple::new(rt, &[x, sep, y])
        }
        None if right => tuple::new(rt, &[empty, empty, s]),
        None => tuple::new(rt, &[s, empty, empty]),
    }
}
fn m_partition(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    partition_impl(rt, a, false)
}
fn m_rpartition(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    partition_impl(rt, a, true)
}

fn pad(rt: &mut Rt, a: &[Value], mode: u8) -> PResult<Value> {
    let s = a[0];
    let width = ops::to_index(rt, a.get(1).copied().unwrap_or(Value::NONE))?;
    let mut fill = [b' '; 4];
    let mut fl = 1;
    if a.len() > 2 {
        let f = text(rt, a[2]);
        if f.chars().count() != 1 {
            return Err(rt.type_error(format_args!("The fill character must be exactly one character long")));
        }
        fl = f.len();
        fill[..fl].copy_from_slice(f.as_bytes());
    }
    let n = char_len(self_bytes(rt, s)) as isize;
    if width <= n {
        return Ok(s);
    }
    let total = (width - n) as usize;
    let (left, right) = match mode {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let mut out = GcVec::<u8>::new();
    for _ in 0..left {
        out.extend_from_slice(&fill[..fl]).or_mem(rt)?;
    }
    out.extend_from_slice(self_bytes(rt, s)).or_mem(rt)?;
    for _ in 0..right {
        out.extend_from_slice(&fill[..fl]).or_mem(rt)?;
    }
    new(rt, &out)
}
fn m_center(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    pad(rt, a, b'c')
}
fn m_ljust(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    pad(rt, a, b'l')
}
fn m_rjust(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    pad(rt, a, b'r')
}

fn m_zfill(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = a[0];
    let width = ops::to_index(rt, a.get(1).copied().unwrap_or(Value::NONE))?;
    let b = self_bytes(rt, s);
    let n = char_len(b) as isize;
    if width <= n {
        return Ok(s);
    }
    let mut out = GcVec::<u8>::new();
    let b = self_bytes(rt, s);
    let (sign, rest) = match b.first() {
        Some(&c) if c == b'+' || c == b'-' => (&b[..1], &b[1..]),
        _ => (&b[..0], b),
    };
    out.extend_from_slice(sign).or_mem(rt)?;
    for _ in 0..(width - n) {
        out.push(b'0').or_mem(rt)?;
    }
    let b = self_bytes(rt, s);
    out.extend_from_slice(&b[sign.len()..sign.len() + rest.len()]).or_mem(rt)?;
    new(rt, &out)
}

fn m_encode(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = a[0];
    let b = self_bytes(rt, s);
    crate::objects::bytes::new(rt, b)
}

fn m_splitlines(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let s = a[0];
    let keep = a.len() > 1 && ops::truthy(rt, a[1])?;
    let result = list::new(rt, 0)?;
    let n = self_bytes(rt, s).len();
    let mut i = 0;
    while i < n {
        let b = self_bytes(rt, s);
        let mut j = i;
        while j < n && b[j] != b'\n' && b[j] != b'\r' {
            j += 1;
        }
        let mut e = j;
        if j < n {
            e = if b[j] == b'\r' && j + 1 < n && b[j + 1] == b'\n' { j + 2 } else { j + 1 };
        }
        let v = sub(rt, s, i, if keep { e } else { j })?;
        list::append(rt, result, v)?;
        i = e;
    }
    Ok(result)
}

/// `str.format` (see `vm::format`).
fn m_format(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    crate::vm::format::str_format(rt, a, k)
}
