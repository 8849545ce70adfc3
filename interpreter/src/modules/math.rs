//! `math`: CPython 3.11's math module for floats and ints.
//!
//! Float functions take anything with a float value (float, int, bool,
//! `__float__`, `__index__`) and follow CPython's error rule: a NaN result
//! from non-NaN input is `ValueError('math domain error')`; an infinite
//! result from finite input is `OverflowError('math range error')` where the
//! function can overflow, a domain error where it cannot (a pole).
//!
//! Transcendental functions come from the pure-Rust `libm` crate, not the
//! platform's C library, so i686 and x86-64 give the same bits (glibc's
//! i386 code may use x87 instructions). The integer functions (gcd, lcm,
//! factorial, comb, perm, isqrt) work on big ints through `objects::int`;
//! `fsum` is exact (Shewchuk's partials, as CPython). No state.

use super::ModuleDef;
use crate::objects::{float, int, kind, list, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

pub static DEF: ModuleDef = ModuleDef { name: "math", init };

crate::methods! { FNS:
    SQRT = "sqrt", sqrt, Static;
    CBRT = "cbrt", cbrt, Static;
    EXP = "exp", exp, Static;
    EXP2 = "exp2", exp2, Static;
    EXPM1 = "expm1", expm1, Static;
    LOG = "log", log, Static;
    LOG2 = "log2", log2, Static;
    LOG10 = "log10", log10, Static;
    LOG1P = "log1p", log1p, Static;
    POW = "pow", pow, Static;
    FABS = "fabs", fabs, Static;
    FLOOR = "floor", floor, Static;
    CEIL = "ceil", ceil, Static;
    TRUNC = "trunc", trunc, Static;
    FMOD = "fmod", fmod, Static;
    MODF = "modf", modf, Static;
    FREXP = "frexp", frexp, Static;
    LDEXP = "ldexp", ldexp, Static;
    COPYSIGN = "copysign", copysign, Static;
    ISINF = "isinf", isinf, Static;
    ISNAN = "isnan", isnan, Static;
    ISFINITE = "isfinite", isfinite, Static;
    ISCLOSE = "isclose", isclose, Static;
    SIN = "sin", sin, Static;
    COS = "cos", cos, Static;
    TAN = "tan", tan, Static;
    ASIN = "asin", asin, Static;
    ACOS = "acos", acos, Static;
    ATAN = "atan", atan, Static;
    ATAN2 = "atan2", atan2, Static;
    SINH = "sinh", sinh, Static;
    COSH = "cosh", cosh, Static;
    TANH = "tanh", tanh, Static;
    ASINH = "asinh", asinh, Static;
    ACOSH = "acosh", acosh, Static;
    ATANH = "atanh", atanh, Static;
    HYPOT = "hypot", hypot, Static;
    DIST = "dist", dist, Static;
    DEGREES = "degrees", degrees, Static;
    RADIANS = "radians", radians, Static;
    ERF = "erf", erf, Static;
    ERFC = "erfc", erfc, Static;
    GAMMA = "gamma", gamma, Static;
    LGAMMA = "lgamma", lgamma, Static;
    NEXTAFTER = "nextafter", nextafter, Static;
    ULP = "ulp", ulp, Static;
    REMAINDER = "remainder", remainder, Static;
    FSUM = "fsum", fsum, Static;
    PROD = "prod", prod, Static;
    GCD = "gcd", gcd, Static;
    LCM = "lcm", lcm, Static;
    FACTORIAL = "factorial", factorial, Static;
    COMB = "comb", comb, Static;
    PERM = "perm", perm, Static;
    ISQRT = "isqrt", isqrt, Static;
}

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    for (name, v) in [
        ("pi", core::f64::consts::PI),
        ("e", core::f64::consts::E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = float::new(rt, v)?;
        super::set(rt, d, name, f)?;
    }
    Ok(())
}

// ---- argument handling and errors ----

fn domain(rt: &Rt) -> Value {
    rt.value_error(format_args!("math domain error"))
}
fn range(rt: &Rt) -> Value {
    rt.overflow_error(format_args!("math range error"))
}

fn exactly(rt: &Rt, name: &str, a: &[Value], n: usize) -> PResult<()> {
    if a.len() == n {
        return Ok(());
    }
    Err(if n == 1 {
        rt.type_error(format_args!("math.{name}() takes exactly one argument ({} given)", a.len()))
    } else {
        rt.type_error(format_args!("{name} expected {n} arguments, got {}", a.len()))
    })
}

fn no_kw(rt: &Rt, name: &str, k: &[Value]) -> PResult<()> {
    if k.is_empty() {
        Ok(())
    } else {
        Err(rt.type_error(format_args!("math.{name}() takes no keyword arguments")))
    }
}

/// The float value of a number argument (CPython's `PyFloat_AsDouble`).
pub fn to_f(rt: &mut Rt, v: Value) -> PResult<f64> {
    let v = super::plain(rt, v)?;
    if float::is_float(v) {
        return Ok(float::get(v));
    }
    if int::is_int(v) {
        return int_to_f(rt, v);
    }
    if kind(v) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, v, "__float__", &[])? {
            if float::is_float(r) {
                return Ok(float::get(r));
            }
            let (cn, tn) = (ops::type_name(rt, v), ops::type_name(rt, r));
            return Err(rt.type_error(format_args!("{cn}.__float__ returned non-float (type {tn})")));
        }
        if let Some(r) = ops::call_special(rt, v, "__index__", &[])? {
            if int::is_int(r) {
                return int_to_f(rt, r);
            }
        }
    }
    let tn = ops::type_name(rt, v);
    Err(rt.type_error(format_args!("must be real number, not {tn}")))
}

fn int_to_f(rt: &Rt, v: Value) -> PResult<f64> {
    let v = plain_int(v);
    int::to_f64(v).ok_or_else(|| rt.overflow_error(format_args!("int too large to convert to float")))
}

/// bools as the ints 0 and 1.
fn plain_int(v: Value) -> Value {
    if v == Value::TRUE {
        Value::small_int(1).unwrap_or(v)
    } else if v == Value::FALSE {
        Value::small_int(0).unwrap_or(v)
    } else {
        v
    }
}

/// An integer argument: an int, a bool or an object with `__index__`.
pub fn to_int(rt: &mut Rt, v: Value) -> PResult<Value> {
    let v = super::plain(rt, v)?;
    if int::is_int(v) {
        return Ok(plain_int(v));
    }
    if kind(v) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, v, "__index__", &[])? {
            if int::is_int(r) {
                return Ok(plain_int(r));
            }
            let tn = ops::type_name(rt, r);
            return Err(rt.type_error(format_args!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = ops::type_name(rt, v);
    Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")))
}

fn fl(rt: &Rt, f: f64) -> PResult<Value> {
    float::new(rt, f)
}

fn si(i: i64) -> Value {
    Value::small_int(i as isize).unwrap_or(Value::NONE)
}

fn bool_v(b: bool) -> Value {
    if b {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

/// One-argument float function with CPython's error rule.
fn m1(rt: &mut Rt, name: &str, a: &[Value], k: &[Value], f: fn(f64) -> f64, can_overflow: bool) -> PResult<Value> {
    no_kw(rt, name, k)?;
    exactly(rt, name, a, 1)?;
    let x = to_f(rt, a[0])?;
    let r = f(x);
    check1(rt, x, r, can_overflow)?;
    fl(rt, r)
}

fn check1(rt: &Rt, x: f64, r: f64, can_overflow: bool) -> PResult<()> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(rt));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(rt) } else { domain(rt) });
    }
    Ok(())
}

/// Two float arguments.
fn two(rt: &mut Rt, name: &str, a: &[Value], k: &[Value]) -> PResult<(f64, f64)> {
    no_kw(rt, name, k)?;
    exactly(rt, name, a, 2)?;
    let x = to_f(rt, a[0])?;
    let y = to_f(rt, a[1])?;
    Ok((x, y))
}

/// A float that is integral, as an int (floor/ceil/trunc results).
fn float_to_int(rt: &Rt, f: f64) -> PResult<Value> {
    if f.is_nan() {
        return Err(rt.value_error(format_args!("cannot convert float NaN to integer")));
    }
    if f.is_infinite() {
        return Err(rt.overflow_error(format_args!("cannot convert float infinity to integer")));
    }
    int::from_f64(rt, f)
}

// ---- power and logarithms ----

fn sqrt(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "sqrt", a, k, f64::sqrt, false)
}
fn cbrt(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "cbrt", a, k, libm::cbrt, false)
}
fn exp(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "exp", a, k, libm::exp, true)
}
fn exp2(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "exp2", a, k, libm::exp2, true)
}
fn expm1(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "expm1", a, k, libm::expm1, true)
}
fn log1p(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "log1p", a, k, libm::log1p, false)
}

/// `f(x)` for a log function, with big ints beyond float range handled as
/// `f(top bits) + shift * f(2)` (CPython's `loghelper`).
fn loghelper(rt: &mut Rt, x: Value, f: fn(f64) -> f64) -> PResult<f64> {
    if int::is_int(x) {
        let x = plain_int(x);
        if int::is_neg(x) || int::is_zero(x) {
            return Err(domain(rt));
        }
        if let Some(v) = int::to_f64(x) {
            return Ok(f(v));
        }
        let shift = int::bit_length(x) - 60;
        let top = int::shr(rt, x, shift)?;
        let m = int::to_f64(top).unwrap_or(1.0);
        return Ok(f(m) + shift as f64 * f(2.0));
    }
    let v = to_f(rt, x)?;
    let r = f(v);
    if (r.is_nan() && !v.is_nan()) || (r.is_infinite() && v.is_finite()) {
        return Err(domain(rt));
    }
    Ok(r)
}

fn log(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "log", k)?;
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!("math.log requires 1 to 2 arguments")));
    }
    let num = loghelper(rt, a[0], libm::log)?;
    if a.len() == 1 {
        return fl(rt, num);
    }
    let den = loghelper(rt, a[1], libm::log)?;
    if den == 0.0 {
        return Err(rt.zero_division(format_args!("float division by zero")));
    }
    fl(rt, num / den)
}

fn log2(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "log2", k)?;
    exactly(rt, "log2", a, 1)?;
    let r = loghelper(rt, a[0], libm::log2)?;
    fl(rt, r)
}

fn log10(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "log10", k)?;
    exactly(rt, "log10", a, 1)?;
    let r = loghelper(rt, a[0], libm::log10)?;
    fl(rt, r)
}

fn pow(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (x, y) = two(rt, "pow", a, k)?;
    let r = libm::pow(x, y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(rt));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(rt) } else { range(rt) });
        }
    }
    fl(rt, r)
}

// ---- rounding and representation ----

fn fabs(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "fabs", a, k, f64::abs, false)
}

/// floor or ceil: ints pass through, floats round, other objects use their
/// `__floor__`/`__ceil__` before falling back to their float value.
fn round_to_int(rt: &mut Rt, name: &str, special: &str, a: &[Value], k: &[Value], f: fn(f64) -> f64) -> PResult<Value> {
    no_kw(rt, name, k)?;
    exactly(rt, name, a, 1)?;
    let x = a[0];
    if float::is_float(x) {
        return float_to_int(rt, f(float::get(x)));
    }
    if int::is_int(x) {
        return Ok(plain_int(x));
    }
    if kind(x) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, x, special, &[])? {
            return Ok(r);
        }
    }
    let v = to_f(rt, x)?;
    float_to_int(rt, f(v))
}

fn floor(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    round_to_int(rt, "floor", "__floor__", a, k, f64::floor)
}
fn ceil(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    round_to_int(rt, "ceil", "__ceil__", a, k, f64::ceil)
}

fn trunc(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "trunc", k)?;
    exactly(rt, "trunc", a, 1)?;
    let x = a[0];
    if float::is_float(x) {
        return float_to_int(rt, float::get(x).trunc());
    }
    if int::is_int(x) {
        return Ok(plain_int(x));
    }
    if kind(x) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, x, "__trunc__", &[])? {
            return Ok(r);
        }
    }
    let tn = ops::type_name(rt, x);
    Err(rt.type_error(format_args!("type {tn} doesn't define __trunc__ method")))
}

fn fmod(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (x, y) = two(rt, "fmod", a, k)?;
    if y.is_infinite() && x.is_finite() {
        return fl(rt, x);
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(rt));
    }
    fl(rt, r)
}

fn remainder(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (x, y) = two(rt, "remainder", a, k)?;
    if x.is_nan() || y.is_nan() {
        return fl(rt, f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(rt));
    }
    if y.is_infinite() {
        return fl(rt, x);
    }
    fl(rt, libm::remainder(x, y))
}

fn modf(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "modf", k)?;
    exactly(rt, "modf", a, 1)?;
    let x = to_f(rt, a[0])?;
    let (fr, ip) = if x.is_infinite() { (0f64.copysign(x), x) } else { libm::modf(x) };
    let fv = fl(rt, fr)?;
    let iv = fl(rt, ip)?;
    tuple::new(rt, &[fv, iv])
}

fn frexp(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "frexp", k)?;
    exactly(rt, "frexp", a, 1)?;
    let x = to_f(rt, a[0])?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 { (x, 0) } else { libm::frexp(x) };
    let mv = fl(rt, m)?;
    tuple::new(rt, &[mv, si(e as i64)])
}

fn ldexp(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "ldexp", k)?;
    exactly(rt, "ldexp", a, 2)?;
    let x = to_f(rt, a[0])?;
    if !int::is_int(a[1]) {
        return Err(rt.type_error(format_args!("Expected an int as second argument to ldexp.")));
    }
    let e = plain_int(a[1]);
    if x == 0.0 || !x.is_finite() {
        return fl(rt, x);
    }
    let n = match int::to_i64(e) {
        Some(n) => n.clamp(-100_000, 100_000) as i32,
        None if int::is_neg(e) => -100_000,
        None => return Err(range(rt)),
    };
    let r = libm::scalbn(x, n);
    if r.is_infinite() {
        return Err(range(rt));
    }
    fl(rt, r)
}

fn copysign(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (x, y) = two(rt, "copysign", a, k)?;
    fl(rt, x.copysign(y))
}

fn isinf(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "isinf", k)?;
    exactly(rt, "isinf", a, 1)?;
    Ok(bool_v(to_f(rt, a[0])?.is_infinite()))
}
fn isnan(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "isnan", k)?;
    exactly(rt, "isnan", a, 1)?;
    Ok(bool_v(to_f(rt, a[0])?.is_nan()))
}
fn isfinite(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "isfinite", k)?;
    exactly(rt, "isfinite", a, 1)?;
    Ok(bool_v(to_f(rt, a[0])?.is_finite()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut ab = [Value::NONE; 2];
    let mut n = a.len().min(2);
    ab[..n].copy_from_slice(&a[..n]);
    for pair in k.chunks(2) {
        match crate::objects::str::text(rt, pair[0]) {
            "a" if n == 0 => {
                ab[0] = pair[1];
                n = 1;
            }
            "b" if n == 1 => {
                ab[1] = pair[1];
                n = 2;
            }
            _ => {}
        }
    }
    let a: &[Value] = if a.len() > 2 { a } else { &ab[..n] };
    if a.len() != 2 {
        let n = a.len();
        return Err(if n < 2 {
            let miss = if n == 0 { "a" } else { "b" };
            rt.type_error(format_args!("isclose() missing required argument '{miss}' (pos {})", n + 1))
        } else {
            rt.type_error(format_args!("isclose() takes exactly 2 positional arguments ({n} given)"))
        });
    }
    let (mut rel, mut abs) = (1e-9, 0.0);
    for pair in k.chunks(2) {
        let key = crate::objects::str::text(rt, pair[0]);
        match key {
            "rel_tol" => rel = to_f(rt, pair[1])?,
            "abs_tol" => abs = to_f(rt, pair[1])?,
            "a" | "b" => {}
            _ => {
                let key = crate::objects::str::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("isclose() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let x = to_f(rt, a[0])?;
    let y = to_f(rt, a[1])?;
    if rel < 0.0 || abs < 0.0 {
        return Err(rt.value_error(format_args!("tolerances must be non-negative")));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(bool_v(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
}

fn nextafter(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (x, y) = two(rt, "nextafter", a, k)?;
    fl(rt, libm::nextafter(x, y))
}

fn ulp(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "ulp", k)?;
    exactly(rt, "ulp", a, 1)?;
    let x = to_f(rt, a[0])?;
    if x.is_nan() || x.is_infinite() {
        return fl(rt, x.abs());
    }
    let x = x.abs();
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return fl(rt, x - libm::nextafter(x, f64::NEG_INFINITY));
    }
    fl(rt, up - x)
}

// ---- trigonometric and hyperbolic ----

fn sin(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "sin", a, k, libm::sin, false)
}
fn cos(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "cos", a, k, libm::cos, false)
}
fn tan(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "tan", a, k, libm::tan, false)
}
fn asin(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "asin", a, k, libm::asin, false)
}
fn acos(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "acos", a, k, libm::acos, false)
}
fn atan(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "atan", a, k, libm::atan, false)
}
fn atan2(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let (y, x) = two(rt, "atan2", a, k)?;
    fl(rt, libm::atan2(y, x))
}
fn sinh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "sinh", a, k, libm::sinh, true)
}
fn cosh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "cosh", a, k, libm::cosh, true)
}
fn tanh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "tanh", a, k, libm::tanh, false)
}
fn asinh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "asinh", a, k, libm::asinh, false)
}
fn acosh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "acosh", a, k, libm::acosh, false)
}
fn atanh(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "atanh", a, k, libm::atanh, false)
}
fn degrees(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "degrees", a, k, |x| x * (180.0 / core::f64::consts::PI), true)
}
fn radians(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "radians", a, k, |x| x * (core::f64::consts::PI / 180.0), false)
}

/// `a * b` exactly, as the rounded product and its error (Veltkamp and
/// Dekker's splitting; exact while nothing under- or overflows).
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    const SPLIT: f64 = 134_217_729.0; // 2**27 + 1
    let p = a * b;
    let (c, d) = (SPLIT * a, SPLIT * b);
    let (ah, bh) = (c - (c - a), d - (d - b));
    let (al, bl) = (a - ah, b - bh);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

/// `a + b` exactly for |a| >= |b|: the rounded sum and its error.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, (a - s) + b)
}

/// The Euclidean norm of `v` the way CPython 3.11's `vector_norm` computes
/// it: scaled by a power of two near the largest magnitude, squares summed
/// with their exact errors, then one differential correction of the square
/// root. Nearly always correctly rounded, and the same bits as CPython.
/// inf wins over nan.
fn norm(v: &mut [f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in v.iter_mut() {
        *x = x.abs();
        if x.is_infinite() {
            return f64::INFINITY;
        }
        nan |= x.is_nan();
        max = max.max(*x);
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        // Subnormal maximum: 2**-max_e would overflow; rescale first.
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * norm(v);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in v.iter() {
        let x = x * scale;
        let (hi, lo) = two_prod(x, x);
        let (s, e) = fast_two_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += e;
    }
    let h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = two_prod(-h, h);
    let (s, e) = fast_two_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += e;
    let x = csum - 1.0 + (frac1 + frac2);
    (h + x / (2.0 * h)) / scale
}

fn hypot(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "hypot", k)?;
    let mut v: GcVec<f64> = GcVec::new();
    for &x in a {
        let f = to_f(rt, x)?;
        v.push(f).or_mem(rt)?;
    }
    fl(rt, norm(v.as_mut_slice()))
}

/// The items of a point: a tuple, or any iterable copied into one (so a
/// `__float__` that changes a list cannot pull the items away).
fn seq_items(rt: &mut Rt, v: Value) -> PResult<(Value, &'static [Value])> {
    let t = if tuple::is_tuple(v) {
        v
    } else {
        let l = ops::to_list(rt, v)?;
        tuple::new(rt, list::items(l))?
    };
    Ok((t, tuple::items(t)))
}

fn dist(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "dist", k)?;
    exactly(rt, "dist", a, 2)?;
    let (_hp, p) = seq_items(rt, a[0])?;
    let (_hq, q) = seq_items(rt, a[1])?;
    if p.len() != q.len() {
        return Err(rt.value_error(format_args!("both points must have the same number of dimensions")));
    }
    let mut v: GcVec<f64> = GcVec::new();
    for i in 0..p.len() {
        let x = to_f(rt, p[i])?;
        let y = to_f(rt, q[i])?;
        v.push((x - y).abs()).or_mem(rt)?;
    }
    fl(rt, norm(v.as_mut_slice()))
}

// ---- special functions ----

fn erf(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "erf", a, k, libm::erf, false)
}
fn erfc(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    m1(rt, "erfc", a, k, libm::erfc, false)
}

// Gamma and log-gamma as CPython computes them (its own Lanczos
// approximation, not the C library's), so results agree with CPython's to
// the bit wherever exp/pow/log/sin do.

// g and g - 1/2 are exact binary fractions, written out in full.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator's coefficients: x (x+1) ... (x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum for x > 0, evaluated in the direction that keeps it
/// accurate (powers of x below 5, of 1/x above).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi x) for finite x, reduced so that exact zeros stay exact.
fn sinpi(x: f64) -> f64 {
    let pi = core::f64::consts::PI;
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(pi * y),
        1 => libm::cos(pi * (y - 0.5)),
        2 => libm::sin(pi * (1.0 - y)),
        3 => -libm::cos(pi * (y - 1.5)),
        _ => libm::sin(pi * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// Gamma(x); Err(true) for a domain error, Err(false) for overflow.
fn tgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(true) };
    }
    if x == 0.0 {
        return Err(true);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(true);
        }
        if x <= 23.0 {
            let mut f = 1.0;
            for k in 2..x as u32 {
                f *= k as f64;
            }
            return Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(false) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(false) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct the result with.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -core::f64::consts::PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sp = libm::pow(y, absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sp = libm::pow(y, absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

/// log|Gamma(x)|; Err(true) for a domain error, Err(false) for overflow.
fn lgamma_f(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(true) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn gamma(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "gamma", k)?;
    exactly(rt, "gamma", a, 1)?;
    let x = to_f(rt, a[0])?;
    match tgamma(x) {
        Ok(r) => fl(rt, r),
        Err(true) => Err(domain(rt)),
        Err(false) => Err(range(rt)),
    }
}

fn lgamma(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "lgamma", k)?;
    exactly(rt, "lgamma", a, 1)?;
    let x = to_f(rt, a[0])?;
    match lgamma_f(x) {
        Ok(r) => fl(rt, r),
        Err(true) => Err(domain(rt)),
        Err(false) => Err(range(rt)),
    }
}

// ---- sums and products ----

/// `fsum(iterable)`: the correctly rounded sum (Shewchuk's exact partials).
fn fsum(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "fsum", k)?;
    exactly(rt, "fsum", a, 1)?;
    let it = ops::get_iter(rt, a[0])?;
    let mut partials: GcVec<f64> = GcVec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = ops::next(rt, it)? {
        let mut x = to_f(rt, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(rt.overflow_error(format_args!("intermediate overflow in fsum")));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.truncate(0);
            } else {
                partials.push(x).or_mem(rt)?;
            }
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(rt.value_error(format_args!("-inf + inf in fsum")));
        }
        return fl(rt, special);
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials push the
        // tie one way.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    fl(rt, hi)
}

/// `prod(iterable, *, start=1)` with the generic `*`.
fn prod(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        let n = a.len();
        return Err(if n == 0 {
            rt.type_error(format_args!("prod() missing required argument 'iterable' (pos 1)"))
        } else {
            rt.type_error(format_args!("prod() takes exactly 1 positional argument ({n} given)"))
        });
    }
    let mut acc = si(1);
    for pair in k.chunks(2) {
        if crate::objects::str::text(rt, pair[0]) == "start" {
            acc = pair[1];
        } else {
            let key = crate::objects::str::text(rt, pair[0]);
            return Err(rt.type_error(format_args!("prod() got an unexpected keyword argument '{key}'")));
        }
    }
    let it = ops::get_iter(rt, a[0])?;
    while let Some(x) = ops::next(rt, it)? {
        acc = ops::binary(rt, 2, acc, x)?;
    }
    Ok(acc)
}

// ---- integer functions ----

fn gcd2(rt: &Rt, x: Value, y: Value) -> PResult<Value> {
    if let (Some(a), Some(b)) = (int::to_i64(x), int::to_i64(y)) {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        return int::from_u64(rt, a);
    }
    let mut a = int::abs(rt, x)?;
    let mut b = int::abs(rt, y)?;
    while !int::is_zero(b) {
        let r = int::modulo(rt, a, b)?;
        a = b;
        b = r;
    }
    Ok(a)
}

fn gcd(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "gcd", k)?;
    let mut g = si(0);
    for &x in a {
        let x = to_int(rt, x)?;
        g = gcd2(rt, g, x)?;
    }
    Ok(g)
}

fn lcm(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "lcm", k)?;
    let mut l = si(1);
    for &x in a {
        let x = to_int(rt, x)?;
        if int::is_zero(l) || int::is_zero(x) {
            l = si(0);
            continue;
        }
        let g = gcd2(rt, l, x)?;
        let (q, _) = int::divmod(rt, l, g)?;
        let p = int::mul(rt, q, x)?;
        l = int::abs(rt, p)?;
    }
    Ok(l)
}

/// The product lo * (lo+1) * ... * hi of small factors, as an int.
fn range_prod(rt: &Rt, lo: u64, hi: u64) -> PResult<Value> {
    let mut acc = si(1);
    let mut chunk: u64 = 1;
    let mut i = lo;
    while i <= hi {
        match chunk.checked_mul(i) {
            Some(c) => chunk = c,
            None => {
                let c = int::from_u64(rt, chunk)?;
                acc = int::mul(rt, acc, c)?;
                chunk = i;
            }
        }
        i += 1;
    }
    let c = int::from_u64(rt, chunk)?;
    int::mul(rt, acc, c)
}

fn factorial(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "factorial", k)?;
    exactly(rt, "factorial", a, 1)?;
    let n = to_int(rt, a[0])?;
    if int::is_neg(n) {
        return Err(rt.value_error(format_args!("factorial() not defined for negative values")));
    }
    let Some(n) = int::to_i64(n) else {
        return Err(rt.overflow_error(format_args!("factorial() argument should not exceed {}", i64::MAX)));
    };
    range_prod(rt, 1, n as u64)
}

fn nonneg(rt: &mut Rt, v: Value, what: &str) -> PResult<Value> {
    let v = to_int(rt, v)?;
    if int::is_neg(v) {
        return Err(rt.value_error(format_args!("{what} must be a non-negative integer")));
    }
    Ok(v)
}

/// n * (n-1) * ... * (n-k+1) for a possibly big n.
fn falling(rt: &Rt, n: Value, k: u64) -> PResult<Value> {
    if let Some(nn) = int::to_i64(n) {
        return range_prod(rt, nn as u64 - k + 1, nn as u64);
    }
    let mut acc = si(1);
    let mut f = n;
    for _ in 0..k {
        acc = int::mul(rt, acc, f)?;
        f = int::sub(rt, f, si(1))?;
    }
    Ok(acc)
}

fn comb(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "comb", k)?;
    exactly(rt, "comb", a, 2)?;
    let n = nonneg(rt, a[0], "n")?;
    let kk = nonneg(rt, a[1], "k")?;
    if int::cmp(kk, n) == core::cmp::Ordering::Greater {
        return Ok(si(0));
    }
    let rest = int::sub(rt, n, kk)?;
    let kk = if int::cmp(rest, kk) == core::cmp::Ordering::Less { rest } else { kk };
    let Some(kv) = int::to_i64(kk) else {
        return Err(rt.overflow_error(format_args!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    // C(n, k) = C(n, k-1) * (n-k+1) / k, exact at every step.
    let mut acc = si(1);
    let mut f = n;
    for i in 1..=kv as u64 {
        acc = int::mul(rt, acc, f)?;
        let d = int::from_u64(rt, i)?;
        acc = int::divmod(rt, acc, d)?.0;
        f = int::sub(rt, f, si(1))?;
    }
    Ok(acc)
}

fn perm(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "perm", k)?;
    if a.is_empty() || a.len() > 2 {
        let n = a.len();
        return Err(if n == 0 {
            rt.type_error(format_args!("perm expected at least 1 argument, got 0"))
        } else {
            rt.type_error(format_args!("perm expected at most 2 arguments, got {n}"))
        });
    }
    if a.len() == 1 || a[1] == Value::NONE {
        return factorial(rt, &a[..1], &[]);
    }
    let n = nonneg(rt, a[0], "n")?;
    let kk = nonneg(rt, a[1], "k")?;
    if int::cmp(kk, n) == core::cmp::Ordering::Greater {
        return Ok(si(0));
    }
    let Some(kv) = int::to_i64(kk) else {
        return Err(rt.overflow_error(format_args!("k must not exceed {}", i64::MAX)));
    };
    if kv == 0 {
        return Ok(si(1));
    }
    falling(rt, n, kv as u64)
}

fn isqrt(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "isqrt", k)?;
    exactly(rt, "isqrt", a, 1)?;
    let n = to_int(rt, a[0])?;
    if int::is_neg(n) {
        return Err(rt.value_error(format_args!("isqrt() argument must be nonnegative")));
    }
    if let Some(v) = int::to_i64(n) {
        let v = v as u64;
        let mut r = (v as f64).sqrt() as u64;
        while r.checked_mul(r).is_none_or(|s| s > v) {
            r -= 1;
        }
        while (r + 1).checked_mul(r + 1).is_some_and(|s| s <= v) {
            r += 1;
        }
        return int::from_u64(rt, r);
    }
    // Newton's iteration from above: x -> (x + n // x) // 2 until it stops
    // decreasing.
    let bits = int::bit_length(n);
    let mut x = int::shl(rt, si(1), bits.div_ceil(2))?;
    loop {
        let (q, _) = int::divmod(rt, n, x)?;
        let s = int::add(rt, x, q)?;
        let y = int::shr(rt, s, 1)?;
        if int::cmp(y, x) != core::cmp::Ordering::Less {
            return Ok(x);
        }
        x = y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_agrees_with_cpython() {
        assert_eq!(lgamma_f(3.7), Ok(1.4280723266653883));
        assert_eq!(tgamma(5.0), Ok(24.0));
        assert_eq!(tgamma(-2.0), Err(true));
        assert_eq!(tgamma(172.0), Err(false));
    }

    #[test]
    fn norm_is_cpythons_vector_norm() {
        assert_eq!(norm(&mut [0.1, 0.2, 0.3]), 0.3741657386773941);
        assert_eq!(norm(&mut [3.0, -4.0]), 5.0);
        assert_eq!(norm(&mut [f64::NAN, f64::INFINITY]), f64::INFINITY);
        assert_eq!(norm(&mut [5e-324, 5e-324]), 5e-324);
    }
}
