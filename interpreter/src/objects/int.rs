//! `int`: small ints are immediate `Value`s (see `value.rs`); anything beyond
//! the small range is a big int, immutable, with its digits inline.
//!
//! Layout of a big int (the same as the compiler's const-int, which the
//! runtime adopts as a big int):
//!   word 0  &BIGINT_TYPE (or &CONST_INT_TYPE)
//!   1       sign: 0 = non-negative, 1 = negative
//!   2       n: number of 32-bit limbs
//!   3...    n u32 limbs, least significant first
//!
//! Invariant (canonical form): a big int's value never fits a small int, and
//! its top limb is non-zero, so equal ints have equal representations and
//! `small == big` is always false. Every operation goes through `make`, which
//! restores the form. Scratch magnitudes live in `GcVec<u32>` (GC blocks).

// Index loops here walk parallel arrays (limbs, slots) by position.
#![allow(clippy::needless_range_loop)]

use crate::obj::TypeDesc;
use crate::objects::class::INT_CLASS;
use crate::objects::{alloc, kind, Kind, OrMem, W};
use crate::value::Value;
use crate::vm::{PResult, Rt};
use core::cmp::Ordering;
use upy_heap::GcVec;

crate::rt_type!(BIGINT_TYPE, BIGINT_INFO, "int", b'I', &[], None, BigInt, INT_CLASS);

crate::methods! { METHODS:
    BIT_LENGTH = "bit_length", m_bit_length, Method;
    TO_BYTES = "to_bytes", m_to_bytes, Method;
    FROM_BYTES = "from_bytes", m_from_bytes, ClassMethod;
    CONJUGATE = "conjugate", m_conjugate, Method;
    BIT_COUNT = "bit_count", m_bit_count, Method;
    AS_INTEGER_RATIO = "as_integer_ratio", m_as_integer_ratio, Method;
}

/// `int.bit_count()`: ones in the magnitude's binary form.
fn m_bit_count(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut buf = [0; 2];
    let n: u64 = view(a[0], &mut buf).mag.iter().map(|d| d.count_ones() as u64).sum();
    from_u64(rt, n)
}

/// `int.as_integer_ratio()`: `(self, 1)`.
fn m_as_integer_ratio(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let v = if a[0] == Value::TRUE || a[0] == Value::FALSE {
        Value::small_int((a[0] == Value::TRUE) as isize).unwrap_or(Value::NONE)
    } else {
        a[0]
    };
    crate::objects::tuple::new(rt, &[v, Value::small_int(1).unwrap_or(Value::NONE)])
}

pub type Mag = GcVec<u32>;

/// A borrowed view of any int: sign and magnitude.
pub struct IntRef<'a> {
    pub neg: bool,
    pub mag: &'a [u32],
}

/// Stack room for a small int's magnitude.
pub type SmallBuf = [u32; 2];

pub fn is_int(v: Value) -> bool {
    v.is_small_int() || kind(v) == Kind::BigInt || v == Value::TRUE || v == Value::FALSE
}

/// Views `v` (an int or bool) as sign and magnitude.
pub fn view<'a>(v: Value, buf: &'a mut SmallBuf) -> IntRef<'a> {
    let small = if v == Value::TRUE {
        Some(1)
    } else if v == Value::FALSE {
        Some(0)
    } else {
        v.as_small_int()
    };
    if let Some(i) = small {
        let m = (i as i64).unsigned_abs();
        buf[0] = m as u32;
        buf[1] = (m >> 32) as u32;
        let n = if buf[1] != 0 {
            2
        } else if buf[0] != 0 {
            1
        } else {
            0
        };
        return IntRef { neg: i < 0, mag: &buf[..n] };
    }
    let p = v.bits() as *const usize;
    // SAFETY: a big int (kind checked by the caller): words 1 and 2 are sign
    // and count, then `n` u32 limbs; immutable and alive while `v` is held.
    unsafe {
        let neg = *p.add(1) != 0;
        let n = *p.add(2);
        IntRef { neg, mag: core::slice::from_raw_parts(p.add(3) as *const u32, n) }
    }
}

fn trim(m: &[u32]) -> &[u32] {
    let mut n = m.len();
    while n > 0 && m[n - 1] == 0 {
        n -= 1;
    }
    &m[..n]
}

/// Builds the canonical int for sign and magnitude.
pub fn make(rt: &Rt, neg: bool, mag: &[u32]) -> PResult<Value> {
    let m = trim(mag);
    if m.len() <= 2 {
        let u = m.first().copied().unwrap_or(0) as u64 | ((m.get(1).copied().unwrap_or(0) as u64) << 32);
        if u <= i64::MAX as u64 {
            let i = if neg { -(u as i64) } else { u as i64 };
            if let Ok(s) = isize::try_from(i) {
                if let Some(v) = Value::small_int(s) {
                    return Ok(v);
                }
            }
        }
    }
    let p = alloc(rt, 3 * W + 4 * m.len())?;
    // SAFETY: a fresh block of 3 words + n limbs; written before any other
    // allocation.
    unsafe {
        *p = &BIGINT_TYPE as *const TypeDesc as usize;
        *p.add(1) = neg as usize;
        *p.add(2) = m.len();
        core::ptr::copy_nonoverlapping(m.as_ptr(), p.add(3) as *mut u32, m.len());
    }
    Ok(Value::from_ptr(p))
}

pub fn from_i64(rt: &Rt, i: i64) -> PResult<Value> {
    if let Ok(s) = isize::try_from(i) {
        if let Some(v) = Value::small_int(s) {
            return Ok(v);
        }
    }
    let u = i.unsigned_abs();
    make(rt, i < 0, &[u as u32, (u >> 32) as u32])
}

pub fn from_u64(rt: &Rt, u: u64) -> PResult<Value> {
    make(rt, false, &[u as u32, (u >> 32) as u32])
}

/// The int as i64 if it fits (None for anything that is not an int).
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i64);
    }
    if !is_int(v) {
        return None;
    }
    let mut b = [0; 2];
    let r = view(v, &mut b);
    if r.mag.len() > 2 {
        return None;
    }
    let u = r.mag.first().copied().unwrap_or(0) as u64 | ((r.mag.get(1).copied().unwrap_or(0) as u64) << 32);
    if r.neg {
        if u <= 1u64 << 63 {
            Some((u as i64).wrapping_neg())
        } else {
            None
        }
    } else if u <= i64::MAX as u64 {
        Some(u as i64)
    } else {
        None
    }
}

pub fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

pub fn cmp(a: Value, b: Value) -> Ordering {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return x.cmp(&y);
    }
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let (x, y) = (view(a, &mut ba), view(b, &mut bb));
    let xneg = x.neg && !x.mag.is_empty();
    let yneg = y.neg && !y.mag.is_empty();
    match (xneg, yneg) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => cmp_mag(x.mag, y.mag),
        (true, true) => cmp_mag(y.mag, x.mag),
    }
}

fn add_mag(rt: &Rt, a: &[u32], b: &[u32]) -> PResult<Mag> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut r = Mag::with_capacity(a.len() + 1).or_mem(rt)?;
    let mut carry = 0u64;
    for i in 0..a.len() {
        let s = a[i] as u64 + b.get(i).copied().unwrap_or(0) as u64 + carry;
        r.push(s as u32).or_mem(rt)?;
        carry = s >> 32;
    }
    r.push(carry as u32).or_mem(rt)?;
    Ok(r)
}

/// a - b with |a| >= |b|.
fn sub_mag(rt: &Rt, a: &[u32], b: &[u32]) -> PResult<Mag> {
    let mut r = Mag::with_capacity(a.len()).or_mem(rt)?;
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - b.get(i).copied().unwrap_or(0) as i64 - borrow;
        borrow = 0;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        }
        r.push(d as u32).or_mem(rt)?;
    }
    Ok(r)
}

fn mul_mag(rt: &Rt, a: &[u32], b: &[u32]) -> PResult<Mag> {
    let n = a.len() + b.len();
    let mut r = Mag::with_capacity(n).or_mem(rt)?;
    for _ in 0..n {
        r.push(0).or_mem(rt)?;
    }
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + r[i + j] as u64 + carry;
            r[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = r[k] as u64 + carry;
            r[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    Ok(r)
}

/// Signed add of views.
fn add_signed(rt: &Rt, an: bool, a: &[u32], bn: bool, b: &[u32]) -> PResult<Value> {
    if an == bn {
        let m = add_mag(rt, a, b)?;
        return make(rt, an, &m);
    }
    match cmp_mag(a, b) {
        Ordering::Equal => Ok(Value::small_int(0).unwrap()),
        Ordering::Greater => {
            let m = sub_mag(rt, a, b)?;
            make(rt, an, &m)
        }
        Ordering::Less => {
            let m = sub_mag(rt, b, a)?;
            make(rt, bn, &m)
        }
    }
}

pub fn add(rt: &Rt, x: Value, y: Value) -> PResult<Value> {
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let (a, b) = (view(x, &mut ba), view(y, &mut bb));
    add_signed(rt, a.neg, a.mag, b.neg, b.mag)
}

pub fn sub(rt: &Rt, x: Value, y: Value) -> PResult<Value> {
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let (a, b) = (view(x, &mut ba), view(y, &mut bb));
    add_signed(rt, a.neg, a.mag, !b.neg, b.mag)
}

pub fn mul(rt: &Rt, x: Value, y: Value) -> PResult<Value> {
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let (a, b) = (view(x, &mut ba), view(y, &mut bb));
    let m = mul_mag(rt, a.mag, b.mag)?;
    make(rt, a.neg != b.neg, &m)
}

pub fn neg(rt: &Rt, x: Value) -> PResult<Value> {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    make(rt, !a.neg, a.mag)
}

pub fn abs(rt: &Rt, x: Value) -> PResult<Value> {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    make(rt, false, a.mag)
}

pub fn is_neg(x: Value) -> bool {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    a.neg && !a.mag.is_empty()
}

pub fn is_zero(x: Value) -> bool {
    let mut ba = [0; 2];
    view(x, &mut ba).mag.is_empty()
}

/// Magnitude division: (quotient, remainder). `b` non-empty (trimmed).
fn divmod_mag(rt: &Rt, a: &[u32], b: &[u32]) -> PResult<(Mag, Mag)> {
    let a = trim(a);
    let b = trim(b);
    let mut q = Mag::new();
    let mut r = Mag::new();
    if cmp_mag(a, b) == Ordering::Less {
        r.extend_from_slice(a).or_mem(rt)?;
        return Ok((q, r));
    }
    if b.len() == 1 {
        let d = b[0] as u64;
        for _ in 0..a.len() {
            q.push(0).or_mem(rt)?;
        }
        let mut rem = 0u64;
        for i in (0..a.len()).rev() {
            let cur = (rem << 32) | a[i] as u64;
            q[i] = (cur / d) as u32;
            rem = cur % d;
        }
        r.push(rem as u32).or_mem(rt)?;
        return Ok((q, r));
    }
    // Knuth's algorithm D on normalised operands.
    let s = b[b.len() - 1].leading_zeros();
    let n = b.len();
    let m = a.len() - n;
    let mut v = Mag::with_capacity(n).or_mem(rt)?;
    for i in 0..n {
        let hi = b[i] << s;
        let lo = if s > 0 && i > 0 { b[i - 1] >> (32 - s) } else { 0 };
        v.push(hi | lo).or_mem(rt)?;
    }
    let mut u = Mag::with_capacity(a.len() + 1).or_mem(rt)?;
    for i in 0..a.len() {
        let hi = a[i] << s;
        let lo = if s > 0 && i > 0 { a[i - 1] >> (32 - s) } else { 0 };
        u.push(hi | lo).or_mem(rt)?;
    }
    u.push(if s > 0 { a[a.len() - 1] >> (32 - s) } else { 0 }).or_mem(rt)?;
    for _ in 0..=m {
        q.push(0).or_mem(rt)?;
    }
    let b32 = 1u64 << 32;
    for j in (0..=m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / v[n - 1] as u64;
        let mut rhat = num % v[n - 1] as u64;
        while qhat >= b32 || qhat * v[n - 2] as u64 > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += v[n - 1] as u64;
            if rhat >= b32 {
                break;
            }
        }
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u64 + carry;
            carry = p >> 32;
            let t = u[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = u[j + n] as i64 - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u[i + j] as u64 + v[i] as u64 + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    for i in 0..n {
        let lo = u[i] >> s;
        let hi = if s > 0 { u[i + 1] << (32 - s) } else { 0 };
        r.push(lo | hi).or_mem(rt)?;
    }
    Ok((q, r))
}

/// Floor division and modulo with Python's signs. `y` must be non-zero.
pub fn divmod(rt: &Rt, x: Value, y: Value) -> PResult<(Value, Value)> {
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let (a, b) = (view(x, &mut ba), view(y, &mut bb));
    let (q, r) = divmod_mag(rt, a.mag, b.mag)?;
    let rzero = trim(&r).is_empty();
    if a.neg == b.neg || rzero {
        let qv = make(rt, a.neg != b.neg, &q)?;
        let rv = make(rt, b.neg, &r)?;
        return Ok((qv, rv));
    }
    // Signs differ and the remainder is non-zero: q = -(|q| + 1), r = |b| - |r| with b's sign.
    let one = [1u32];
    let q1 = add_mag(rt, &q, &one)?;
    let qv = make(rt, true, &q1)?;
    let (mut bb2, mut _x) = ([0; 2], 0);
    let _ = &mut _x;
    let b2 = view(y, &mut bb2);
    let r1 = sub_mag(rt, b2.mag, trim(&r))?;
    let rv = make(rt, b2.neg, &r1)?;
    Ok((qv, rv))
}

/// Truncating division of magnitudes, for conversions.
pub fn pow(rt: &Rt, x: Value, e: u64) -> PResult<Value> {
    let mut result = Value::small_int(1).unwrap();
    let mut base = x;
    let mut e = e;
    while e > 0 {
        if e & 1 == 1 {
            result = mul(rt, result, base)?;
        }
        e >>= 1;
        if e > 0 {
            base = mul(rt, base, base)?;
        }
    }
    Ok(result)
}

/// Python's `%` for ints.
pub fn modulo(rt: &Rt, x: Value, y: Value) -> PResult<Value> {
    Ok(divmod(rt, x, y)?.1)
}

pub fn pow_mod(rt: &Rt, x: Value, e: Value, m: Value) -> PResult<Value> {
    let mut result = modulo(rt, Value::small_int(1).unwrap(), m)?;
    let mut base = modulo(rt, x, m)?;
    let mut eb = [0; 2];
    let ev = view(e, &mut eb);
    let bits = ev.mag.len() * 32;
    // Copy the exponent's limbs: `view` borrows the object, which stays alive
    // through `e` on this frame.
    for i in 0..bits {
        let mut eb2 = [0; 2];
        let ev2 = view(e, &mut eb2);
        if (ev2.mag[i / 32] >> (i % 32)) & 1 == 1 {
            let t = mul(rt, result, base)?;
            result = modulo(rt, t, m)?;
        }
        let t = mul(rt, base, base)?;
        base = modulo(rt, t, m)?;
    }
    Ok(result)
}

pub fn bit_length(x: Value) -> u64 {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let m = trim(a.mag);
    if m.is_empty() {
        0
    } else {
        (m.len() as u64 - 1) * 32 + (32 - m[m.len() - 1].leading_zeros() as u64)
    }
}

pub fn shl(rt: &Rt, x: Value, n: u64) -> PResult<Value> {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    if a.mag.is_empty() {
        return Ok(Value::small_int(0).unwrap());
    }
    let words = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let total = a.mag.len() + words + 1;
    if total > (1 << 26) {
        return Err(rt.overflow_error(format_args!("too many digits in integer")));
    }
    let mut r = Mag::with_capacity(total).or_mem(rt)?;
    for _ in 0..words {
        r.push(0).or_mem(rt)?;
    }
    let mut ba2 = [0; 2];
    let a = view(x, &mut ba2);
    let mut carry = 0u32;
    for &l in a.mag {
        r.push((l << bits) | carry).or_mem(rt)?;
        carry = if bits > 0 { l >> (32 - bits) } else { 0 };
    }
    r.push(carry).or_mem(rt)?;
    make(rt, a.neg, &r)
}

pub fn shr(rt: &Rt, x: Value, n: u64) -> PResult<Value> {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let words = (n / 32) as usize;
    let bits = (n % 32) as u32;
    if words >= a.mag.len() {
        return Ok(Value::small_int(if a.neg && !a.mag.is_empty() { -1 } else { 0 }).unwrap());
    }
    // Floor semantics for negatives: -((|a| - 1) >> n) - 1.
    let neg = a.neg;
    let mut r = Mag::with_capacity(a.mag.len()).or_mem(rt)?;
    let mut ba2 = [0; 2];
    let a = view(x, &mut ba2);
    let src: &[u32] = a.mag;
    let mut tmp = Mag::new();
    let src = if neg {
        let one = [1u32];
        tmp = sub_mag(rt, src, &one)?;
        &tmp[..]
    } else {
        src
    };
    for i in words..src.len() {
        let lo = src[i] >> bits;
        let hi = if bits > 0 && i + 1 < src.len() { src[i + 1] << (32 - bits) } else { 0 };
        r.push(lo | hi).or_mem(rt)?;
    }
    drop(tmp);
    if neg {
        let one = [1u32];
        let r2 = add_mag(rt, &r, &one)?;
        make(rt, true, &r2)
    } else {
        make(rt, false, &r)
    }
}

/// Two's-complement limbs of `x`, `n` limbs long (sign-extended).
fn twos(rt: &Rt, x: Value, n: usize) -> PResult<Mag> {
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let mut r = Mag::with_capacity(n).or_mem(rt)?;
    for i in 0..n {
        r.push(a.mag.get(i).copied().unwrap_or(0)).or_mem(rt)?;
    }
    if a.neg && !a.mag.is_empty() {
        let mut carry = 1u64;
        for l in r.iter_mut() {
            let t = (!*l) as u64 + carry;
            *l = t as u32;
            carry = t >> 32;
        }
    }
    Ok(r)
}

fn from_twos(rt: &Rt, mut r: Mag) -> PResult<Value> {
    let neg = r.last().is_some_and(|&l| l & 0x8000_0000 != 0);
    if neg {
        let mut carry = 1u64;
        for l in r.iter_mut() {
            let t = (!*l) as u64 + carry;
            *l = t as u32;
            carry = t >> 32;
        }
    }
    make(rt, neg, &r)
}

/// `&`, `|`, `^` (op 0, 1, 2) on ints of any size.
pub fn bitop(rt: &Rt, x: Value, y: Value, op: u8) -> PResult<Value> {
    let (mut ba, mut bb) = ([0; 2], [0; 2]);
    let n = view(x, &mut ba).mag.len().max(view(y, &mut bb).mag.len()) + 1;
    let mut a = twos(rt, x, n)?;
    let b = twos(rt, y, n)?;
    for i in 0..n {
        a[i] = match op {
            0 => a[i] & b[i],
            1 => a[i] | b[i],
            _ => a[i] ^ b[i],
        };
    }
    from_twos(rt, a)
}

pub fn invert(rt: &Rt, x: Value) -> PResult<Value> {
    // ~x == -x - 1
    let n = neg(rt, x)?;
    sub(rt, n, Value::small_int(1).unwrap())
}

/// The int nearest `f` (truncated toward zero); `f` must be finite.
pub fn from_f64(rt: &Rt, f: f64) -> PResult<Value> {
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return from_i64(rt, t as i64);
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = from_u64(rt, mant)?;
    let v = shl(rt, m, exp as u64)?;
    if t < 0.0 {
        neg(rt, v)
    } else {
        Ok(v)
    }
}

/// The nearest f64 (correctly rounded, half to even); None on overflow.
pub fn to_f64(x: Value) -> Option<f64> {
    if let Some(i) = x.as_small_int() {
        return Some(i as f64);
    }
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let m = trim(a.mag);
    let bl = bit_length(x);
    if bl > 1024 {
        return None;
    }
    // Take the top 64 bits plus a sticky bit, then let the u64 -> f64
    // conversion round (it rounds half to even on the 64-bit value; the
    // sticky bit breaks ties correctly).
    let shift = bl.saturating_sub(64);
    let mut top: u64 = 0;
    for k in 0..64u64 {
        let bit = shift + k;
        if bit < bl {
            let limb = m[(bit / 32) as usize];
            if (limb >> (bit % 32)) & 1 == 1 {
                top |= 1 << k;
            }
        }
    }
    let mut sticky = false;
    for bit in 0..shift {
        if (m[(bit / 32) as usize] >> (bit % 32)) & 1 == 1 {
            sticky = true;
            break;
        }
    }
    if sticky {
        top |= 1;
    }
    let f = (top as f64) * 2f64.powi(shift as i32);
    if f.is_infinite() {
        return None;
    }
    Some(if a.neg { -f } else { f })
}

/// Writes `x` in `base` (2..=36) into `out`, with a '-' sign; no prefix.
pub fn to_str_radix(rt: &Rt, x: Value, base: u32, out: &mut GcVec<u8>) -> PResult<()> {
    const DIG: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if let Some(i) = x.as_small_int() {
        let mut buf = [0u8; 70];
        let mut n = buf.len();
        let mut u = (i as i64).unsigned_abs();
        loop {
            n -= 1;
            buf[n] = DIG[(u % base as u64) as usize];
            u /= base as u64;
            if u == 0 {
                break;
            }
        }
        if i < 0 {
            n -= 1;
            buf[n] = b'-';
        }
        return out.extend_from_slice(&buf[n..]).or_mem(rt);
    }
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let neg = a.neg;
    // Chunk divisor: the largest power of base below 2^32.
    let mut chunk = base as u64;
    let mut per = 1;
    while chunk * (base as u64) < (1 << 32) {
        chunk *= base as u64;
        per += 1;
    }
    if base == 10 && a.mag.len() > 460 && bit_length(x) as f64 * core::f64::consts::LOG10_2 > 4300.0 {
        return Err(rt.value_error(format_args!(
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let mut cur = Mag::new();
    cur.extend_from_slice(a.mag).or_mem(rt)?;
    let start = out.len();
    loop {
        let t = trim(&cur).len();
        cur.truncate(t);
        if cur.is_empty() {
            break;
        }
        let mut rem = 0u64;
        for i in (0..cur.len()).rev() {
            let c = (rem << 32) | cur[i] as u64;
            cur[i] = (c / chunk) as u32;
            rem = c % chunk;
        }
        let last = trim(&cur).is_empty();
        for k in 0..per {
            if last && rem == 0 && k > 0 {
                break;
            }
            out.push(DIG[(rem % base as u64) as usize]).or_mem(rt)?;
            rem /= base as u64;
        }
    }
    if out.len() == start {
        out.push(b'0').or_mem(rt)?;
    }
    if neg {
        out.push(b'-').or_mem(rt)?;
    }
    out[start..].reverse();
    Ok(())
}

/// Parses an int literal the way `int(s, base)` does (base 0 = from prefix).
/// Returns None when the text is not a valid int.
pub fn parse(rt: &Rt, s: &[u8], base: u32) -> PResult<Option<Value>> {
    let mut s = trim_ws(s);
    let mut neg = false;
    if let Some((&c, rest)) = s.split_first() {
        if c == b'-' || c == b'+' {
            neg = c == b'-';
            s = rest;
        }
    }
    let mut base = base;
    let lower = |c: u8| c.to_ascii_lowercase();
    if s.len() >= 2 && s[0] == b'0' {
        let p = lower(s[1]);
        let pb = match p {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            s = &s[2..];
            if s.first() == Some(&b'_') {
                s = &s[1..];
            }
        }
    }
    if base == 0 {
        if s.len() > 1 && s[0] == b'0' && s.iter().any(|&c| c != b'0' && c != b'_') {
            return Ok(None);
        }
        base = 10;
    }
    if s.is_empty() || s[0] == b'_' || s[s.len() - 1] == b'_' {
        return Ok(None);
    }
    let ndig = s.iter().filter(|&&c| c != b'_').count();
    if base == 10 && ndig > 4300 && s.iter().all(|&c| c.is_ascii_digit() || c == b'_') {
        return Err(rt.value_error(format_args!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {ndig} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let mut mag = Mag::new();
    let mut prev_us = false;
    for &c in s {
        if c == b'_' {
            if prev_us {
                return Ok(None);
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            _ => return Ok(None),
        };
        if d >= base {
            return Ok(None);
        }
        let mut carry = d as u64;
        for l in mag.iter_mut() {
            let t = *l as u64 * base as u64 + carry;
            *l = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            mag.push(carry as u32).or_mem(rt)?;
        }
    }
    Ok(Some(make(rt, neg, &mag)?))
}

pub fn trim_ws(s: &[u8]) -> &[u8] {
    let mut a = 0;
    let mut b = s.len();
    while a < b && s[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && s[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    &s[a..b]
}

/// Python's hash of an int: the value modulo 2^61 - 1 (x64) or 2^31 - 1 (x86),
/// with -1 mapped to -2.
pub fn hash(x: Value) -> isize {
    let bits: u32 = if W == 8 { 61 } else { 31 };
    let p: u64 = (1u64 << bits) - 1;
    let mut ba = [0; 2];
    let a = view(x, &mut ba);
    let mut h: u64 = 0;
    for &l in a.mag.iter().rev() {
        // h = (h * 2^32 + l) mod p, by folding.
        for k in (0..32).rev() {
            h = ((h << 1) | ((l >> k) & 1) as u64) % p;
        }
    }
    let mut r = h as i64;
    if a.neg {
        r = -r;
    }
    if r == -1 {
        r = -2;
    }
    r as isize
}

fn m_bit_length(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::small_int(bit_length(a[0]) as isize).unwrap())
}

fn m_conjugate(_rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(a[0])
}

fn byteorder(rt: &mut Rt, v: Value) -> PResult<bool> {
    let s = crate::objects::str::bytes_of(rt, v);
    match s {
        Some(b"little") => Ok(true),
        Some(b"big") => Ok(false),
        _ => Err(rt.value_error(format_args!("byteorder must be either 'little' or 'big'"))),
    }
}

fn m_to_bytes(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut args = [Value::NONE; 4];
    crate::vm::args::parse(rt, "to_bytes", a, k, &["self", "length", "byteorder", "signed"], 1, &mut args)?;
    let x = args[0];
    let len = if args[1] == Value::NONE { 1 } else { crate::vm::ops::to_index(rt, args[1])? };
    let little = if args[2] == Value::NONE { false } else { byteorder(rt, args[2])? };
    let signed = args[3] != Value::NONE && crate::vm::ops::truthy(rt, args[3])?;
    if len < 0 {
        return Err(rt.value_error(format_args!("length argument must be non-negative")));
    }
    let len = len as usize;
    if is_neg(x) && !signed {
        return Err(rt.overflow_error(format_args!("can't convert negative int to unsigned")));
    }
    let mut ba = [0; 2];
    let n = view(x, &mut ba).mag.len() + 1;
    let tw = twos(rt, x, n.max(len.div_ceil(4) + 1))?;
    // Fits: every byte beyond len must be the sign fill, and the top kept bit must agree with the sign.
    let fill = if is_neg(x) { 0xffu8 } else { 0 };
    let byte = |i: usize| (tw[i / 4] >> ((i % 4) * 8)) as u8;
    let total = tw.len() * 4;
    let mut ok = (len..total).all(|i| byte(i) == fill);
    if ok && signed && len > 0 {
        ok = (byte(len - 1) & 0x80 != 0) == is_neg(x);
    } else if ok && signed && len == 0 {
        ok = is_zero(x);
    }
    if !ok {
        return Err(rt.overflow_error(format_args!("int too big to convert")));
    }
    let mut out = GcVec::<u8>::with_capacity(len).or_mem(rt)?;
    for i in 0..len {
        let b = if little { byte(i) } else { byte(len - 1 - i) };
        out.push(b).or_mem(rt)?;
    }
    crate::objects::bytes::new(rt, &out)
}

fn m_from_bytes(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut args = [Value::NONE; 4];
    crate::vm::args::parse(rt, "from_bytes", a, k, &["cls", "bytes", "byteorder", "signed"], 2, &mut args)?;
    let little = if args[2] == Value::NONE { false } else { byteorder(rt, args[2])? };
    let signed = args[3] != Value::NONE && crate::vm::ops::truthy(rt, args[3])?;
    let data = match crate::objects::bytes::data(args[1]) {
        Some(d) => d,
        None => return Err(rt.type_error(format_args!("cannot convert object to bytes"))),
    };
    let n = data.len();
    let mut mag = Mag::with_capacity(n / 4 + 1).or_mem(rt)?;
    for _ in 0..n / 4 + 1 {
        mag.push(0).or_mem(rt)?;
    }
    let data = crate::objects::bytes::data(args[1]).unwrap_or(&[]);
    for i in 0..n {
        let b = if little { data[i] } else { data[n - 1 - i] };
        mag[i / 4] |= (b as u32) << ((i % 4) * 8);
    }
    if signed && n > 0 && data[if little { n - 1 } else { 0 }] & 0x80 != 0 {
        // Negative: value - 2^(8n)
        for i in n..mag.len() * 4 {
            mag[i / 4] |= 0xff << ((i % 4) * 8);
        }
        return from_twos(rt, mag);
    }
    make(rt, false, &mag)
}
