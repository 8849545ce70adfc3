//! `float`: a boxed f64, immutable.
//!
//! Layout (the same as the compiler's const-float, which the runtime adopts):
//!   word 0  &FLOAT_TYPE (or &CONST_FLOAT_TYPE)
//!   then    the f64's bits as a u64 (at the next u64-aligned offset)
//!
//! `repr` is CPython's: the shortest string that round-trips, in fixed
//! notation for decimal exponents -4..16 and scientific otherwise. The digits
//! come from core's shortest-round-trip formatter, written into a stack
//! buffer (no allocation), and are rearranged here.

use crate::obj::TypeDesc;
use crate::objects::class::FLOAT_CLASS;
use crate::objects::{kind, new_obj, Kind};
use crate::value::Value;
use crate::vm::{PResult, Rt};

#[repr(C)]
struct FloatObj {
    ty: usize,
    bits: u64,
}

crate::rt_type!(FLOAT_TYPE, FLOAT_INFO, "float", b'F', &[], None, Float, FLOAT_CLASS);

crate::methods! { METHODS:
    IS_INTEGER = "is_integer", m_is_integer, Method;
    AS_INTEGER_RATIO = "as_integer_ratio", m_as_integer_ratio, Method;
    CONJUGATE = "conjugate", m_conjugate, Method;
    HEX = "hex", m_hex, Method;
    FROMHEX = "fromhex", m_fromhex, ClassMethod;
}

pub fn new(rt: &Rt, f: f64) -> PResult<Value> {
    new_obj(rt, FloatObj { ty: &FLOAT_TYPE as *const TypeDesc as usize, bits: f.to_bits() })
}

pub fn is_float(v: Value) -> bool {
    kind(v) == Kind::Float
}

/// The f64 of a float object (the caller checked the kind).
pub fn get(v: Value) -> f64 {
    // SAFETY: a float object: the FloatObj layout, immutable, alive while held.
    f64::from_bits(unsafe { (*(v.bits() as *const FloatObj)).bits })
}

/// A fixed buffer that `core::fmt` writes into (no allocation).
pub struct StackBuf<const N: usize> {
    pub buf: [u8; N],
    pub len: usize,
}

impl<const N: usize> StackBuf<N> {
    pub fn new() -> Self {
        StackBuf { buf: [0; N], len: 0 }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
    pub fn push(&mut self, b: u8) {
        if self.len < N {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }
    pub fn push_all(&mut self, s: &[u8]) {
        for &b in s {
            self.push(b);
        }
    }
}

impl<const N: usize> Default for StackBuf<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> core::fmt::Write for StackBuf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        if self.len + s.len() > N {
            return Err(core::fmt::Error);
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

/// CPython's `repr(f)`.
pub fn repr(f: f64, out: &mut StackBuf<64>) {
    use core::fmt::Write;
    if f.is_nan() {
        out.push_all(b"nan");
        return;
    }
    if f.is_infinite() {
        out.push_all(if f < 0.0 { b"-inf" } else { b"inf" });
        return;
    }
    let mut sci = StackBuf::<64>::new();
    let _ = write!(sci, "{:e}", f);
    let s = sci.as_bytes();
    let (neg, s) = if s[0] == b'-' { (true, &s[1..]) } else { (false, s) };
    let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    let mant = &s[..epos];
    let mut exp: i32 = 0;
    let mut eneg = false;
    for &c in &s[(epos + 1).min(s.len())..] {
        if c == b'-' {
            eneg = true;
        } else {
            exp = exp * 10 + (c - b'0') as i32;
        }
    }
    if eneg {
        exp = -exp;
    }
    let mut digits = [0u8; 32];
    let mut nd = 0;
    for &c in mant {
        if c.is_ascii_digit() && nd < 32 {
            digits[nd] = c;
            nd += 1;
        }
    }
    let digits = &digits[..nd];
    if neg {
        out.push(b'-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_all(b"0.");
            for _ in 0..(-exp - 1) {
                out.push(b'0');
            }
            out.push_all(digits);
        } else {
            let ip = exp as usize + 1;
            for i in 0..ip {
                out.push(if i < digits.len() { digits[i] } else { b'0' });
            }
            out.push(b'.');
            if digits.len() > ip {
                out.push_all(&digits[ip..]);
            } else {
                out.push(b'0');
            }
        }
    } else {
        out.push(digits[0]);
        if digits.len() > 1 {
            out.push(b'.');
            out.push_all(&digits[1..]);
        }
        out.push(b'e');
        out.push(if exp < 0 { b'-' } else { b'+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push(b'0');
        }
        let _ = write!(out, "{}", e);
    }
}

/// Parses text as `float()` does; None if it is not a float literal.
pub fn parse(s: &[u8]) -> Option<f64> {
    let s = crate::objects::int::trim_ws(s);
    if s.is_empty() || s.len() > 300 {
        return None;
    }
    let mut buf = [0u8; 300];
    let mut n = 0;
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0 && i + 1 < s.len() && s[i - 1].is_ascii_digit() && s[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
            continue;
        }
        buf[n] = c;
        n += 1;
    }
    let t = core::str::from_utf8(&buf[..n]).ok()?;
    let lower_ok = {
        let b = t.trim_start_matches(['+', '-']).as_bytes();
        b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") || b.eq_ignore_ascii_case(b"nan")
    };
    if !lower_ok && !t.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return None;
    }
    t.parse::<f64>().ok()
}

/// Python's floor division and modulo for floats (`b` non-zero).
pub fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(a / b)
    };
    (fd, m)
}

/// CPython's float hash: the value modulo the Mersenne prime 2^61 - 1 (x64)
/// or 2^31 - 1 (x86), so an integral float hashes as the equal int.
pub fn hash(f: f64) -> isize {
    hash_bits(f, if crate::objects::W == 8 { 61 } else { 31 }) as isize
}

/// The float hash for a modulus of 2^bits - 1 (61: CPython's on x64).
pub fn hash_bits(f: f64, bits: u32) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    let modulus: u64 = (1u64 << bits) - 1;
    let (mut m, mut e) = libm::frexp(f);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & modulus) | (x >> (bits - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let b = bits as i32;
    let e = if e >= 0 { e % b } else { b - 1 - ((-1 - e) % b) } as u32;
    x = ((x << e) & modulus) | (x >> (bits - e));
    let r = (x as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

fn m_is_integer(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let f = get(a[0]);
    Ok(if f.is_finite() && f.fract() == 0.0 { Value::TRUE } else { Value::FALSE })
}

fn m_conjugate(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(a[0])
}

fn m_as_integer_ratio(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let f = get(a[0]);
    if f.is_infinite() {
        return Err(rt.overflow_error(format_args!("cannot convert Infinity to integer ratio")));
    }
    if f.is_nan() {
        return Err(rt.value_error(format_args!("cannot convert NaN to integer ratio")));
    }
    let mut m = f;
    let mut e: i32 = 0;
    while m.fract() != 0.0 {
        m *= 2.0;
        e += 1;
    }
    let num = crate::objects::int::from_f64(rt, m)?;
    let one = Value::small_int(1).unwrap();
    let den = crate::objects::int::shl(rt, one, e as u64)?;
    // Reduce: m is an integer; divide out common factors of two.
    let (mut num, mut den) = (num, den);
    while !crate::objects::int::is_zero(num) && e > 0 {
        let two = Value::small_int(2).unwrap();
        let (q, r) = crate::objects::int::divmod(rt, num, two)?;
        if !crate::objects::int::is_zero(r) {
            break;
        }
        num = q;
        den = crate::objects::int::divmod(rt, den, two)?.0;
        e -= 1;
    }
    crate::objects::tuple::new(rt, &[num, den])
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` for normal numbers,
/// `0x0.<digits>p-1022` for subnormals, as CPython.
pub fn hex(f: f64, out: &mut StackBuf<64>) {
    use core::fmt::Write;
    if f.is_nan() {
        out.push_all(b"nan");
        return;
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f.is_infinite() {
        let _ = write!(out, "{sign}inf");
        return;
    }
    if f == 0.0 {
        let _ = write!(out, "{sign}0x0.0p+0");
        return;
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let _ = write!(out, "{sign}0x{lead}.{mant:013x}p{e:+}");
}

/// Why `fromhex` failed.
pub enum HexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`: CPython's grammar, rounded half-to-even to the
/// nearest double (subnormals included).
pub fn fromhex(s: &[u8]) -> Result<f64, HexError> {
    let s = crate::objects::int::trim_ws(s);
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = |w: &[u8], t: &[u8]| w.len() == t.len() && w.iter().zip(t).all(|(a, b)| a.to_ascii_lowercase() == *b);
    if lower(s, b"inf") || lower(s, b"infinity") {
        return Ok(sign * f64::INFINITY);
    }
    if lower(s, b"nan") {
        return Ok(f64::NAN);
    }
    let mut i = 0;
    if s.len() >= 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') {
        i = 2;
    }
    let hexval = |c: u8| (c as char).to_digit(16);
    let int_start = i;
    while i < s.len() && hexval(s[i]).is_some() {
        i += 1;
    }
    let int_digits = &s[int_start..i];
    let mut frac_digits: &[u8] = &[];
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let fs = i;
        while i < s.len() && hexval(s[i]).is_some() {
            i += 1;
        }
        frac_digits = &s[fs..i];
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < s.len() && (s[i] == b'p' || s[i] == b'P') {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let es = i;
        while i < s.len() && s[i].is_ascii_digit() {
            exp = (exp * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == es {
            return Err(HexError::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != s.len() {
        return Err(HexError::Invalid);
    }
    // The digits as one integer D (leading zeros dropped): value = D * 2^base.
    let all = |k: usize| if k < int_digits.len() { int_digits[k] } else { frac_digits[k - int_digits.len()] };
    let total = int_digits.len() + frac_digits.len();
    let mut first = 0;
    while first < total && all(first) == b'0' {
        first += 1;
    }
    if first == total {
        return Ok(sign * 0.0);
    }
    let n = total - first;
    let digit = |k: usize| hexval(all(first + k)).unwrap_or(0) as u64;
    // Bit `b` of D, counting from its least significant bit.
    let bit = |b: i64| -> u64 {
        if b < 0 || b >= 4 * n as i64 {
            return 0;
        }
        let d = digit(n - 1 - (b / 4) as usize);
        (d >> (b % 4)) & 1
    };
    let base = exp - 4 * frac_digits.len() as i64;
    let top = 64 - digit(0).leading_zeros() as i64 - 1;
    let k = 4 * (n as i64 - 1) + top + base;
    if k > 1100 {
        return Err(HexError::Overflow);
    }
    if k < -1200 {
        return Ok(sign * 0.0);
    }
    let lsb = (k - 52).max(-1074);
    let shift = lsb - base;
    let mut m: u64 = 0;
    for b in (shift.max(0)..=k - base).rev() {
        m = (m << 1) | bit(b);
    }
    if shift < 0 {
        m <<= -shift;
    } else if shift > 0 && bit(shift - 1) == 1 {
        let sticky = (0..shift - 1).any(|b| bit(b) == 1);
        if sticky || m & 1 == 1 {
            m += 1;
        }
    }
    let mut lsb = lsb;
    if m >= 1u64 << 53 {
        m >>= 1;
        lsb += 1;
    }
    let bits = if m >= 1u64 << 52 {
        let biased = lsb + 52 + 1023;
        if biased >= 2047 {
            return Err(HexError::Overflow);
        }
        ((biased as u64) << 52) | (m & ((1u64 << 52) - 1))
    } else {
        m
    };
    Ok(sign * f64::from_bits(bits))
}

fn m_hex(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("float.hex() takes no arguments ({} given)", a.len() - 1)));
    }
    let mut b = StackBuf::<64>::new();
    hex(get(a[0]), &mut b);
    crate::objects::str::new(rt, b.as_bytes())
}

fn m_fromhex(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("fromhex() takes exactly one argument ({} given)", a.len() - 1)));
    }
    let mut tmp = upy_heap::GcVec::<u8>::new();
    match crate::objects::str::bytes_of(rt, a[1]) {
        Some(b) => tmp.extend_from_slice(b).map_err(|_| rt.memory_error())?,
        None => return Err(rt.type_error(format_args!("bad argument type for built-in operation"))),
    }
    match fromhex(&tmp) {
        Ok(f) => new(rt, f),
        Err(HexError::Invalid) => Err(rt.value_error(format_args!("invalid hexadecimal floating-point string"))),
        Err(HexError::Overflow) => {
            Err(rt.overflow_error(format_args!("hexadecimal value too large to represent as a float")))
        }
    }
}
