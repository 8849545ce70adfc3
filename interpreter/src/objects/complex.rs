//! `complex`: a boxed pair of f64, immutable. The compiler's const-complex
//! (an imaginary literal: only the imaginary part) is read as `0 + xj`.
//!
//! Layout:
//!   word 0  &COMPLEX_TYPE
//!   then    real and imaginary parts as u64 bit patterns
//!
//! `repr` follows CPython: `1j`, `(1+2j)`, `(-0-1j)`, each part in the
//! shortest round-trip form, integral parts without `.0`.

use crate::obj::TypeDesc;
use crate::objects::class::COMPLEX_CLASS;
use crate::objects::float::{self, StackBuf};
use crate::objects::{int, kind, new_obj, Kind};
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(COMPLEX_TYPE, COMPLEX_INFO, "complex", b'x', &[], None, Complex, COMPLEX_CLASS);

crate::methods! { METHODS:
    CONJUGATE = "conjugate", m_conjugate, Method;
}

#[repr(C)]
struct ComplexObj {
    ty: usize,
    re: u64,
    im: u64,
}

pub fn new(rt: &Rt, re: f64, im: f64) -> PResult<Value> {
    new_obj(rt, ComplexObj { ty: &COMPLEX_TYPE as *const TypeDesc as usize, re: re.to_bits(), im: im.to_bits() })
}

/// (real, imag) of any number (int, bool, float, complex); None otherwise.
pub fn parts(v: Value) -> Option<(f64, f64)> {
    match kind(v) {
        Kind::Complex => {
            // SAFETY: a live complex object.
            let c = unsafe { &*(v.bits() as *const ComplexObj) };
            Some((f64::from_bits(c.re), f64::from_bits(c.im)))
        }
        // The compiler's const-complex has the float layout: the imaginary part.
        Kind::ConstComplex => Some((0.0, float::get(v))),
        Kind::Float => Some((float::get(v), 0.0)),
        Kind::SmallInt | Kind::BigInt | Kind::Bool => {
            let i = if v == Value::TRUE {
                Value::small_int(1).unwrap()
            } else if v == Value::FALSE {
                Value::small_int(0).unwrap()
            } else {
                v
            };
            int::to_f64(i).map(|f| (f, 0.0))
        }
        _ => None,
    }
}

pub fn is_complex(v: Value) -> bool {
    matches!(kind(v), Kind::Complex | Kind::ConstComplex)
}

fn part(f: f64, out: &mut StackBuf<128>) {
    let mut b = StackBuf::<64>::new();
    float::repr(f, &mut b);
    let s = b.as_bytes();
    let s = if s.ends_with(b".0") { &s[..s.len() - 2] } else { s };
    out.push_all(s);
}

/// CPython's repr of a complex.
pub fn repr(re: f64, im: f64, out: &mut StackBuf<128>) {
    if re == 0.0 && re.is_sign_positive() {
        part(im, out);
        out.push(b'j');
        return;
    }
    out.push(b'(');
    part(re, out);
    if im >= 0.0 || im.is_nan() {
        out.push(b'+');
    }
    part(im, out);
    out.push_all(b"j)");
}

/// `a op b` for + - * / ** (op codes as BINARY_OP); None if unsupported.
pub fn binary(rt: &mut Rt, op: u8, a: (f64, f64), b: (f64, f64)) -> PResult<Option<Value>> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let (r, i) = match op {
        0 => (ar + br, ai + bi),
        1 => (ar - br, ai - bi),
        2 => (ar * br - ai * bi, ar * bi + ai * br),
        4 => {
            if br == 0.0 && bi == 0.0 {
                return Err(rt.zero_division(format_args!("complex division by zero")));
            }
            let d = br * br + bi * bi;
            ((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        }
        6 => {
            if br == 0.0 && bi == 0.0 {
                (1.0, 0.0)
            } else if ar == 0.0 && ai == 0.0 {
                if bi != 0.0 || br < 0.0 {
                    return Err(rt.zero_division(format_args!("0.0 to a negative or complex power")));
                }
                (0.0, 0.0)
            } else if bi == 0.0 && br.fract() == 0.0 && br.abs() <= 100.0 {
                // Integer powers by repeated multiplication (as CPython, exact for small cases).
                let mut n = br.abs() as u32;
                let (mut xr, mut xi) = (ar, ai);
                let (mut rr, mut ri) = (1.0f64, 0.0f64);
                while n > 0 {
                    if n & 1 == 1 {
                        let t = rr * xr - ri * xi;
                        ri = rr * xi + ri * xr;
                        rr = t;
                    }
                    let t = xr * xr - xi * xi;
                    xi *= 2.0 * xr;
                    xr = t;
                    n >>= 1;
                }
                if br < 0.0 {
                    let d = rr * rr + ri * ri;
                    (rr / d, -ri / d)
                } else {
                    (rr, ri)
                }
            } else {
                let vabs = crate::objects::fmath::hypot(ar, ai);
                let len = crate::objects::fmath::pow(vabs, br);
                let at = crate::objects::fmath::atan2(ai, ar);
                let mut phase = at * br;
                let mut len = len;
                if bi != 0.0 {
                    len /= crate::objects::fmath::exp(at * bi);
                    phase += bi * crate::objects::fmath::log(vabs);
                }
                (len * crate::objects::fmath::cos(phase), len * crate::objects::fmath::sin(phase))
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(new(rt, r, i)?))
}

fn m_conjugate(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (r, i) = parts(a[0]).unwrap_or((0.0, 0.0));
    new(rt, r, -i)
}
