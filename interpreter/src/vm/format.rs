//! Formatting: the format-spec mini-language (`format()`, f-strings),
//! `str.format` with its replacement fields, and `%`-formatting, each
//! matching CPython 3.11's output and error messages.
//!
//! Numbers are laid out as CPython's `calc_number_widths` does:
//! `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`,
//! where zero padding (`0` flag, fill '0' with '=') is grouped like the
//! digits. Everything is built in GC vectors; nothing goes through Rust's
//! allocator, and every spec is parsed from a copy (a collection may move
//! nothing, but a user `__format__` may drop the last reference to a string).

use crate::objects::float::StackBuf;
use crate::objects::{float, int, kind, str as pstr, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::ops::{call_special, type_name};
use crate::vm::repr::{repr_into, str_into};
use crate::vm::{GcWriter, PResult, Rt};
use core::fmt::Write;
use upy_heap::GcVec;

type Buf = GcVec<u8>;

fn put(rt: &Rt, out: &mut Buf, s: &[u8]) -> PResult<()> {
    out.extend_from_slice(s).or_mem(rt)
}

fn put_fmt(rt: &Rt, out: &mut Buf, a: core::fmt::Arguments<'_>) -> PResult<()> {
    let mut w = GcWriter(out, false);
    if w.write_fmt(a).is_err() || w.1 {
        return Err(rt.memory_error());
    }
    Ok(())
}

fn put_char(rt: &Rt, out: &mut Buf, c: char, n: usize) -> PResult<()> {
    let mut b = [0u8; 4];
    let s = c.encode_utf8(&mut b).as_bytes();
    for _ in 0..n {
        out.extend_from_slice(s).or_mem(rt)?;
    }
    Ok(())
}

fn copy_of(rt: &Rt, v: Value) -> PResult<Buf> {
    let mut b = Buf::new();
    b.extend_from_slice(pstr::bytes_of(rt, v).unwrap_or(b"")).or_mem(rt)?;
    Ok(b)
}

// ---- the spec ------------------------------------------------------------------

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct Spec {
    fill: char,
    align: u8,
    sign: u8,
    z: bool,
    alt: bool,
    /// -1 when not given.
    width: isize,
    /// 0, b',' or b'_'.
    grouping: u8,
    /// -1 when not given.
    precision: isize,
    /// 0 when not given.
    ty: u32,
}

fn too_many_digits(rt: &Rt) -> Value {
    rt.value_error(format_args!("Too many decimal digits in format string"))
}

/// Reads decimal digits at `*i`; None when there are none.
fn number(rt: &Rt, c: &[char], i: &mut usize) -> PResult<Option<isize>> {
    let st = *i;
    let mut n: isize = 0;
    while *i < c.len() && c[*i].is_ascii_digit() {
        let d = c[*i] as isize - '0' as isize;
        n = n.checked_mul(10).and_then(|x| x.checked_add(d)).ok_or_else(|| too_many_digits(rt))?;
        *i += 1;
    }
    Ok(if *i == st { None } else { Some(n) })
}

fn parse_spec(rt: &Rt, s: &[u8], default_align: u8, default_ty: u32, tname: &str) -> PResult<Spec> {
    let text = core::str::from_utf8(s).unwrap_or("");
    let mut c: GcVec<char> = GcVec::new();
    for ch in text.chars() {
        c.push(ch).or_mem(rt)?;
    }
    let mut sp = Spec {
        fill: ' ',
        align: default_align,
        sign: 0,
        z: false,
        alt: false,
        width: -1,
        grouping: 0,
        precision: -1,
        ty: default_ty,
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    let mut i = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = c[0];
        sp.align = c[1] as u8;
        fill_given = true;
        align_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = c[0] as u8;
        align_given = true;
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = c[i] as u8;
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if !fill_given && i < c.len() && c[i] == '0' {
        sp.fill = '0';
        if !align_given && default_align == b'>' {
            sp.align = b'=';
        }
        i += 1;
    }
    if let Some(w) = number(rt, &c, &mut i)? {
        sp.width = w;
    }
    if i < c.len() && c[i] == ',' {
        sp.grouping = b',';
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if sp.grouping != 0 {
            return Err(rt.value_error(format_args!("Cannot specify both ',' and '_'.")));
        }
        sp.grouping = b'_';
        i += 1;
    }
    if i < c.len() && c[i] == ',' {
        if sp.grouping == b'_' {
            return Err(rt.value_error(format_args!("Cannot specify both ',' and '_'.")));
        }
        return Err(rt.value_error(format_args!("Cannot specify ',' with ','.")));
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        match number(rt, &c, &mut i)? {
            Some(p) => sp.precision = p,
            None => return Err(rt.value_error(format_args!("Format specifier missing precision"))),
        }
    }
    if c.len() - i > 1 {
        return Err(rt.value_error(format_args!("Invalid format specifier '{text}' for object of type '{tname}'")));
    }
    if i < c.len() {
        sp.ty = c[i] as u32;
    }
    if sp.grouping != 0 {
        let t = char::from_u32(sp.ty).unwrap_or('?');
        match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if sp.grouping == b'_' => {}
            _ => {
                let g = sp.grouping as char;
                return Err(rt.value_error(format_args!("Cannot specify '{g}' with '{t}'.")));
            }
        }
    }
    Ok(sp)
}

fn unknown_code(rt: &Rt, ty: u32, tname: &str) -> Value {
    if ty > 32 && ty < 128 {
        let c = ty as u8 as char;
        rt.value_error(format_args!("Unknown format code '{c}' for object of type '{tname}'"))
    } else {
        rt.value_error(format_args!("Unknown format code '\\x{ty:x}' for object of type '{tname}'"))
    }
}

// ---- number layout ---------------------------------------------------------------

/// Appends `digits` with a separator every `every` digits (none when `sep`
/// is 0), zero-padded on the left to `min_width` characters: CPython's
/// `_PyUnicode_InsertThousandsGrouping`.
fn grouped(rt: &Rt, out: &mut Buf, digits: &[u8], sep: u8, every: isize, min_width: isize) -> PResult<()> {
    // Built back to front, then reversed.
    let mut rev = Buf::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    let mut end = digits.len();
    let emit = |rev: &mut Buf, end: &mut usize, n_chars: isize, n_zeros: isize, with_sep: bool| -> PResult<()> {
        if with_sep {
            rev.push(sep).or_mem(rt)?;
        }
        for k in 0..n_chars as usize {
            rev.push(digits[*end - 1 - k]).or_mem(rt)?;
        }
        *end -= n_chars as usize;
        for _ in 0..n_zeros {
            rev.push(b'0').or_mem(rt)?;
        }
        Ok(())
    };
    if sep == 0 {
        let l = remaining.max(min_width).max(1);
        let n_zeros = (l - remaining).max(0);
        emit(&mut rev, &mut end, remaining, n_zeros, false)?;
    } else {
        let mut use_sep = false;
        loop {
            let l = every.min(remaining.max(min_width).max(1));
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            emit(&mut rev, &mut end, n_chars, n_zeros, use_sep)?;
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    }
    rev.reverse();
    put(rt, out, &rev)
}

/// One number's parts, laid out under a spec.
struct Num<'a> {
    neg: bool,
    prefix: &'a [u8],
    /// The integer digits (grouped and zero-padded).
    digits: &'a [u8],
    /// Decimal point and what follows (or an exponent, `%`, `inf`...).
    rest: &'a [u8],
    upper: bool,
}

fn layout(rt: &Rt, sp: &Spec, n: &Num<'_>, out: &mut Buf) -> PResult<()> {
    let sign: &[u8] = match (n.neg, sp.sign) {
        (true, _) => b"-",
        (false, b'+') => b"+",
        (false, b' ') => b" ",
        _ => b"",
    };
    let rest_chars = pstr::char_len(n.rest) as isize;
    let non_digit = sign.len() as isize + n.prefix.len() as isize + rest_chars;
    let min_width = if sp.fill == '0' && sp.align == b'=' { sp.width - non_digit } else { 0 };
    let (sep, every) = match sp.grouping {
        b',' => (b',', 3),
        b'_' if matches!(sp.ty, 0x62 | 0x6f | 0x78 | 0x58) => (b'_', 4),
        b'_' => (b'_', 3),
        _ => (0, 3),
    };
    let mut body = Buf::new();
    if !n.digits.is_empty() {
        grouped(rt, &mut body, n.digits, sep, every, min_width)?;
    }
    if n.upper {
        body.make_ascii_uppercase();
    }
    let used = non_digit + body.len() as isize;
    let padn = (sp.width - used).max(0) as usize;
    let (l, s, r) = match sp.align {
        b'<' => (0, 0, padn),
        b'^' => (padn / 2, 0, padn - padn / 2),
        b'=' => (0, padn, 0),
        _ => (padn, 0, 0),
    };
    put_char(rt, out, sp.fill, l)?;
    put(rt, out, sign)?;
    if n.upper {
        for &b in n.prefix {
            out.push(b.to_ascii_uppercase()).or_mem(rt)?;
        }
    } else {
        put(rt, out, n.prefix)?;
    }
    put_char(rt, out, sp.fill, s)?;
    put(rt, out, &body)?;
    put(rt, out, n.rest)?;
    put_char(rt, out, sp.fill, r)
}

/// Splits a formatted non-negative number into leading digits and the rest.
fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    let k = s.iter().position(|c| !c.is_ascii_digit()).unwrap_or(s.len());
    (&s[..k], &s[k..])
}

// ---- float text ------------------------------------------------------------------

/// How `float_text` writes a number: type `e`, `f`, `g` or `r` (repr),
/// `upper` for E/F/G, `alt` for `#`, `dot0` to keep a `.0` on integral
/// results (the no-type format).
#[derive(Clone, Copy)]
pub struct FloatFmt {
    pub ty: u8,
    pub prec: usize,
    pub alt: bool,
    pub dot0: bool,
    pub upper: bool,
}

/// CPython's `PyOS_double_to_string` for a non-negative `f` (or inf/nan).
pub fn float_text(rt: &Rt, f: f64, ff: FloatFmt, out: &mut Buf) -> PResult<()> {
    let FloatFmt { ty, prec, alt, dot0, upper } = ff;
    if f.is_nan() {
        return put(rt, out, if upper { b"NAN" } else { b"nan" });
    }
    if f.is_infinite() {
        return put(rt, out, if upper { b"INF" } else { b"inf" });
    }
    match ty {
        b'r' => {
            let mut b = StackBuf::<64>::new();
            float::repr(f, &mut b);
            put(rt, out, b.as_bytes())
        }
        b'f' => {
            put_fmt(rt, out, format_args!("{:.*}", prec, f))?;
            if alt && prec == 0 {
                put(rt, out, b".")?;
            }
            Ok(())
        }
        b'e' => {
            let mut t = Buf::new();
            put_fmt(rt, &mut t, format_args!("{:.*e}", prec, f))?;
            let epos = t.iter().position(|&c| c == b'e').unwrap_or(t.len());
            put(rt, out, &t[..epos])?;
            if alt && prec == 0 {
                put(rt, out, b".")?;
            }
            let exp = &t[(epos + 1).min(t.len())..];
            let (neg, digits) = if exp.first() == Some(&b'-') { (true, &exp[1..]) } else { (false, exp) };
            put(rt, out, if upper { b"E" } else { b"e" })?;
            put(rt, out, if neg { b"-" } else { b"+" })?;
            if digits.len() < 2 {
                put(rt, out, b"0")?;
            }
            put(rt, out, digits)
        }
        _ => {
            // 'g': fixed or exponent by the decimal exponent after rounding.
            let p = prec.max(1);
            let mut t = Buf::new();
            put_fmt(rt, &mut t, format_args!("{:.*e}", p - 1, f))?;
            let epos = t.iter().position(|&c| c == b'e').unwrap_or(t.len());
            let mut x: i64 = 0;
            let mut xneg = false;
            for &c in &t[(epos + 1).min(t.len())..] {
                if c == b'-' {
                    xneg = true;
                } else {
                    x = x * 10 + (c - b'0') as i64;
                }
            }
            if xneg {
                x = -x;
            }
            let mut body = Buf::new();
            let use_exp = x < -4 || x >= p as i64 - dot0 as i64;
            if use_exp {
                float_text(rt, f, FloatFmt { ty: b'e', prec: p - 1, dot0: false, ..ff }, &mut body)?;
            } else {
                let fp = (p as i64 - 1 - x).max(0) as usize;
                put_fmt(rt, &mut body, format_args!("{:.*}", fp, f))?;
                if alt && !body.contains(&b'.') {
                    put(rt, &mut body, b".")?;
                }
            }
            let e = body.iter().position(|&c| c == b'e' || c == b'E').unwrap_or(body.len());
            let mut m = e;
            if !alt && body[..e].contains(&b'.') {
                while m > 0 && body[m - 1] == b'0' {
                    m -= 1;
                }
                if m > 0 && body[m - 1] == b'.' {
                    m -= 1;
                }
            }
            put(rt, out, &body[..m])?;
            if dot0 && !use_exp && !body[..m].contains(&b'.') {
                put(rt, out, b".0")?;
            }
            put(rt, out, &body[e..])
        }
    }
}

/// True when a formatted magnitude reads as zero (for the `z` option).
fn reads_zero(s: &[u8]) -> bool {
    let e = s.iter().position(|&c| c == b'e' || c == b'E').unwrap_or(s.len());
    s[..e].iter().all(|&c| matches!(c, b'0' | b'.' | b'%'))
}

fn format_float(rt: &Rt, f: f64, sp: &Spec, tname: &str, out: &mut Buf) -> PResult<()> {
    let t = char::from_u32(sp.ty).unwrap_or('?');
    let (ty, upper, pct) = match t {
        '\0' => (if sp.precision < 0 { b'r' } else { b'g' }, false, false),
        'e' | 'f' | 'g' => (t as u8, false, false),
        'E' | 'F' | 'G' => (t.to_ascii_lowercase() as u8, true, false),
        'n' => (b'g', false, false),
        '%' => (b'f', false, true),
        _ => return Err(unknown_code(rt, sp.ty, tname)),
    };
    if sp.precision > i32::MAX as isize {
        return Err(rt.value_error(format_args!("precision too big")));
    }
    let prec = if sp.precision >= 0 {
        sp.precision as usize
    } else if t == '\0' {
        0
    } else {
        6
    };
    let v = if pct { f * 100.0 } else { f };
    let mut neg = v.is_sign_negative() && !v.is_nan();
    let mut body = Buf::new();
    float_text(rt, v.abs(), FloatFmt { ty, prec, alt: sp.alt, dot0: t == '\0', upper }, &mut body)?;
    if pct {
        put(rt, &mut body, b"%")?;
    }
    if sp.z && neg && reads_zero(&body) {
        neg = false;
    }
    let (digits, rest) = split_digits(&body);
    layout(rt, sp, &Num { neg, prefix: b"", digits, rest, upper: false }, out)
}

fn format_int(rt: &mut Rt, v: Value, sp: &Spec, tname: &str, out: &mut Buf) -> PResult<()> {
    let t = char::from_u32(sp.ty).unwrap_or('?');
    let iv = if v == Value::TRUE {
        Value::small_int(1).unwrap_or(v)
    } else if v == Value::FALSE {
        Value::small_int(0).unwrap_or(v)
    } else {
        v
    };
    match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = match int::to_f64(iv) {
                Some(f) => f,
                None => return Err(rt.overflow_error(format_args!("int too large to convert to float"))),
            };
            return format_float(rt, f, sp, tname, out);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' | '\0' => {}
        _ => return Err(unknown_code(rt, sp.ty, tname)),
    }
    if sp.precision >= 0 {
        return Err(rt.value_error(format_args!("Precision not allowed in integer format specifier")));
    }
    if sp.z {
        return Err(rt.value_error(format_args!("Negative zero coercion (z) not allowed in integer format specifier")));
    }
    if t == 'c' {
        if sp.sign != 0 {
            return Err(rt.value_error(format_args!("Sign not allowed with integer format specifier 'c'")));
        }
        if sp.alt {
            return Err(
                rt.value_error(format_args!("Alternate form (#) not allowed with integer format specifier 'c'"))
            );
        }
        let ch = match int::to_i64(iv) {
            Some(x) if (0..=0x10ffff).contains(&x) => x as u32,
            Some(_) => return Err(rt.overflow_error(format_args!("%c arg not in range(0x110000)"))),
            None => return Err(rt.overflow_error(format_args!("Python int too large to convert to C long"))),
        };
        let mut cb = [0u8; 4];
        // Lone surrogates have no UTF-8 form: U+FFFD stands in for them.
        let s = char::from_u32(ch).unwrap_or('\u{fffd}').encode_utf8(&mut cb).as_bytes();
        return layout(rt, sp, &Num { neg: false, prefix: b"", digits: b"", rest: s, upper: false }, out);
    }
    let (base, prefix): (u32, &[u8]) = match t {
        'b' => (2, b"0b"),
        'o' => (8, b"0o"),
        'x' | 'X' => (16, b"0x"),
        _ => (10, b""),
    };
    let neg = int::is_neg(iv);
    let mag = int::abs(rt, iv)?;
    let mut digits = Buf::new();
    int::to_str_radix(rt, mag, base, &mut digits)?;
    let prefix = if sp.alt { prefix } else { b"" };
    layout(rt, sp, &Num { neg, prefix, digits: &digits, rest: b"", upper: t == 'X' }, out)
}

fn format_str(rt: &Rt, s: &[u8], sp: &Spec, out: &mut Buf) -> PResult<()> {
    let t = char::from_u32(sp.ty).unwrap_or('?');
    if !matches!(t, 's' | '\0') {
        return Err(unknown_code(rt, sp.ty, "str"));
    }
    if sp.sign == b' ' {
        return Err(rt.value_error(format_args!("Space not allowed in string format specifier")));
    }
    if sp.sign != 0 {
        return Err(rt.value_error(format_args!("Sign not allowed in string format specifier")));
    }
    if sp.z {
        return Err(rt.value_error(format_args!("Negative zero coercion (z) not allowed in string format specifier")));
    }
    if sp.alt {
        return Err(rt.value_error(format_args!("Alternate form (#) not allowed in string format specifier")));
    }
    if sp.align == b'=' {
        return Err(rt.value_error(format_args!("'=' alignment not allowed in string format specifier")));
    }
    let end = if sp.precision >= 0 { pstr::char_offset(s, sp.precision as usize) } else { s.len() };
    let body = &s[..end];
    let n = pstr::char_len(body) as isize;
    let padn = (sp.width - n).max(0) as usize;
    let (l, r) = match sp.align {
        b'>' => (padn, 0),
        b'^' => (padn / 2, padn - padn / 2),
        _ => (0, padn),
    };
    put_char(rt, out, sp.fill, l)?;
    put(rt, out, body)?;
    put_char(rt, out, sp.fill, r)
}

/// Appends `format(v, spec)` (spec: the spec's text) to `out`.
pub fn format_into(rt: &mut Rt, v: Value, spec: &[u8], out: &mut Buf) -> PResult<()> {
    let k = kind(v);
    if k == Kind::Instance {
        if let Some(r) = call_special(rt, v, "__format__", &[pstr::new(rt, spec)?])? {
            if !pstr::is_str(r) {
                let tn = type_name(rt, r);
                return Err(rt.type_error(format_args!("__format__ must return a str, not {tn}")));
            }
            let b = copy_of(rt, r)?;
            return put(rt, out, &b);
        }
    }
    if spec.is_empty() {
        return str_into(rt, out, v);
    }
    match k {
        Kind::Str => {
            let s = copy_of(rt, v)?;
            let sp = parse_spec(rt, spec, b'<', 's' as u32, "str")?;
            format_str(rt, &s, &sp, out)
        }
        Kind::SmallInt | Kind::BigInt | Kind::Bool => {
            let tname = if k == Kind::Bool { "bool" } else { "int" };
            let sp = parse_spec(rt, spec, b'>', 'd' as u32, tname)?;
            format_int(rt, v, &sp, tname, out)
        }
        Kind::Float => {
            let sp = parse_spec(rt, spec, b'>', 0, "float")?;
            format_float(rt, float::get(v), &sp, "float", out)
        }
        _ => {
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("unsupported format string passed to {tn}.__format__")))
        }
    }
}

/// `format(v, spec)`.
pub fn format(rt: &mut Rt, v: Value, spec: Value) -> PResult<Value> {
    if !pstr::is_str(spec) {
        let tn = type_name(rt, spec);
        return Err(rt.type_error(format_args!("format() argument 2 must be str, not {tn}")));
    }
    let sb = copy_of(rt, spec)?;
    if sb.is_empty() && pstr::is_str(v) {
        return Ok(v);
    }
    let mut out = Buf::new();
    format_into(rt, v, &sb, &mut out)?;
    pstr::new(rt, &out)
}

/// Appends `ascii(v)`: `repr(v)` with non-ASCII characters escaped.
pub fn ascii_into(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    let mut r = Buf::new();
    repr_into(rt, &mut r, v)?;
    let text = core::str::from_utf8(&r).unwrap_or("");
    for ch in text.chars() {
        let c = ch as u32;
        if c < 0x80 {
            out.push(c as u8).or_mem(rt)?;
        } else if c < 0x100 {
            put_fmt(rt, out, format_args!("\\x{c:02x}"))?;
        } else if c < 0x10000 {
            put_fmt(rt, out, format_args!("\\u{c:04x}"))?;
        } else {
            put_fmt(rt, out, format_args!("\\U{c:08x}"))?;
        }
    }
    Ok(())
}

/// `ascii(v)`.
pub fn ascii(rt: &mut Rt, v: Value) -> PResult<Value> {
    let mut out = Buf::new();
    ascii_into(rt, &mut out, v)?;
    pstr::new(rt, &out)
}

// ---- str.format ------------------------------------------------------------------

/// Auto-numbering state of one `str.format` call.
struct Fields<'a> {
    args: &'a [Value],
    kw: &'a [Value],
    /// `format_map`'s mapping (names are looked up in it; no positional fields).
    map: Option<Value>,
    /// 0: not yet decided, 1: automatic, 2: manual.
    mode: u8,
    next: usize,
}

fn is_digits(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|c| c.is_ascii_digit())
}

fn parse_usize(s: &[u8]) -> usize {
    s.iter().fold(0usize, |a, &c| a.saturating_mul(10).saturating_add((c - b'0') as usize))
}

/// The object a field name (`0`, `name`, `0[1].attr`, ``) designates.
fn field_value(rt: &mut Rt, st: &mut Fields<'_>, name: &[u8]) -> PResult<Value> {
    let first_end = name.iter().position(|&c| c == b'.' || c == b'[').unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if let (Some(m), false) = (st.map, first.is_empty() || is_digits(first)) {
        let k = pstr::new(rt, first)?;
        crate::vm::subscr::getitem(rt, m, k)?
    } else if first.is_empty() || is_digits(first) {
        if st.map.is_some() {
            return Err(rt.value_error(format_args!("Format string contains positional fields")));
        }
        let idx = if first.is_empty() {
            if st.mode == 2 {
                return Err(rt.value_error(format_args!(
                    "cannot switch from manual field specification to automatic field numbering"
                )));
            }
            st.mode = 1;
            st.next += 1;
            st.next - 1
        } else {
            if st.mode == 1 {
                return Err(rt.value_error(format_args!(
                    "cannot switch from automatic field numbering to manual field specification"
                )));
            }
            st.mode = 2;
            parse_usize(first)
        };
        match st.args.get(idx) {
            Some(&v) => v,
            None => {
                return Err(
                    rt.index_error(format_args!("Replacement index {idx} out of range for positional args tuple"))
                )
            }
        }
    } else {
        let mut found = None;
        for pair in st.kw.chunks(2) {
            if pstr::bytes_of(rt, pair[0]) == Some(first) {
                found = Some(pair[1]);
            }
        }
        match found {
            Some(v) => v,
            None => {
                let k = pstr::new(rt, first)?;
                return Err(rt.key_error(k));
            }
        }
    };
    let mut i = first_end;
    while i < name.len() {
        if name[i] == b'.' {
            let st2 = i + 1;
            let mut j = st2;
            while j < name.len() && name[j] != b'.' && name[j] != b'[' {
                j += 1;
            }
            if j == st2 {
                return Err(rt.value_error(format_args!("Empty attribute in format string")));
            }
            let q = rt.intern(&name[st2..j])?;
            v = crate::vm::attr::getattr(rt, v, q)?;
            i = j;
        } else if name[i] == b'[' {
            let st2 = i + 1;
            let mut j = st2;
            while j < name.len() && name[j] != b']' {
                j += 1;
            }
            if j >= name.len() {
                return Err(rt.value_error(format_args!("Missing ']' in format field")));
            }
            let key = &name[st2..j];
            if key.is_empty() {
                return Err(rt.value_error(format_args!("Empty attribute in format string")));
            }
            let kv = if is_digits(key) { int::from_u64(rt, parse_usize(key) as u64)? } else { pstr::new(rt, key)? };
            v = crate::vm::subscr::getitem(rt, v, kv)?;
            i = j + 1;
            if i < name.len() && name[i] != b'.' && name[i] != b'[' {
                return Err(rt.value_error(format_args!("Only '.' or '[' may follow ']' in format field specifier")));
            }
        } else {
            return Err(rt.value_error(format_args!("Only '.' or '[' may follow ']' in format field specifier")));
        }
    }
    Ok(v)
}

/// Renders a format string (`str.format`'s template, or a nested spec).
fn render(rt: &mut Rt, st: &mut Fields<'_>, s: &[u8], depth: u32, out: &mut Buf) -> PResult<()> {
    if depth > 1 {
        return Err(rt.value_error(format_args!("Max string recursion exceeded")));
    }
    let n = s.len();
    let mut i = 0;
    while i < n {
        let c = s[i];
        if c == b'}' {
            if i + 1 < n && s[i + 1] == b'}' {
                out.push(b'}').or_mem(rt)?;
                i += 2;
                continue;
            }
            return Err(rt.value_error(format_args!("Single '}}' encountered in format string")));
        }
        if c != b'{' {
            out.push(c).or_mem(rt)?;
            i += 1;
            continue;
        }
        if i + 1 < n && s[i + 1] == b'{' {
            out.push(b'{').or_mem(rt)?;
            i += 2;
            continue;
        }
        if i + 1 >= n {
            return Err(rt.value_error(format_args!("Single '{{' encountered in format string")));
        }
        // The field name runs to '}', '!' or ':' (brackets may hold any of them).
        let err = |rt: &Rt, m: &str| rt.value_error(format_args!("{m}"));
        let start = i + 1;
        let mut j = start;
        while j < n && !matches!(s[j], b'}' | b'!' | b':') {
            if s[j] == b'{' {
                return Err(err(rt, "unexpected '{' in field name"));
            }
            if s[j] == b'[' {
                while j < n && s[j] != b']' {
                    j += 1;
                }
            }
            if j < n {
                j += 1;
            }
        }
        if j >= n {
            return Err(err(rt, "expected '}' before end of string"));
        }
        let name = &s[start..j];
        let mut conv = 0u8;
        if s[j] == b'!' {
            if j + 1 >= n {
                return Err(err(rt, "end of string while looking for conversion specifier"));
            }
            conv = s[j + 1];
            if j + 2 >= n {
                return Err(err(rt, "unmatched '{' in format spec"));
            }
            if !matches!(s[j + 2], b':' | b'}') {
                return Err(err(rt, "expected ':' after conversion specifier"));
            }
            j += 2;
        }
        let mut spec: &[u8] = b"";
        if s[j] == b':' {
            let sst = j + 1;
            let mut count = 1;
            j += 1;
            loop {
                if j >= n {
                    return Err(err(rt, "unmatched '{' in format spec"));
                }
                if s[j] == b'{' {
                    count += 1;
                } else if s[j] == b'}' {
                    count -= 1;
                    if count == 0 {
                        break;
                    }
                }
                j += 1;
            }
            spec = &s[sst..j];
        }
        let v = field_value(rt, st, name)?;
        let mut vs = Buf::new();
        let v = match conv {
            0 => v,
            b'r' => {
                repr_into(rt, &mut vs, v)?;
                pstr::new(rt, &vs)?
            }
            b's' => {
                str_into(rt, &mut vs, v)?;
                pstr::new(rt, &vs)?
            }
            b'a' => {
                ascii_into(rt, &mut vs, v)?;
                pstr::new(rt, &vs)?
            }
            other => {
                let ch = other as char;
                return Err(rt.value_error(format_args!("Unknown conversion specifier {ch}")));
            }
        };
        let mut spec_buf = Buf::new();
        if spec.contains(&b'{') {
            render(rt, st, spec, depth + 1, &mut spec_buf)?;
        } else {
            put(rt, &mut spec_buf, spec)?;
        }
        format_into(rt, v, &spec_buf, out)?;
        i = j + 1;
    }
    Ok(())
}

/// `template.format(*args, **kw)`; `a[0]` is the template.
pub fn str_format(rt: &mut Rt, a: &[Value], kw: &[Value]) -> PResult<Value> {
    let s = copy_of(rt, a[0])?;
    let mut st = Fields { args: &a[1..], kw, map: None, mode: 0, next: 0 };
    let mut out = Buf::new();
    render(rt, &mut st, &s, 0, &mut out)?;
    pstr::new(rt, &out)
}

/// `template.format_map(mapping)`.
pub fn str_format_map(rt: &mut Rt, a: &[Value], _kw: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("format_map() takes exactly one argument ({} given)", a.len() - 1)));
    }
    let s = copy_of(rt, a[0])?;
    let mut st = Fields { args: &[], kw: &[], map: Some(a[1]), mode: 0, next: 0 };
    let mut out = Buf::new();
    render(rt, &mut st, &s, 0, &mut out)?;
    pstr::new(rt, &out)
}

// ---- %-formatting ----------------------------------------------------------------

/// The flags of one `%` conversion.
#[derive(Default)]
struct PctFlags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: isize,
    prec: isize,
}

/// Pads `sign+prefix+body` to the width as `%` does.
fn pct_pad(
    rt: &Rt,
    fl: &PctFlags,
    sign: &[u8],
    prefix: &[u8],
    body: &[u8],
    zero_ok: bool,
    out: &mut Buf,
) -> PResult<()> {
    let len = (sign.len() + prefix.len() + pstr::char_len(body)) as isize;
    let padn = (fl.width - len).max(0) as usize;
    if fl.left {
        put(rt, out, sign)?;
        put(rt, out, prefix)?;
        put(rt, out, body)?;
        return put_char(rt, out, ' ', padn);
    }
    if fl.zero && zero_ok {
        put(rt, out, sign)?;
        put(rt, out, prefix)?;
        put_char(rt, out, '0', padn)?;
        return put(rt, out, body);
    }
    put_char(rt, out, ' ', padn)?;
    put(rt, out, sign)?;
    put(rt, out, prefix)?;
    put(rt, out, body)
}

fn pct_sign(fl: &PctFlags, neg: bool) -> &'static [u8] {
    if neg {
        b"-"
    } else if fl.plus {
        b"+"
    } else if fl.space {
        b" "
    } else {
        b""
    }
}

fn pct_number(rt: &mut Rt, conv: u8, a: Value, fl: &PctFlags, out: &mut Buf) -> PResult<()> {
    let iv = if int::is_int(a) {
        if a == Value::TRUE {
            Value::small_int(1).unwrap_or(a)
        } else if a == Value::FALSE {
            Value::small_int(0).unwrap_or(a)
        } else {
            a
        }
    } else if float::is_float(a) && matches!(conv, b'd' | b'i' | b'u') {
        let f = float::get(a);
        if f.is_nan() {
            return Err(rt.value_error(format_args!("cannot convert float NaN to integer")));
        }
        if f.is_infinite() {
            return Err(rt.overflow_error(format_args!("cannot convert float infinity to integer")));
        }
        int::from_f64(rt, f.trunc())?
    } else {
        let tn = type_name(rt, a);
        let c = conv as char;
        return Err(if matches!(conv, b'd' | b'i' | b'u') {
            rt.type_error(format_args!("%{c} format: a real number is required, not {tn}"))
        } else {
            rt.type_error(format_args!("%{c} format: an integer is required, not {tn}"))
        });
    };
    let (base, prefix): (u32, &[u8]) = match conv {
        b'x' => (16, b"0x"),
        b'X' => (16, b"0X"),
        b'o' => (8, b"0o"),
        _ => (10, b""),
    };
    let neg = int::is_neg(iv);
    let mag = int::abs(rt, iv)?;
    let mut digits = Buf::new();
    int::to_str_radix(rt, mag, base, &mut digits)?;
    if conv == b'X' {
        digits.make_ascii_uppercase();
    }
    let mut body = Buf::new();
    if fl.prec > digits.len() as isize {
        put_char(rt, &mut body, '0', fl.prec as usize - digits.len())?;
    }
    put(rt, &mut body, &digits)?;
    let prefix = if fl.alt { prefix } else { b"" };
    pct_pad(rt, fl, pct_sign(fl, neg), prefix, &body, true, out)
}

fn pct_float(rt: &mut Rt, conv: u8, a: Value, fl: &PctFlags, out: &mut Buf) -> PResult<()> {
    let f = if float::is_float(a) {
        float::get(a)
    } else if int::is_int(a) {
        match int::to_f64(if a == Value::TRUE || a == Value::FALSE {
            Value::small_int((a == Value::TRUE) as isize).unwrap_or(a)
        } else {
            a
        }) {
            Some(f) => f,
            None => return Err(rt.overflow_error(format_args!("int too large to convert to float"))),
        }
    } else {
        let tn = type_name(rt, a);
        return Err(rt.type_error(format_args!("must be real number, not {tn}")));
    };
    let prec = if fl.prec >= 0 { fl.prec as usize } else { 6 };
    let upper = conv.is_ascii_uppercase();
    let ty = conv.to_ascii_lowercase();
    let mut body = Buf::new();
    float_text(rt, f.abs(), FloatFmt { ty, prec, alt: fl.alt, dot0: false, upper }, &mut body)?;
    let neg = f.is_sign_negative() && !f.is_nan();
    pct_pad(rt, fl, pct_sign(fl, neg), b"", &body, true, out)
}

/// `fmt % args`.
pub fn percent_format(rt: &mut Rt, fmt: Value, args: Value) -> PResult<Value> {
    let s = copy_of(rt, fmt)?;
    let n = s.len();
    let mut out = Buf::new();
    // CPython's argument cursor: a tuple's items in turn, or one object
    // (index -2 before it is taken, -1 after); a `%(key)` conversion
    // re-aims it at the looked-up value.
    let is_tuple = tuple::is_tuple(args);
    let mapping = !is_tuple
        && matches!(kind(args), Kind::Dict | Kind::List | Kind::Bytes | Kind::ByteArray | Kind::Range | Kind::Array);
    let mut cur = args;
    let (mut arglen, mut argidx): (isize, isize) = if is_tuple { (tuple::len(args) as isize, 0) } else { (-1, -2) };
    let next_arg = |rt: &Rt, cur: Value, arglen: isize, argidx: &mut isize| -> PResult<Value> {
        if *argidx < arglen {
            *argidx += 1;
            return Ok(if arglen < 0 { cur } else { tuple::items(cur)[(*argidx - 1) as usize] });
        }
        Err(rt.type_error(format_args!("not enough arguments for format string")))
    };
    let mut i = 0;
    let mut char_index = 0usize;
    while i < n {
        let c = s[i];
        if c != b'%' {
            out.push(c).or_mem(rt)?;
            if c & 0xc0 != 0x80 {
                char_index += 1;
            }
            i += 1;
            continue;
        }
        i += 1;
        char_index += 1;
        if i >= n {
            return Err(rt.value_error(format_args!("incomplete format")));
        }
        if s[i] == b'(' {
            if !mapping {
                return Err(rt.type_error(format_args!("format requires a mapping")));
            }
            let mut depth = 1;
            let ks = i + 1;
            let mut j = ks;
            while j < n && depth > 0 {
                if s[j] == b'(' {
                    depth += 1;
                } else if s[j] == b')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(rt.value_error(format_args!("incomplete format key")));
            }
            let key = pstr::new(rt, &s[ks..j - 1])?;
            cur = crate::vm::subscr::getitem(rt, args, key)?;
            arglen = -1;
            argidx = -2;
            char_index += pstr::char_len(&s[i..j]);
            i = j;
        }
        let mut fl = PctFlags { prec: -1, ..Default::default() };
        while i < n && matches!(s[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            match s[i] {
                b'-' => fl.left = true,
                b'+' => fl.plus = true,
                b' ' => fl.space = true,
                b'#' => fl.alt = true,
                _ => fl.zero = true,
            }
            i += 1;
            char_index += 1;
        }
        if i < n && s[i] == b'*' {
            let w = next_arg(rt, cur, arglen, &mut argidx)?;
            if !int::is_int(w) {
                return Err(rt.type_error(format_args!("* wants int")));
            }
            let w = int::to_i64(w).unwrap_or(0) as isize;
            if w < 0 {
                fl.left = true;
            }
            fl.width = w.abs();
            i += 1;
            char_index += 1;
        } else {
            while i < n && s[i].is_ascii_digit() {
                fl.width = fl.width.saturating_mul(10).saturating_add((s[i] - b'0') as isize);
                i += 1;
                char_index += 1;
            }
        }
        if i < n && s[i] == b'.' {
            i += 1;
            char_index += 1;
            fl.prec = 0;
            if i < n && s[i] == b'*' {
                let p = next_arg(rt, cur, arglen, &mut argidx)?;
                if !int::is_int(p) {
                    return Err(rt.type_error(format_args!("* wants int")));
                }
                fl.prec = int::to_i64(p).unwrap_or(0).max(0) as isize;
                i += 1;
                char_index += 1;
            } else {
                while i < n && s[i].is_ascii_digit() {
                    fl.prec = fl.prec.saturating_mul(10).saturating_add((s[i] - b'0') as isize);
                    i += 1;
                    char_index += 1;
                }
            }
        }
        while i < n && matches!(s[i], b'h' | b'l' | b'L') {
            i += 1;
            char_index += 1;
        }
        if i >= n {
            return Err(rt.value_error(format_args!("incomplete format")));
        }
        let conv = s[i];
        i += 1;
        if conv == b'%' {
            out.push(b'%').or_mem(rt)?;
            continue;
        }
        let a = next_arg(rt, cur, arglen, &mut argidx)?;
        match conv {
            b's' | b'r' | b'a' => {
                let mut t = Buf::new();
                match conv {
                    b's' => str_into(rt, &mut t, a)?,
                    b'r' => repr_into(rt, &mut t, a)?,
                    _ => ascii_into(rt, &mut t, a)?,
                }
                let end = if fl.prec >= 0 { pstr::char_offset(&t, fl.prec as usize) } else { t.len() };
                pct_pad(rt, &fl, b"", b"", &t[..end], false, &mut out)?;
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => pct_number(rt, conv, a, &fl, &mut out)?,
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => pct_float(rt, conv, a, &fl, &mut out)?,
            b'c' => {
                let mut cb = [0u8; 4];
                let ch: &[u8] = if pstr::is_str(a) {
                    let b = copy_of(rt, a)?;
                    if pstr::char_len(&b) != 1 {
                        return Err(rt.type_error(format_args!("%c requires int or char")));
                    }
                    cb[..b.len()].copy_from_slice(&b);
                    &cb[..b.len()]
                } else if int::is_int(a) {
                    match int::to_i64(a) {
                        Some(x) if (0..=0x10ffff).contains(&x) => {
                            char::from_u32(x as u32).unwrap_or('\u{fffd}').encode_utf8(&mut cb).as_bytes()
                        }
                        _ => return Err(rt.overflow_error(format_args!("%c arg not in range(0x110000)"))),
                    }
                } else {
                    return Err(rt.type_error(format_args!("%c requires int or char")));
                };
                pct_pad(rt, &fl, b"", b"", ch, false, &mut out)?;
            }
            other => {
                let at = char_index;
                let (shown, code) = if other < 0x80 {
                    (other as char, other as u32)
                } else {
                    let rest = core::str::from_utf8(&s[i - 1..]).unwrap_or("?");
                    let ch = rest.chars().next().unwrap_or('?');
                    (ch, ch as u32)
                };
                return Err(
                    rt.value_error(format_args!("unsupported format character '{shown}' (0x{code:x}) at index {at}"))
                );
            }
        }
        char_index += 1;
    }
    if argidx < arglen && !mapping {
        return Err(rt.type_error(format_args!("not all arguments converted during string formatting")));
    }
    pstr::new(rt, &out)
}
