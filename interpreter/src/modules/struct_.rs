//! `struct`: pack, unpack, calcsize, iter_unpack, pack_into, unpack_from.
//!
//! A format is an optional byte-order character (`@` native order, sizes
//! and alignment; `=` native order, standard sizes; `<` little-endian; `>`
//! and `!` big-endian) and items of an optional count and a code. `@` lays
//! items out as the C compiler of this target would (so `l`, `n`, `P` and
//! the alignment of `q`/`d` differ between i686 and x86-64); the others use
//! the standard sizes and no padding. Errors are `struct.error`, a class
//! made when the module is imported and kept in its dict (found again
//! through `sys.modules`), with CPython's messages.

use super::ModuleDef;
use crate::objects::class as cls;
use crate::objects::{
    bytearray, bytes, dict, exception, float, int, kind, list, module, str as pstr, tuple, Kind, OrMem,
};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt, SLOT_MODULES};
use upy_heap::GcVec;

pub static DEF: ModuleDef = ModuleDef { name: "struct", init };

crate::methods! { FNS:
    PACK = "pack", pack, Static;
    UNPACK = "unpack", unpack, Static;
    CALCSIZE = "calcsize", calcsize, Static;
    ITER_UNPACK = "iter_unpack", iter_unpack, Static;
    PACK_INTO = "pack_into", pack_into, Static;
    UNPACK_FROM = "unpack_from", unpack_from, Static;
    STRUCT = "Struct", new_struct, Static;
}

crate::methods! { STRUCT_METHODS:
    S_PACK = "pack", s_pack, Method;
    S_UNPACK = "unpack", s_unpack, Method;
    S_PACK_INTO = "pack_into", s_pack_into, Method;
    S_UNPACK_FROM = "unpack_from", s_unpack_from, Method;
    S_ITER_UNPACK = "iter_unpack", s_iter_unpack, Method;
}

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    let name = rt.intern(b"error")?;
    let bases = tuple::new(rt, &[cls::EXCEPTION_CLASS.value()])?;
    let ns = dict::new(rt)?;
    let m = pstr::from_str(rt, "struct")?;
    super::set(rt, ns, "__module__", m)?;
    let c = cls::new_class(rt, name, bases, ns, &cls::EXCEPTION_CLASS)?;
    let mro = tuple::new(
        rt,
        &[c, cls::EXCEPTION_CLASS.value(), cls::BASE_EXCEPTION_CLASS.value(), cls::OBJECT_CLASS.value()],
    )?;
    cls::set_mro(c, mro);
    super::set(rt, d, "error", c)?;
    // The class of `Struct(format)` objects (made by the `Struct` function).
    let name = rt.intern(b"Struct")?;
    let bases = tuple::new(rt, &[cls::OBJECT_CLASS.value()])?;
    let ns = dict::new(rt)?;
    let m = pstr::from_str(rt, "struct")?;
    super::set(rt, ns, "__module__", m)?;
    for f in STRUCT_METHODS {
        super::set(rt, ns, f.name, f.value())?;
    }
    let c = cls::new_class(rt, name, bases, ns, &cls::OBJECT_CLASS)?;
    let mro = tuple::new(rt, &[c, cls::OBJECT_CLASS.value()])?;
    cls::set_mro(c, mro);
    super::set(rt, d, "_Struct", c)
}

/// A `struct.error` with a formatted message.
fn error(rt: &mut Rt, args: core::fmt::Arguments<'_>) -> Value {
    let msg = rt.error(&cls::VALUE_ERROR_CLASS, args);
    let r = (|| {
        let q = rt.intern(b"struct")?;
        let mods = rt.st.runtime[SLOT_MODULES];
        let Some(m) = dict::get(rt, mods, Value::qstr(q))? else { return Ok(None) };
        if kind(m) != Kind::Module {
            return Ok(None);
        }
        let q = rt.intern(b"error")?;
        let c = dict::get_qstr(rt, module::parts(m).1, q)?;
        match c {
            Some(c) if cls::is_exception_class(c) => {
                let e = exception::new(rt, c, exception::args(msg))?;
                Ok(Some(e))
            }
            _ => Ok(None),
        }
    })();
    match r {
        Ok(Some(e)) => e,
        Ok(None) => msg,
        Err(e) => e,
    }
}

// ---- formats ----

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    NativeStd,
    Little,
    Big,
}

impl Order {
    fn little(self) -> bool {
        match self {
            Order::Native | Order::NativeStd => cfg!(target_endian = "little"),
            Order::Little => true,
            Order::Big => false,
        }
    }
}

/// One format item: code, count, and its byte offset.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format: the items, the total size and how many values it packs.
struct Layout {
    order: Order,
    items: GcVec<Item>,
    size: usize,
    nvalues: usize,
}

/// Size and alignment of `code` in `order`; None for a bad code.
fn size_align(order: Order, code: u8) -> Option<(usize, usize)> {
    use core::mem::{align_of, size_of};
    if order == Order::Native {
        return Some(match code {
            b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
            b'h' | b'H' => (2, align_of::<i16>()),
            b'i' | b'I' => (4, align_of::<i32>()),
            b'l' | b'L' => (size_of::<libc::c_long>(), align_of::<libc::c_long>()),
            b'q' | b'Q' => (8, align_of::<i64>()),
            b'n' | b'N' | b'P' => (size_of::<usize>(), align_of::<usize>()),
            b'e' => (2, align_of::<i16>()),
            b'f' => (4, align_of::<f32>()),
            b'd' => (8, align_of::<f64>()),
            _ => return None,
        });
    }
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    };
    Some((s, 1))
}

/// The format text, copied (a str's bytes may sit in the qstr pool, which
/// `rt` owns).
fn format_bytes(rt: &mut Rt, f: Value) -> PResult<GcVec<u8>> {
    let f = super::plain(rt, f)?;
    let src = if pstr::is_str(f) { pstr::bytes_of(rt, f) } else { bytes::data(f) };
    let mut v = GcVec::new();
    match src {
        Some(b) => v.extend_from_slice(b).or_mem(rt)?,
        None => {
            let tn = ops::type_name(rt, f);
            return Err(rt.type_error(format_args!("Struct() argument 1 must be a str or bytes object, not {tn}")));
        }
    }
    Ok(v)
}

fn parse(rt: &mut Rt, f: Value) -> PResult<Layout> {
    let fmt = format_bytes(rt, f)?;
    let s: &[u8] = &fmt;
    let (order, mut i) = match s.first() {
        Some(b'@') => (Order::Native, 1),
        Some(b'=') => (Order::NativeStd, 1),
        Some(b'<') => (Order::Little, 1),
        Some(b'>') | Some(b'!') => (Order::Big, 1),
        _ => (Order::Native, 0),
    };
    let mut items: GcVec<Item> = GcVec::new();
    let (mut size, mut nvalues) = (0usize, 0usize);
    while i < s.len() {
        let mut c = s[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            while i < s.len() && s[i].is_ascii_digit() {
                count = match count.checked_mul(10).and_then(|n| n.checked_add((s[i] - b'0') as usize)) {
                    Some(n) => n,
                    None => return Err(error(rt, format_args!("total struct size too long"))),
                };
                i += 1;
            }
            if i >= s.len() {
                return Err(error(rt, format_args!("repeat count given without format specifier")));
            }
            c = s[i];
            i += 1;
        }
        let Some((sz, al)) = size_align(order, c) else {
            return Err(error(rt, format_args!("bad char in struct format")));
        };
        size = size.div_ceil(al) * al;
        items.push(Item { code: c, count, offset: size }).or_mem(rt)?;
        let bytes = if c == b's' || c == b'p' { count } else { count.saturating_mul(sz) };
        size = match size.checked_add(bytes) {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return Err(error(rt, format_args!("total struct size too long"))),
        };
        nvalues += match c {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Layout { order, items, size, nvalues })
}

// ---- packing ----

fn put_uint(out: &mut [u8], v: u64, n: usize, little: bool) {
    for k in 0..n {
        let b = (v >> (8 * k)) as u8;
        if little {
            out[k] = b;
        } else {
            out[n - 1 - k] = b;
        }
    }
}

fn get_uint(b: &[u8], little: bool) -> u64 {
    let mut v = 0u64;
    for k in 0..b.len() {
        let byte = if little { b[k] } else { b[b.len() - 1 - k] };
        v |= (byte as u64) << (8 * k);
    }
    v
}

/// An int argument (an int, bool or `__index__`), or struct.error.
fn int_arg(rt: &mut Rt, v: Value) -> PResult<Value> {
    let v = super::plain(rt, v)?;
    if int::is_int(v) {
        return Ok(if v == Value::TRUE {
            Value::small_int(1).unwrap_or(v)
        } else if v == Value::FALSE {
            Value::small_int(0).unwrap_or(v)
        } else {
            v
        });
    }
    if kind(v) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, v, "__index__", &[])? {
            if int::is_int(r) {
                return Ok(r);
            }
        }
    }
    Err(error(rt, format_args!("required argument is not an integer")))
}

/// The bits of an integer item of `size` bytes, range-checked as CPython.
fn int_bits(rt: &mut Rt, code: u8, size: usize, v: Value) -> PResult<u64> {
    let v = int_arg(rt, v)?;
    let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n' | b'B' | b'H');
    if signed {
        let Some(x) = int::to_i64(v) else {
            return Err(error(rt, format_args!("argument out of range")));
        };
        let (lo, hi) = if code.is_ascii_uppercase() {
            (0i64, (1i64 << (8 * size)) - 1)
        } else if size < 8 {
            (-(1i64 << (8 * size - 1)), (1i64 << (8 * size - 1)) - 1)
        } else {
            (i64::MIN, i64::MAX)
        };
        if x < lo || x > hi {
            return Err(match code {
                b'b' => error(rt, format_args!("byte format requires -128 <= number <= 127")),
                b'B' => error(rt, format_args!("ubyte format requires 0 <= number <= 255")),
                b'h' => error(rt, format_args!("short format requires -32768 <= number <= 32767")),
                b'H' => error(rt, format_args!("ushort format requires 0 <= number <= 65535")),
                c => error(rt, format_args!("'{}' format requires {lo} <= number <= {hi}", c as char)),
            });
        }
        return Ok(x as u64);
    }
    if int::is_neg(v) {
        return Err(error(rt, format_args!("argument out of range")));
    }
    let x = match int::to_i64(v) {
        Some(x) => x as u64,
        None => {
            let mut b = [0; 2];
            let r = int::view(v, &mut b);
            if r.mag.len() > 2 {
                return Err(error(rt, format_args!("argument out of range")));
            }
            r.mag.first().copied().unwrap_or(0) as u64 | ((r.mag.get(1).copied().unwrap_or(0) as u64) << 32)
        }
    };
    if size < 8 && x > (1u64 << (8 * size)) - 1 {
        let hi = (1u64 << (8 * size)) - 1;
        return Err(error(rt, format_args!("'{}' format requires 0 <= number <= {hi}", code as char)));
    }
    Ok(x)
}

fn float_arg(rt: &mut Rt, v: Value) -> PResult<f64> {
    if float::is_float(v) || int::is_int(v) || kind(v) == Kind::Instance {
        return super::math::to_f(rt, v);
    }
    Err(error(rt, format_args!("required argument is not a float")))
}

/// IEEE binary16 bits of `x`, rounded half to even; None on overflow.
fn f16_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a < libm::ldexp(1.0, -14) {
        return Some(sign | (a * libm::ldexp(1.0, 24)).round_ties_even() as u16);
    }
    let (m, e) = libm::frexp(a);
    let mut exp = e - 1 + 15;
    let mut mant = ((2.0 * m - 1.0) * 1024.0).round_ties_even() as u16;
    if mant == 1024 {
        mant = 0;
        exp += 1;
    }
    if exp >= 31 {
        return None;
    }
    Some(sign | ((exp as u16) << 10) | mant)
}

fn f16_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => libm::ldexp(m, -24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => libm::ldexp(1.0 + m / 1024.0, e - 15),
    }
}

fn bytes_arg(v: Value) -> Option<&'static [u8]> {
    if let Some(b) = bytes::data(v) {
        return Some(b);
    }
    if bytearray::is_bytearray(v) {
        return Some(bytearray::data(v));
    }
    None
}

/// Packs `vals` by `lay` into `out` (already zeroed, `lay.size` long).
fn pack_values(rt: &mut Rt, lay: &Layout, vals: &[Value], out: &mut [u8]) -> PResult<()> {
    let little = lay.order.little();
    let mut vi = 0;
    for it in lay.items.iter() {
        let (sz, _) = size_align(lay.order, it.code).unwrap_or((1, 1));
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = super::plain(rt, vals[vi])?;
                vi += 1;
                let Some(data) = bytes_arg(v) else {
                    return Err(error(rt, format_args!("argument for '{}' must be a bytes object", it.code as char)));
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            code => {
                for k in 0..it.count {
                    let v = super::plain(rt, vals[vi])?;
                    vi += 1;
                    let at = it.offset + k * sz;
                    let dst = &mut out[at..at + sz];
                    match code {
                        b'c' => match bytes_arg(v) {
                            Some(b) if b.len() == 1 && !bytearray::is_bytearray(v) => dst[0] = b[0],
                            _ => {
                                return Err(error(rt, format_args!("char format requires a bytes object of length 1")))
                            }
                        },
                        b'?' => dst[0] = ops::truthy(rt, v)? as u8,
                        b'e' => {
                            let f = float_arg(rt, v)?;
                            let Some(h) = f16_bits(f) else {
                                return Err(rt.overflow_error(format_args!("float too large to pack with e format")));
                            };
                            put_uint(dst, h as u64, 2, little);
                        }
                        b'f' => {
                            let f = float_arg(rt, v)?;
                            let x = f as f32;
                            if x.is_infinite() && f.is_finite() {
                                return Err(rt.overflow_error(format_args!("float too large to pack with f format")));
                            }
                            put_uint(dst, x.to_bits() as u64, 4, little);
                        }
                        b'd' => {
                            let f = float_arg(rt, v)?;
                            put_uint(dst, f.to_bits(), 8, little);
                        }
                        _ => {
                            let bits = int_bits(rt, code, sz, v)?;
                            put_uint(dst, bits, sz, little);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// `n` zero bytes in a GC buffer.
fn zeros(rt: &Rt, n: usize) -> PResult<GcVec<u8>> {
    let mut v: GcVec<u8> = GcVec::with_capacity(n).or_mem(rt)?;
    while v.len() < n {
        let k = (n - v.len()).min(256);
        v.extend_from_slice(&[0u8; 256][..k]).or_mem(rt)?;
    }
    Ok(v)
}

fn check_count(rt: &mut Rt, lay: &Layout, got: usize, what: &str) -> PResult<()> {
    if got != lay.nvalues {
        return Err(error(rt, format_args!("{what} expected {} items for packing (got {got})", lay.nvalues)));
    }
    Ok(())
}

fn pack(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() {
        return Err(rt.type_error(format_args!("missing format argument")));
    }
    let lay = parse(rt, a[0])?;
    check_count(rt, &lay, a.len() - 1, "pack")?;
    let mut out = zeros(rt, lay.size)?;
    pack_values(rt, &lay, &a[1..], &mut out)?;
    bytes::new(rt, &out)
}

/// A buffer offset, negative counting from the end, as CPython checks it.
fn offset(rt: &mut Rt, off: Value, buflen: usize, need: usize, what: &str) -> PResult<usize> {
    let o = ops::to_index(rt, off)?;
    let start = if o < 0 {
        if o.unsigned_abs() > buflen {
            return Err(error(rt, format_args!("offset {o} out of range for {buflen}-byte buffer")));
        }
        buflen - o.unsigned_abs()
    } else {
        o as usize
    };
    if buflen < need || start > buflen - need {
        let (verb, dir) = if what == "pack_into" { ("packing", "pack_into") } else { ("unpacking", "unpack_from") };
        if o < 0 {
            return Err(error(
                rt,
                format_args!("not enough data to {} {need} bytes at offset {o}", &verb[..verb.len() - 3]),
            ));
        }
        return Err(error(
            rt,
            format_args!(
                "{dir} requires a buffer of at least {} bytes for {verb} {need} bytes at offset {o} (actual buffer size is {buflen})",
                need + start
            ),
        ));
    }
    Ok(start)
}

fn pack_into(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 3 {
        return Err(rt.type_error(format_args!("pack_into expected buffer argument")));
    }
    let lay = parse(rt, a[0])?;
    check_count(rt, &lay, a.len() - 3, "pack_into")?;
    if !bytearray::is_bytearray(a[1]) {
        let tn = ops::type_name(rt, a[1]);
        return Err(rt.type_error(format_args!("argument must be read-write bytes-like object, not {tn}")));
    }
    let buflen = bytearray::data(a[1]).len();
    let start = offset(rt, a[2], buflen, lay.size, "pack_into")?;
    let mut out = zeros(rt, lay.size)?;
    pack_values(rt, &lay, &a[3..], &mut out)?;
    let buf = bytearray::data(a[1]);
    if start + out.len() <= buf.len() {
        buf[start..start + out.len()].copy_from_slice(&out);
    }
    Ok(Value::NONE)
}

// ---- unpacking ----

fn unpack_values(rt: &mut Rt, lay: &Layout, data: &[u8]) -> PResult<Value> {
    let little = lay.order.little();
    let t = tuple::new_uninit(rt, lay.nvalues)?;
    let mut vi = 0;
    for it in lay.items.iter() {
        let (sz, _) = size_align(lay.order, it.code).unwrap_or((1, 1));
        let mut put = |v: Value| {
            tuple::set(t, vi, v);
            vi += 1;
        };
        match it.code {
            b'x' => {}
            b's' => put(bytes::new(rt, &data[it.offset..it.offset + it.count])?),
            b'p' => {
                let src = &data[it.offset..it.offset + it.count];
                let n = if it.count == 0 { 0 } else { (src[0] as usize).min(it.count - 1) };
                let b = if it.count == 0 { &src[..0] } else { &src[1..1 + n] };
                put(bytes::new(rt, b)?)
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * sz;
                    let b = &data[at..at + sz];
                    let u = get_uint(b, little);
                    let v = match code {
                        b'c' => bytes::new(rt, b)?,
                        b'?' => {
                            if u != 0 {
                                Value::TRUE
                            } else {
                                Value::FALSE
                            }
                        }
                        b'e' => float::new(rt, f16_value(u as u16))?,
                        b'f' => float::new(rt, f32::from_bits(u as u32) as f64)?,
                        b'd' => float::new(rt, f64::from_bits(u))?,
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let sh = 64 - 8 * sz as u32;
                            int::from_i64(rt, ((u << sh) as i64) >> sh)?
                        }
                        _ => int::from_u64(rt, u)?,
                    };
                    put(v);
                }
            }
        }
    }
    Ok(t)
}

fn buffer_arg(rt: &mut Rt, v: Value) -> PResult<&'static [u8]> {
    let v = super::plain(rt, v)?;
    match bytes_arg(v) {
        Some(b) => Ok(b),
        None => {
            let tn = ops::type_name(rt, v);
            Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn unpack(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("unpack expected 2 arguments, got {}", a.len())));
    }
    let lay = parse(rt, a[0])?;
    let data = buffer_arg(rt, a[1])?;
    if data.len() != lay.size {
        return Err(error(rt, format_args!("unpack requires a buffer of {} bytes", lay.size)));
    }
    unpack_values(rt, &lay, data)
}

fn unpack_from(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE, Value::NONE, Value::small_int(0).unwrap_or(Value::NONE)];
    if a.is_empty() || a.len() > 3 {
        return Err(rt.type_error(format_args!("unpack_from expected 2 or 3 arguments, got {}", a.len())));
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "buffer" => v[1] = pair[1],
            "offset" => v[2] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("unpack_from() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let lay = parse(rt, v[0])?;
    let data = buffer_arg(rt, v[1])?;
    let start = offset(rt, v[2], data.len(), lay.size, "unpack_from")?;
    unpack_values(rt, &lay, &data[start..start + lay.size])
}

fn iter_unpack(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("iter_unpack expected 2 arguments, got {}", a.len())));
    }
    let lay = parse(rt, a[0])?;
    let data = buffer_arg(rt, a[1])?;
    if lay.size == 0 {
        return Err(error(rt, format_args!("cannot iteratively unpack with a struct of length 0")));
    }
    if data.len() % lay.size != 0 {
        return Err(error(
            rt,
            format_args!("iterative unpacking requires a buffer of a multiple of {} bytes", lay.size),
        ));
    }
    let l = list::new(rt, data.len() / lay.size)?;
    for chunk in data.chunks(lay.size) {
        let t = unpack_values(rt, &lay, chunk)?;
        list::append(rt, l, t)?;
    }
    ops::get_iter(rt, l)
}

fn calcsize(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("calcsize() takes exactly one argument ({} given)", a.len())));
    }
    let lay = parse(rt, a[0])?;
    int::from_u64(rt, lay.size as u64)
}

// ---- Struct objects ----

/// `Struct(format)`: an object of the module's `_Struct` class holding the
/// format (checked now) and its size.
fn new_struct(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut f = a.first().copied();
    for pair in k.chunks(2) {
        if pstr::text(rt, pair[0]) == "format" {
            f = Some(pair[1]);
        }
    }
    let Some(f) = f.filter(|_| a.len() <= 1) else {
        return Err(rt.type_error(format_args!("Struct() takes exactly 1 argument ({} given)", a.len())));
    };
    let lay = parse(rt, f)?;
    let c = super::structseq::class_in(rt, "struct", "_Struct")?;
    let o = crate::vm::classes::instantiate(rt, c, &[], &[])?;
    let fmt = if pstr::is_str(f) {
        f
    } else {
        let b = bytes::data(f).unwrap_or(b"");
        let mut v: GcVec<u8> = GcVec::new();
        v.extend_from_slice(b).or_mem(rt)?;
        pstr::new(rt, &v)?
    };
    let size = int::from_u64(rt, lay.size as u64)?;
    for (name, v) in [("format", fmt), ("size", size)] {
        let q = rt.intern(name.as_bytes())?;
        crate::vm::attr::setattr(rt, o, q, v)?;
    }
    Ok(o)
}

/// Calls module function `f` with the Struct's format in place of `self`.
fn with_format(rt: &mut Rt, a: &[Value], k: &[Value], f: crate::objects::builtin::BFn) -> PResult<Value> {
    let q = rt.intern(b"format")?;
    let fmt = crate::vm::attr::getattr(rt, a[0], q)?;
    let mut v: GcVec<Value> = GcVec::with_capacity(a.len()).or_mem(rt)?;
    v.push(fmt).or_mem(rt)?;
    v.extend_from_slice(&a[1..]).or_mem(rt)?;
    f(rt, &v, k)
}

fn s_pack(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    with_format(rt, a, k, pack)
}
fn s_unpack(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    with_format(rt, a, k, unpack)
}
fn s_pack_into(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    with_format(rt, a, k, pack_into)
}
fn s_unpack_from(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    with_format(rt, a, k, unpack_from)
}
fn s_iter_unpack(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    with_format(rt, a, k, iter_unpack)
}

#[cfg(test)]
mod tests {
    use super::{f16_bits, f16_value};

    #[test]
    fn half_floats_round_half_even() {
        assert_eq!(f16_bits(1.0), Some(0x3c00));
        assert_eq!(f16_bits(65504.0), Some(0x7bff));
        assert_eq!(f16_bits(65520.0), None);
        assert_eq!(f16_bits(-0.0), Some(0x8000));
        assert_eq!(f16_bits(5.960464477539063e-08), Some(1));
        assert_eq!(f16_bits(2.980232238769531e-08), Some(0));
        assert_eq!(f16_bits(1.0 + 1.0 / 2048.0), Some(0x3c00));
        for h in [0u16, 1, 0x3555, 0x7bff, 0x8001, 0xfbff] {
            assert_eq!(f16_bits(f16_value(h)), Some(h));
        }
    }
}
