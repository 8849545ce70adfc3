//! Text conversions: `repr`, `str`, `format` with the format-spec
//! mini-language, `%`-formatting, and the last line of a traceback.
//! Everything is built in GC vectors; nothing goes through Rust's allocator.

use crate::objects::float::StackBuf;
use crate::objects::{
    boundmeth, builtin, bytes, class, dict, exception, float, function, instance, int, iter, kind, list, range, set,
    slice, str as pstr, tuple, Kind, OrMem,
};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::ops::{call_special, to_index, type_name, type_of};
use crate::vm::{GcWriter, PResult, Rt};
use core::fmt::Write;
use upy_heap::GcVec;

type Buf = GcVec<u8>;

fn put(rt: &Rt, out: &mut Buf, s: &[u8]) -> PResult<()> {
    out.extend_from_slice(s).or_mem(rt)
}

fn put_fmt(rt: &Rt, out: &mut Buf, a: core::fmt::Arguments<'_>) -> PResult<()> {
    let mut w = GcWriter(out, false);
    if w.write_fmt(a).is_err() {
        return Err(rt.memory_error());
    }
    Ok(())
}

fn addr(rt: &Rt, out: &mut Buf, v: Value) -> PResult<()> {
    put_fmt(rt, out, format_args!(" at 0x{:x}>", v.bits()))
}

fn seq_into(rt: &mut Rt, out: &mut Buf, items_of: Value, open: &[u8], close: &[u8]) -> PResult<()> {
    put(rt, out, open)?;
    let n = if list::is_list(items_of) { list::len(items_of) } else { tuple::len(items_of) };
    let mut i = 0;
    while i < n {
        let cur = if list::is_list(items_of) {
            if i >= list::len(items_of) {
                break;
            }
            list::items(items_of)[i]
        } else {
            tuple::items(items_of)[i]
        };
        if i > 0 {
            put(rt, out, b", ")?;
        }
        repr_into(rt, out, cur)?;
        i += 1;
    }
    put(rt, out, close)
}

fn class_repr(rt: &Rt, out: &mut Buf, c: Value) -> PResult<()> {
    if class::is_heap_class(c) {
        let mut module: &[u8] = b"__main__";
        let d = class::get(c).dict;
        let modv = dict::get_qstr(rt, d, crate::qstr::q::__module__)?;
        if let Some(m) = modv {
            if let Some(b) = pstr::bytes_of(rt, m) {
                module = b;
            }
        }
        let mut tmp = Buf::new();
        tmp.extend_from_slice(module).or_mem(rt)?;
        put(rt, out, b"<class '")?;
        put(rt, out, &tmp)?;
        put(rt, out, b".")?;
        let n = class::name(rt, c);
        put(rt, out, n.as_bytes())?;
        put(rt, out, b"'>")
    } else {
        let n = class::name(rt, c);
        put_fmt(rt, out, format_args!("<class '{n}'>"))
    }
}

/// Appends `repr(v)` to `out`; a list, dict or set already being printed
/// further up shows as `[...]`, `{...}`.
pub fn repr_into(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    rt.check_stack()?;
    let k = kind(v);
    if matches!(k, Kind::List | Kind::Dict | Kind::Set | Kind::FrozenSet) {
        if rt.repr_active[..rt.repr_depth].contains(&v) {
            return put(rt, out, if k == Kind::List { b"[...]" } else { b"{...}" });
        }
        if rt.repr_depth < rt.repr_active.len() {
            let d = rt.repr_depth;
            rt.repr_active[d] = v;
            rt.repr_depth += 1;
            let r = repr_inner(rt, out, v);
            rt.repr_depth = d;
            rt.repr_active[d] = Value::NONE;
            return r;
        }
    }
    repr_inner(rt, out, v)
}

fn repr_inner(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    match kind(v) {
        Kind::None => put(rt, out, b"None"),
        Kind::Bool => put(rt, out, if v == Value::TRUE { b"True" } else { b"False" }),
        Kind::Ellipsis => put(rt, out, b"Ellipsis"),
        Kind::NotImplemented => put(rt, out, b"NotImplemented"),
        Kind::SmallInt | Kind::BigInt => int::to_str_radix(rt, v, 10, out),
        Kind::Float => {
            let mut b = StackBuf::<64>::new();
            float::repr(float::get(v), &mut b);
            put(rt, out, b.as_bytes())
        }
        Kind::Str => {
            let mut tmp = Buf::new();
            let s = pstr::bytes_of(rt, v).unwrap_or(b"");
            pstr::repr_into(rt, s, &mut tmp)?;
            put(rt, out, &tmp)
        }
        Kind::Bytes => bytes::repr_into(rt, bytes::data(v).unwrap_or(&[]), out),
        Kind::ByteArray => {
            let mut tmp = Buf::new();
            tmp.extend_from_slice(crate::objects::bytearray::data(v)).or_mem(rt)?;
            put(rt, out, b"bytearray(")?;
            bytes::repr_into(rt, &tmp, out)?;
            put(rt, out, b")")
        }
        Kind::Tuple => {
            if tuple::len(v) == 1 {
                put(rt, out, b"(")?;
                repr_into(rt, out, tuple::items(v)[0])?;
                put(rt, out, b",)")
            } else {
                seq_into(rt, out, v, b"(", b")")
            }
        }
        Kind::List => seq_into(rt, out, v, b"[", b"]"),
        Kind::Dict => {
            put(rt, out, b"{")?;
            let mut i = 0;
            let mut first = true;
            while i < dict::fill(v) {
                if let Some((k, x)) = dict::entry_at(v, i) {
                    if !first {
                        put(rt, out, b", ")?;
                    }
                    first = false;
                    repr_into(rt, out, k)?;
                    put(rt, out, b": ")?;
                    repr_into(rt, out, x)?;
                }
                i += 1;
            }
            put(rt, out, b"}")
        }
        Kind::Set | Kind::FrozenSet => {
            let frozen = kind(v) == Kind::FrozenSet;
            if dict::len(v) == 0 {
                return put(rt, out, if frozen { b"frozenset()" } else { b"set()" });
            }
            if frozen {
                put(rt, out, b"frozenset(")?;
            }
            put(rt, out, b"{")?;
            let mut i = 0;
            let mut first = true;
            while i < dict::fill(v) {
                if let Some(x) = set::item_at(v, i) {
                    if !first {
                        put(rt, out, b", ")?;
                    }
                    first = false;
                    repr_into(rt, out, x)?;
                }
                i += 1;
            }
            put(rt, out, b"}")?;
            if frozen {
                put(rt, out, b")")?;
            }
            Ok(())
        }
        Kind::Range => {
            let (a, b, s) = range::parts(v);
            if s == 1 {
                put_fmt(rt, out, format_args!("range({a}, {b})"))
            } else {
                put_fmt(rt, out, format_args!("range({a}, {b}, {s})"))
            }
        }
        Kind::Slice => {
            let (a, b, c) = slice::parts(v);
            put(rt, out, b"slice(")?;
            repr_into(rt, out, a)?;
            put(rt, out, b", ")?;
            repr_into(rt, out, b)?;
            put(rt, out, b", ")?;
            repr_into(rt, out, c)?;
            put(rt, out, b")")
        }
        Kind::Function => {
            let q = Qstr(function::code(v).header().qualname);
            let n = rt.st.qstr.str(q);
            put_fmt(rt, out, format_args!("<function {n}"))?;
            addr(rt, out, v)
        }
        Kind::Builtin => {
            let n = builtin::get(v).name;
            put_fmt(rt, out, format_args!("<built-in function {n}>"))
        }
        Kind::BoundMethod => {
            let (this, f) = boundmeth::parts(v);
            let fname = match kind(f) {
                Kind::Function => rt.st.qstr.str(Qstr(function::code(f).header().qualname)),
                Kind::Builtin => builtin::get(f).name,
                _ => "?",
            };
            let mut tmp = Buf::new();
            tmp.extend_from_slice(fname.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<bound method ")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" of ")?;
            repr_into(rt, out, this)?;
            put(rt, out, b">")
        }
        Kind::Class => class_repr(rt, out, v),
        Kind::Exception => {
            if let Some(r) = user_method(rt, v, "__repr__")? {
                return put_str(rt, out, r);
            }
            let c = exception::class_of(v);
            let n = class::name(rt, c);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, &tmp)?;
            let a = exception::args(v);
            if tuple::len(a) == 1 {
                put(rt, out, b"(")?;
                repr_into(rt, out, tuple::items(a)[0])?;
                put(rt, out, b")")
            } else {
                repr_into(rt, out, a)
            }
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__repr__", &[])? {
                return put_str(rt, out, r);
            }
            let c = type_of(rt, v);
            let n = class::name(rt, c);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<__main__.")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
        Kind::Iter if iter::is_view(v) => {
            let (d, _, _) = iter::parts(v);
            let name: &[u8] = match iter::sub(v) {
                iter::Sub::ViewKeys => b"dict_keys(",
                iter::Sub::ViewValues => b"dict_values(",
                _ => b"dict_items(",
            };
            put(rt, out, name)?;
            let it = crate::objects::iter::view_iter(rt, v)?;
            let l = crate::vm::ops::to_list(rt, it)?;
            let _ = d;
            repr_into(rt, out, l)?;
            put(rt, out, b")")
        }
        Kind::Generator => {
            let n = crate::objects::frame::gen_name(v);
            let t = pstr::text(rt, n);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(t.as_bytes()).or_mem(rt)?;
            put(
                rt,
                out,
                if crate::objects::frame::is_coroutine(v) { b"<coroutine object " } else { b"<generator object " },
            )?;
            put(rt, out, &tmp)?;
            addr(rt, out, v)
        }
        Kind::Property | Kind::StaticMethod | Kind::ClassMethod | Kind::Super | Kind::Cell | Kind::Iter => {
            let tn = type_name(rt, v);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(tn.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
        Kind::File => crate::objects::file::repr_into(rt, out, v),
        Kind::Module => {
            let n = pstr::text(rt, crate::objects::module::parts(v).0);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<module '")?;
            put(rt, out, &tmp)?;
            put(rt, out, b"' (built-in)>")
        }
        Kind::Complex | Kind::ConstComplex => {
            let (r, i) = crate::objects::complex::parts(v).unwrap_or((0.0, 0.0));
            let mut b = StackBuf::<128>::new();
            crate::objects::complex::repr(r, i, &mut b);
            put(rt, out, b.as_bytes())
        }
        Kind::Code | Kind::Traceback | Kind::Frame => {
            let tn = type_name(rt, v);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(tn.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
    }
}

/// A user-defined (non-built-in) method result, for exceptions' repr/str.
fn user_method(rt: &mut Rt, v: Value, name: &str) -> PResult<Option<Value>> {
    let cls = type_of(rt, v);
    if !class::is_heap_class(cls) {
        return Ok(None);
    }
    let q = match rt.st.qstr.find(name.as_bytes()) {
        Some(q) => q,
        None => return Ok(None),
    };
    match class::lookup(rt, cls, q)? {
        Some(f) if kind(f) == Kind::Function => Ok(Some(crate::vm::ops::call(rt, f, &[v], &[])?)),
        _ => Ok(None),
    }
}

fn put_str(rt: &mut Rt, out: &mut Buf, r: Value) -> PResult<()> {
    if !pstr::is_str(r) {
        let tn = type_name(rt, r);
        return Err(rt.type_error(format_args!("__repr__ returned non-string (type {tn})")));
    }
    let mut tmp = Buf::new();
    tmp.extend_from_slice(pstr::bytes_of(rt, r).unwrap_or(b"")).or_mem(rt)?;
    put(rt, out, &tmp)
}

pub fn repr(rt: &mut Rt, v: Value) -> PResult<Value> {
    let mut out = Buf::new();
    repr_into(rt, &mut out, v)?;
    pstr::new(rt, &out)
}

/// Appends `str(v)` to `out`.
pub fn str_into(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    match kind(v) {
        Kind::Str => {
            let mut tmp = Buf::new();
            tmp.extend_from_slice(pstr::bytes_of(rt, v).unwrap_or(b"")).or_mem(rt)?;
            put(rt, out, &tmp)
        }
        Kind::Exception => {
            if let Some(r) = user_method(rt, v, "__str__")? {
                return put_str(rt, out, r);
            }
            if let Some(r) = crate::objects::oserror::str_of(rt, v)? {
                return put_str(rt, out, r);
            }
            let a = exception::args(v);
            match tuple::len(a) {
                0 => Ok(()),
                1 if exception::matches(v, &class::KEY_ERROR_CLASS) => repr_into(rt, out, tuple::items(a)[0]),
                1 => str_into(rt, out, tuple::items(a)[0]),
                _ => repr_into(rt, out, a),
            }
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__str__", &[])? {
                if !pstr::is_str(r) {
                    let tn = type_name(rt, r);
                    return Err(rt.type_error(format_args!("__str__ returned non-string (type {tn})")));
                }
                return put_str(rt, out, r);
            }
            repr_into(rt, out, v)
        }
        _ => repr_into(rt, out, v),
    }
}

pub fn str(rt: &mut Rt, v: Value) -> PResult<Value> {
    if pstr::is_str(v) {
        return Ok(v);
    }
    let mut out = Buf::new();
    str_into(rt, &mut out, v)?;
    pstr::new(rt, &out)
}

/// "ValueError: message" (or just the name), for an uncaught exception.
pub fn exception_line(rt: &mut Rt, e: Value) -> PResult<Value> {
    let mut out = Buf::new();
    let c = type_of(rt, e);
    if class::is_heap_class(c) {
        put(rt, &mut out, b"__main__.")?;
    }
    let n = class::name(rt, c);
    let mut tmp = Buf::new();
    tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
    put(rt, &mut out, &tmp)?;
    let mut msg = Buf::new();
    str_into(rt, &mut msg, e)?;
    if !msg.is_empty() {
        put(rt, &mut out, b": ")?;
        put(rt, &mut out, &msg)?;
    }
    pstr::new(rt, &out)
}

// ---- format() ------------------------------------------------------------------

struct Spec {
    fill: char,
    align: u8,
    sign: u8,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: u8,
    precision: Option<usize>,
    ty: u8,
}

fn parse_spec(rt: &Rt, s: &str) -> PResult<Spec> {
    let mut sp =
        Spec { fill: ' ', align: 0, sign: 0, alt: false, zero: false, width: 0, grouping: 0, precision: None, ty: 0 };
    let chars: GcVec<char> = {
        let mut v = GcVec::new();
        for c in s.chars() {
            v.push(c).or_mem(rt)?;
        }
        v
    };
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        sp.fill = chars[0];
        sp.align = chars[1] as u8;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        sp.align = chars[0] as u8;
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        sp.sign = chars[i] as u8;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    while i < chars.len() && chars[i].is_ascii_digit() {
        sp.width = sp.width * 10 + chars[i] as usize - '0' as usize;
        i += 1;
    }
    if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
        sp.grouping = chars[i] as u8;
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let mut p = 0;
        let st = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            p = p * 10 + chars[i] as usize - '0' as usize;
            i += 1;
        }
        if i == st {
            return Err(rt.value_error(format_args!("Format specifier missing precision")));
        }
        sp.precision = Some(p);
    }
    if i < chars.len() {
        sp.ty = chars[i] as u8;
        i += 1;
    }
    if i < chars.len() {
        return Err(rt.value_error(format_args!("Invalid format specifier")));
    }
    Ok(sp)
}

fn group(rt: &Rt, digits: &[u8], sep: u8, every: usize) -> PResult<Buf> {
    let mut out = Buf::new();
    let n = digits.len();
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep).or_mem(rt)?;
        }
        out.push(d).or_mem(rt)?;
    }
    Ok(out)
}

/// Pads `body` (with `sign` in front) to the spec's width.
fn pad(rt: &Rt, sp: &Spec, sign: &[u8], body: &[u8], default_right: bool) -> PResult<Buf> {
    let mut out = Buf::new();
    let len = pstr::char_len(sign) + pstr::char_len(body);
    let mut align = sp.align;
    let mut fill = sp.fill;
    if align == 0 && sp.zero {
        align = b'=';
        fill = '0';
    }
    if align == 0 {
        align = if default_right { b'>' } else { b'<' };
    }
    let padn = sp.width.saturating_sub(len);
    let mut fb = [0u8; 4];
    let f = fill.encode_utf8(&mut fb).as_bytes();
    let (l, r) = match align {
        b'<' => (0, padn),
        b'^' => (padn / 2, padn - padn / 2),
        _ => (padn, 0),
    };
    if align == b'=' {
        out.extend_from_slice(sign).or_mem(rt)?;
        for _ in 0..padn {
            out.extend_from_slice(f).or_mem(rt)?;
        }
        out.extend_from_slice(body).or_mem(rt)?;
        return Ok(out);
    }
    for _ in 0..l {
        out.extend_from_slice(f).or_mem(rt)?;
    }
    out.extend_from_slice(sign).or_mem(rt)?;
    out.extend_from_slice(body).or_mem(rt)?;
    for _ in 0..r {
        out.extend_from_slice(f).or_mem(rt)?;
    }
    Ok(out)
}

fn sign_of(sp: &Spec, neg: bool) -> &'static [u8] {
    if neg {
        b"-"
    } else {
        match sp.sign {
            b'+' => b"+",
            b' ' => b" ",
            _ => b"",
        }
    }
}

/// Fixed or exponent text for `f` (non-negative) in `ty` f/e/g/%, appended.
fn float_body(rt: &Rt, f: f64, ty: u8, prec: Option<usize>, alt: bool, out: &mut Buf) -> PResult<()> {
    if f.is_nan() {
        return put(rt, out, if ty.is_ascii_uppercase() { b"NAN" } else { b"nan" });
    }
    if f.is_infinite() {
        return put(rt, out, if ty.is_ascii_uppercase() { b"INF" } else { b"inf" });
    }
    match ty {
        b'f' | b'F' | b'%' => {
            let p = prec.unwrap_or(6);
            let v = if ty == b'%' { f * 100.0 } else { f };
            put_fmt(rt, out, format_args!("{:.*}", p, v))?;
            if alt && p == 0 {
                put(rt, out, b".")?;
            }
            if ty == b'%' {
                put(rt, out, b"%")?;
            }
            Ok(())
        }
        b'e' | b'E' => {
            let p = prec.unwrap_or(6);
            let mut b = StackBuf::<128>::new();
            let _ = write!(b, "{:.*e}", p, f);
            let s = b.as_bytes();
            let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
            put(rt, out, &s[..epos])?;
            if alt && p == 0 {
                put(rt, out, b".")?;
            }
            let exp = &s[(epos + 1).min(s.len())..];
            let (neg, digits) = if exp.first() == Some(&b'-') { (true, &exp[1..]) } else { (false, exp) };
            put(rt, out, if ty == b'E' { b"E" } else { b"e" })?;
            put(rt, out, if neg { b"-" } else { b"+" })?;
            if digits.len() < 2 {
                put(rt, out, b"0")?;
            }
            put(rt, out, digits)
        }
        _ => {
            // 'g' / 'G' / none with precision.
            let p = prec.unwrap_or(6).max(1);
            if f == 0.0 {
                return put(rt, out, b"0");
            }
            let mut b = StackBuf::<128>::new();
            let _ = write!(b, "{:.*e}", p - 1, f);
            let s = b.as_bytes();
            let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
            let mut exp: i32 = 0;
            let mut neg = false;
            for &c in &s[(epos + 1).min(s.len())..] {
                if c == b'-' {
                    neg = true;
                } else {
                    exp = exp * 10 + (c - b'0') as i32;
                }
            }
            if neg {
                exp = -exp;
            }
            let mut tmp = Buf::new();
            if exp < -4 || exp >= p as i32 {
                float_body(rt, f, if ty == b'G' { b'E' } else { b'e' }, Some(p - 1), alt, &mut tmp)?;
                if !alt {
                    // Strip trailing zeros of the mantissa.
                    let e = tmp.iter().position(|&c| c == b'e' || c == b'E').unwrap_or(tmp.len());
                    let mut m = e;
                    if tmp[..e].contains(&b'.') {
                        while m > 0 && tmp[m - 1] == b'0' {
                            m -= 1;
                        }
                        if m > 0 && tmp[m - 1] == b'.' {
                            m -= 1;
                        }
                    }
                    put(rt, out, &tmp[..m])?;
                    return put(rt, out, &tmp[e..]);
                }
                return put(rt, out, &tmp);
            }
            let fp = (p as i32 - 1 - exp).max(0) as usize;
            put_fmt(rt, &mut tmp, format_args!("{:.*}", fp, f))?;
            let mut m = tmp.len();
            if !alt && tmp.contains(&b'.') {
                while m > 0 && tmp[m - 1] == b'0' {
                    m -= 1;
                }
                if m > 0 && tmp[m - 1] == b'.' {
                    m -= 1;
                }
            }
            put(rt, out, &tmp[..m])
        }
    }
}

fn apply_grouping(rt: &Rt, sp: &Spec, body: Buf) -> PResult<Buf> {
    if sp.grouping == 0 {
        return Ok(body);
    }
    let int_end = body.iter().position(|&c| !c.is_ascii_digit()).unwrap_or(body.len());
    let mut g = group(rt, &body[..int_end], sp.grouping, 3)?;
    g.extend_from_slice(&body[int_end..]).or_mem(rt)?;
    Ok(g)
}

/// `format(v, spec)`.
pub fn format(rt: &mut Rt, v: Value, spec: Value) -> PResult<Value> {
    if pstr::bytes_of(rt, spec).unwrap_or(b"").is_empty() {
        return str(rt, v);
    }
    if kind(v) == Kind::Instance {
        if let Some(r) = call_special(rt, v, "__format__", &[spec])? {
            return Ok(r);
        }
    }
    let sb = pstr::bytes_of(rt, spec).unwrap_or(b"");
    let mut sbuf = Buf::new();
    sbuf.extend_from_slice(sb).or_mem(rt)?;
    let sp = parse_spec(rt, core::str::from_utf8(&sbuf).unwrap_or(""))?;
    let k = kind(v);
    let is_int = matches!(k, Kind::SmallInt | Kind::BigInt | Kind::Bool);
    if is_int && matches!(sp.ty, 0 | b'd' | b'b' | b'o' | b'x' | b'X' | b'n' | b'c') {
        if sp.precision.is_some() {
            return Err(rt.value_error(format_args!("Precision not allowed in integer format specifier")));
        }
        let iv = if v == Value::TRUE {
            Value::small_int(1).unwrap()
        } else if v == Value::FALSE {
            Value::small_int(0).unwrap()
        } else {
            v
        };
        if sp.ty == b'c' {
            let c = to_index(rt, iv)?;
            let ch = char::from_u32(c as u32).unwrap_or('?');
            let mut cb = [0u8; 4];
            let out = pad(rt, &sp, b"", ch.encode_utf8(&mut cb).as_bytes(), false)?;
            return pstr::new(rt, &out);
        }
        let neg = int::is_neg(iv);
        let mag = int::abs(rt, iv)?;
        let (base, prefix): (u32, &[u8]) = match sp.ty {
            b'b' => (2, b"0b"),
            b'o' => (8, b"0o"),
            b'x' => (16, b"0x"),
            b'X' => (16, b"0X"),
            _ => (10, b""),
        };
        let mut digits = Buf::new();
        int::to_str_radix(rt, mag, base, &mut digits)?;
        if sp.ty == b'X' {
            digits.make_ascii_uppercase();
        }
        if sp.grouping != 0 {
            digits = group(rt, &digits, sp.grouping, if base == 10 { 3 } else { 4 })?;
        }
        let mut sign = Buf::new();
        sign.extend_from_slice(sign_of(&sp, neg)).or_mem(rt)?;
        if sp.alt {
            sign.extend_from_slice(prefix).or_mem(rt)?;
        }
        let out = pad(rt, &sp, &sign, &digits, true)?;
        return pstr::new(rt, &out);
    }
    let is_num = is_int || k == Kind::Float;
    if is_num && matches!(sp.ty, 0 | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%' | b'n') {
        let f = if k == Kind::Float {
            float::get(v)
        } else {
            match int::to_f64(if v == Value::TRUE {
                Value::small_int(1).unwrap()
            } else if v == Value::FALSE {
                Value::small_int(0).unwrap()
            } else {
                v
            }) {
                Some(f) => f,
                None => return Err(rt.overflow_error(format_args!("int too large to convert to float"))),
            }
        };
        let neg = f.is_sign_negative() && !f.is_nan();
        let mut body = Buf::new();
        if sp.ty == 0 && sp.precision.is_none() {
            let mut b = StackBuf::<64>::new();
            float::repr(f.abs(), &mut b);
            put(rt, &mut body, b.as_bytes())?;
        } else {
            let ty = if sp.ty == 0 || sp.ty == b'n' { b'g' } else { sp.ty };
            float_body(rt, f.abs(), ty, sp.precision, sp.alt, &mut body)?;
            if sp.ty == 0 && !body.iter().any(|&c| c == b'.' || c == b'e' || c == b'n' || c == b'i') {
                body.extend_from_slice(b".0").or_mem(rt)?;
            }
        }
        let body = apply_grouping(rt, &sp, body)?;
        let out = pad(rt, &sp, sign_of(&sp, neg), &body, true)?;
        return pstr::new(rt, &out);
    }
    if k == Kind::Str && matches!(sp.ty, 0 | b's') {
        if sp.sign != 0 {
            return Err(rt.value_error(format_args!("Sign not allowed in string format specifier")));
        }
        if sp.align == b'=' {
            return Err(rt.value_error(format_args!("'=' alignment not allowed in string format specifier")));
        }
        let s = pstr::bytes_of(rt, v).unwrap_or(b"");
        let end = match sp.precision {
            Some(p) => pstr::char_offset(s, p),
            None => s.len(),
        };
        let mut body = Buf::new();
        body.extend_from_slice(&s[..end]).or_mem(rt)?;
        let out = pad(rt, &sp, b"", &body, false)?;
        return pstr::new(rt, &out);
    }
    let tn = type_name(rt, v);
    if matches!(k, Kind::Str | Kind::SmallInt | Kind::BigInt | Kind::Bool | Kind::Float) {
        let c = sp.ty as char;
        return Err(rt.value_error(format_args!("Unknown format code '{c}' for object of type '{tn}'")));
    }
    Err(rt.type_error(format_args!("unsupported format string passed to {tn}.__format__")))
}

/// `fmt % args` for the common conversions (%s %r %d %i %f %e %g %x %o %c %%).
pub fn percent_format(rt: &mut Rt, fmt: Value, args: Value) -> PResult<Value> {
    let n = pstr::bytes_of(rt, fmt).unwrap_or(b"").len();
    let mut out = Buf::new();
    let (items_tuple, single) = if tuple::is_tuple(args) { (args, false) } else { (Value::NONE, true) };
    let nargs = if single { 1 } else { tuple::len(items_tuple) };
    let mut ai = 0;
    let mut i = 0;
    while i < n {
        let c = pstr::bytes_of(rt, fmt).unwrap_or(b"")[i];
        if c != b'%' {
            out.push(c).or_mem(rt)?;
            i += 1;
            continue;
        }
        i += 1;
        // Flags, width, precision.
        let mut spec = Buf::new();
        loop {
            let b = pstr::bytes_of(rt, fmt).unwrap_or(b"");
            if i >= n {
                return Err(rt.value_error(format_args!("incomplete format")));
            }
            let ch = b[i];
            if matches!(ch, b'-' | b'+' | b' ' | b'#' | b'0'..=b'9' | b'.') {
                spec.push(ch).or_mem(rt)?;
                i += 1;
            } else {
                break;
            }
        }
        let conv = pstr::bytes_of(rt, fmt).unwrap_or(b"")[i];
        i += 1;
        if conv == b'%' {
            out.push(b'%').or_mem(rt)?;
            continue;
        }
        if ai >= nargs {
            return Err(rt.type_error(format_args!("not enough arguments for format string")));
        }
        let a = if single { args } else { tuple::items(items_tuple)[ai] };
        ai += 1;
        // Translate printf flags to a format spec.
        let mut fs = Buf::new();
        let mut left = false;
        let mut zero = false;
        let mut plus = false;
        let mut k = 0;
        while k < spec.len() && matches!(spec[k], b'-' | b'+' | b' ' | b'#' | b'0') {
            match spec[k] {
                b'-' => left = true,
                b'+' => plus = true,
                b'0' => zero = true,
                _ => {}
            }
            k += 1;
        }
        if left {
            fs.push(b'<').or_mem(rt)?;
        } else if !zero {
            fs.push(b'>').or_mem(rt)?;
        }
        if plus {
            fs.push(b'+').or_mem(rt)?;
        }
        if zero && !left {
            fs.push(b'0').or_mem(rt)?;
        }
        fs.extend_from_slice(&spec[k..]).or_mem(rt)?;
        let t = match conv {
            b's' => {
                let s = str(rt, a)?;
                fs.push(b's').or_mem(rt)?;
                let spv = pstr::new(rt, &fs)?;
                format(rt, s, spv)?
            }
            b'r' | b'a' => {
                let s = repr(rt, a)?;
                let spv = pstr::new(rt, &fs)?;
                format(rt, s, spv)?
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' | b'c' => {
                let iv = if float::is_float(a) {
                    int::from_f64(rt, float::get(a).trunc())?
                } else if int::is_int(a) {
                    a
                } else {
                    let tn = type_name(rt, a);
                    return Err(
                        rt.type_error(format_args!("%{} format: a real number is required, not {tn}", conv as char))
                    );
                };
                let ty = if matches!(conv, b'i' | b'u') { b'd' } else { conv };
                fs.push(ty).or_mem(rt)?;
                let spv = pstr::new(rt, &fs)?;
                format(rt, iv, spv)?
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' => {
                if !float::is_float(a) && !int::is_int(a) {
                    let tn = type_name(rt, a);
                    return Err(rt.type_error(format_args!("must be real number, not {tn}")));
                }
                fs.push(conv).or_mem(rt)?;
                let spv = pstr::new(rt, &fs)?;
                format(rt, a, spv)?
            }
            _ => {
                return Err(rt.value_error(format_args!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    conv as char,
                    conv,
                    i - 1
                )))
            }
        };
        let tb = pstr::bytes_of(rt, t).unwrap_or(b"");
        let mut tmp = Buf::new();
        tmp.extend_from_slice(tb).or_mem(rt)?;
        out.extend_from_slice(&tmp).or_mem(rt)?;
    }
    if ai < nargs && !single {
        return Err(rt.type_error(format_args!("not all arguments converted during string formatting")));
    }
    let _ = instance::parts;
    pstr::new(rt, &out)
}
