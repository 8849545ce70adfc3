//! The generic operations every opcode and built-in goes through: numbers,
//! comparison, hashing, truth, iteration, subscripts and calls. Attribute
//! access is in `attr.rs`, text conversion in `repr.rs` (re-exported here).
//!
//! Each operation dispatches on the operands' kinds, with the built-in types
//! first and the special methods of user classes last, and raises CPython's
//! exception with CPython's message when nothing applies.

use crate::emit::bytecode::Op;
use crate::objects::builtin;
use crate::objects::class::{self, ClassObj};
use crate::objects::{
    boundmeth, bytearray, bytes, complex, dict, exception, float, frame, function, instance, int, iter, kind, list,
    range, set, slice, str as pstr, tuple, Kind, OrMem,
};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{interp, PResult, Rt};
use core::cmp::Ordering;
use upy_heap::GcVec;

pub use super::attr::{delattr, getattr, has_attr, load_method, lookup_special, setattr};
pub use super::hash::{hash, hash64};
pub use super::repr::{exception_line, format, repr, str};
pub use super::subscr::{delitem, getitem, setitem};

fn b(v: bool) -> Value {
    if v {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

fn si(i: isize) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

/// The class of any value.
pub fn type_of(_rt: &Rt, v: Value) -> Value {
    match kind(v) {
        Kind::SmallInt => class::INT_CLASS.value(),
        Kind::Str => class::STR_CLASS.value(),
        Kind::None => class::NONE_CLASS.value(),
        Kind::Bool => class::BOOL_CLASS.value(),
        Kind::Ellipsis => class::ELLIPSIS_CLASS.value(),
        Kind::NotImplemented => class::NOTIMPL_CLASS.value(),
        Kind::Instance => instance::parts(v).0,
        Kind::Exception => exception::class_of(v),
        Kind::Class => class::meta_of(v),
        Kind::Generator if frame::is_coroutine(v) => class::COROUTINE_CLASS.value(),
        _ => match crate::objects::desc(v) {
            Some(d) => d.class.value(),
            None => class::OBJECT_CLASS.value(),
        },
    }
}

/// The name of `v`'s class.
pub fn type_name<'a>(rt: &'a Rt, v: Value) -> &'a str {
    let c = type_of(rt, v);
    class::name(rt, c)
}

pub fn is_instance(rt: &Rt, v: Value, c: &'static ClassObj) -> bool {
    class::is_subclass(type_of(rt, v), c.value())
}

// ---- numbers --------------------------------------------------------------

pub(crate) fn is_intlike(v: Value) -> bool {
    int::is_int(v)
}

/// An int or bool as its int value.
pub(crate) fn as_int(v: Value) -> Value {
    if v == Value::TRUE {
        si(1)
    } else if v == Value::FALSE {
        si(0)
    } else {
        v
    }
}

fn to_f64(rt: &Rt, v: Value) -> PResult<Option<f64>> {
    if float::is_float(v) {
        return Ok(Some(float::get(v)));
    }
    if is_intlike(v) {
        return match int::to_f64(as_int(v)) {
            Some(f) => Ok(Some(f)),
            None => Err(rt.overflow_error(format_args!("int too large to convert to float"))),
        };
    }
    Ok(None)
}

/// `v` as an index (int or bool); TypeError otherwise.
pub fn to_index(rt: &mut Rt, v: Value) -> PResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if is_intlike(v) {
        return match int::to_i64(as_int(v)).and_then(|i| isize::try_from(i).ok()) {
            Some(i) => Ok(i),
            None => {
                Err(rt.error(&class::INDEX_ERROR_CLASS, format_args!("cannot fit 'int' into an index-sized integer")))
            }
        };
    }
    if kind(v) == Kind::Instance {
        if let Some(r) = call_special(rt, v, "__index__", &[])? {
            if is_intlike(r) {
                return to_index(rt, r);
            }
        }
        if let Some(n) = instance::native(v) {
            return to_index(rt, n);
        }
    }
    let tn = type_name(rt, v);
    Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")))
}

/// As `to_index`, but big ints clamp (for slice bounds).
pub fn to_index_clamped(rt: &mut Rt, v: Value) -> PResult<isize> {
    if is_intlike(v) && !v.is_small_int() && v != Value::TRUE && v != Value::FALSE {
        return Ok(if int::is_neg(v) { isize::MIN / 2 } else { isize::MAX / 2 });
    }
    if !is_intlike(v) && kind(v) != Kind::Instance {
        return Err(rt.type_error(format_args!("slice indices must be integers or None or have an __index__ method")));
    }
    to_index(rt, v)
}

const SYMS: [&str; 13] = ["+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"];
const DUNDER: [&str; 13] = [
    "__add__",
    "__sub__",
    "__mul__",
    "__matmul__",
    "__truediv__",
    "__mod__",
    "__pow__",
    "__lshift__",
    "__rshift__",
    "__or__",
    "__xor__",
    "__and__",
    "__floordiv__",
];
const RDUNDER: [&str; 13] = [
    "__radd__",
    "__rsub__",
    "__rmul__",
    "__rmatmul__",
    "__rtruediv__",
    "__rmod__",
    "__rpow__",
    "__rlshift__",
    "__rrshift__",
    "__ror__",
    "__rxor__",
    "__rand__",
    "__rfloordiv__",
];
const IDUNDER: [&str; 13] = [
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imatmul__",
    "__itruediv__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__ior__",
    "__ixor__",
    "__iand__",
    "__ifloordiv__",
];

fn unsupported(rt: &Rt, op: u8, a: Value, bv: Value, inplace: bool) -> Value {
    let (ta, tb) = (type_name(rt, a), type_name(rt, bv));
    let sym = SYMS[op as usize];
    if inplace && op != 6 {
        rt.type_error(format_args!("unsupported operand type(s) for {sym}=: '{ta}' and '{tb}'"))
    } else if op == 6 && inplace {
        rt.type_error(format_args!("unsupported operand type(s) for **=: '{ta}' and '{tb}'"))
    } else {
        rt.type_error(format_args!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }
}

fn int_binary(rt: &mut Rt, op: u8, a: Value, bv: Value) -> PResult<Value> {
    if kind(a) == Kind::Bool && kind(bv) == Kind::Bool && matches!(op, 9..=11) {
        let (x, y) = (a == Value::TRUE, bv == Value::TRUE);
        return Ok(b(match op {
            9 => x | y,
            10 => x ^ y,
            _ => x & y,
        }));
    }
    let (a, bv) = (as_int(a), as_int(bv));
    if let (Some(x), Some(y)) = (a.as_small_int(), bv.as_small_int()) {
        let r = match op {
            0 => x.checked_add(y),
            1 => x.checked_sub(y),
            2 => x.checked_mul(y),
            9 => Some(x | y),
            10 => Some(x ^ y),
            11 => Some(x & y),
            12 if y != 0 => Some(x.div_euclid(y) - if (x.rem_euclid(y) != 0) && y < 0 { 1 } else { 0 }),
            5 if y != 0 => {
                let m = x % y;
                Some(if m != 0 && ((m < 0) != (y < 0)) { m + y } else { m })
            }
            _ => None,
        };
        if let Some(r) = r.and_then(Value::small_int) {
            if op != 12 {
                return Ok(r);
            }
            // Floor division: recompute plainly (div_euclid differs for negative divisors).
            let q = x / y;
            let q = if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q };
            return Ok(si(q));
        }
    }
    match op {
        0 => int::add(rt, a, bv),
        1 => int::sub(rt, a, bv),
        2 => int::mul(rt, a, bv),
        4 => {
            if int::is_zero(bv) {
                return Err(rt.zero_division(format_args!("division by zero")));
            }
            match (int::to_i64(a), int::to_i64(bv)) {
                (Some(x), Some(y)) if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => {
                    float::new(rt, x as f64 / y as f64)
                }
                _ => {
                    let (x, y) = (to_f64(rt, a)?.unwrap_or(0.0), to_f64(rt, bv)?.unwrap_or(1.0));
                    float::new(rt, x / y)
                }
            }
        }
        5 | 12 => {
            if int::is_zero(bv) {
                return Err(if op == 5 {
                    rt.zero_division(format_args!("integer modulo by zero"))
                } else {
                    rt.zero_division(format_args!("integer division or modulo by zero"))
                });
            }
            let (q, r) = int::divmod(rt, a, bv)?;
            Ok(if op == 5 { r } else { q })
        }
        6 => {
            if int::is_neg(bv) {
                let (x, y) = (to_f64(rt, a)?.unwrap_or(0.0), to_f64(rt, bv)?.unwrap_or(0.0));
                if x == 0.0 {
                    return Err(rt.zero_division(format_args!("0.0 cannot be raised to a negative power")));
                }
                return float::new(rt, crate::objects::fmath::pow(x, y));
            }
            let e = match int::to_i64(bv) {
                Some(e) => e as u64,
                None => return Err(rt.overflow_error(format_args!("exponent too large"))),
            };
            if int::bit_length(a) * e > 64 * 1024 * 1024 {
                return Err(rt.memory_error());
            }
            int::pow(rt, a, e)
        }
        7 | 8 => {
            if int::is_neg(bv) {
                return Err(rt.value_error(format_args!("negative shift count")));
            }
            let n = match int::to_i64(bv) {
                Some(n) => n as u64,
                None if op == 8 => return Ok(si(if int::is_neg(a) { -1 } else { 0 })),
                None => return Err(rt.overflow_error(format_args!("too many digits in integer"))),
            };
            if op == 7 {
                if let Some(x) = a.as_small_int() {
                    let lim = (isize::BITS - 2) as u64;
                    if n < lim && (x.unsigned_abs() as u64) < (1u64 << (lim - n)) {
                        return Ok(si(x << n));
                    }
                }
                int::shl(rt, a, n)
            } else {
                if let Some(x) = a.as_small_int() {
                    return Ok(si(x >> n.min(isize::BITS as u64 - 1)));
                }
                int::shr(rt, a, n)
            }
        }
        9 => int::bitop(rt, a, bv, 1),
        10 => int::bitop(rt, a, bv, 2),
        11 => int::bitop(rt, a, bv, 0),
        _ => Err(unsupported(rt, op, a, bv, false)),
    }
}

fn float_binary(rt: &mut Rt, op: u8, x: f64, y: f64) -> PResult<Option<Value>> {
    let r = match op {
        0 => x + y,
        1 => x - y,
        2 => x * y,
        4 => {
            if y == 0.0 {
                return Err(rt.zero_division(format_args!("float division by zero")));
            }
            x / y
        }
        5 => {
            if y == 0.0 {
                return Err(rt.zero_division(format_args!("float modulo")));
            }
            float::divmod(x, y).1
        }
        12 => {
            if y == 0.0 {
                return Err(rt.zero_division(format_args!("float floor division by zero")));
            }
            float::divmod(x, y).0
        }
        6 => {
            if x == 0.0 && y < 0.0 {
                return Err(rt.zero_division(format_args!("0.0 cannot be raised to a negative power")));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                // A negative base to a fractional power is complex, as in CPython.
                return crate::objects::complex::binary(rt, 6, (x, 0.0), (y, 0.0));
            }
            let r = crate::objects::fmath::pow(x, y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(rt.overflow_error(format_args!("(34, 'Numerical result out of range')")));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(float::new(rt, r)?))
}

fn seq_repeat(rt: &mut Rt, seq: Value, n: Value) -> PResult<Value> {
    if int::is_int(n) && !n.is_small_int() && int::to_i64(as_int(n)).and_then(|i| isize::try_from(i).ok()).is_none() {
        // A count beyond the address space: as on a 64-bit CPython, on both architectures.
        if int::is_neg(n) {
            return seq_repeat(rt, seq, si(0));
        }
        return Err(rt.memory_error());
    }
    let n = to_index(rt, n)?.max(0) as usize;
    match kind(seq) {
        Kind::Str => pstr::repeat(rt, seq, n as isize),
        Kind::List => {
            let src = seq;
            let len = list::len(src);
            if len.saturating_mul(n) > (1 << 28) {
                return Err(rt.memory_error());
            }
            let l = list::new(rt, len * n)?;
            for _ in 0..n {
                for i in 0..len {
                    list::append(rt, l, list::items(src)[i])?;
                }
            }
            Ok(l)
        }
        Kind::Tuple => {
            let len = tuple::len(seq);
            if len.saturating_mul(n) > (1 << 28) {
                return Err(rt.memory_error());
            }
            let t = tuple::new_uninit(rt, len * n)?;
            for k in 0..n {
                for i in 0..len {
                    tuple::set(t, k * len + i, tuple::items(seq)[i]);
                }
            }
            Ok(t)
        }
        _ => {
            let d = bytes::data(seq).unwrap_or(&[]);
            let mut out = GcVec::<u8>::with_capacity(d.len() * n).or_mem(rt)?;
            for _ in 0..n {
                out.extend_from_slice(bytes::data(seq).unwrap_or(&[])).or_mem(rt)?;
            }
            bytes::new(rt, &out)
        }
    }
}

fn concat_msg(rt: &Rt, a: Value, bv: Value) -> Value {
    let (ta, tb) = (type_name(rt, a), type_name(rt, bv));
    rt.type_error(format_args!("can only concatenate {ta} (not \"{tb}\") to {ta}"))
}

/// `a <op> b` for BINARY_OP codes 0..13.
pub fn binary(rt: &mut Rt, op: u8, a: Value, bv: Value) -> PResult<Value> {
    let (ka, kb) = (kind(a), kind(bv));
    if is_intlike(a) && is_intlike(bv) {
        return int_binary(rt, op, a, bv);
    }
    let num = |k: Kind| matches!(k, Kind::Float | Kind::SmallInt | Kind::BigInt | Kind::Bool);
    let cpx = |k: Kind| matches!(k, Kind::Complex | Kind::ConstComplex);
    if (cpx(ka) && (num(kb) || cpx(kb))) || (cpx(kb) && num(ka)) {
        if let (Some(x), Some(y)) = (complex::parts(a), complex::parts(bv)) {
            if let Some(r) = complex::binary(rt, op, x, y)? {
                return Ok(r);
            }
        }
        return Err(unsupported(rt, op, a, bv, false));
    }
    if num(ka) && num(kb) {
        let (x, y) = (to_f64(rt, a)?.unwrap_or(0.0), to_f64(rt, bv)?.unwrap_or(0.0));
        if let Some(r) = float_binary(rt, op, x, y)? {
            return Ok(r);
        }
        return Err(unsupported(rt, op, a, bv, false));
    }
    match (ka, kb, op) {
        (Kind::Str, Kind::Str, 0) => return pstr::concat(rt, a, bv),
        (Kind::Str, _, 0) => return Err(concat_msg(rt, a, bv)),
        (Kind::List, Kind::List, 0) => {
            let l = list::new(rt, list::len(a) + list::len(bv))?;
            list::extend(rt, l, a)?;
            list::extend(rt, l, bv)?;
            return Ok(l);
        }
        (Kind::List, Kind::Instance, 0) => {}
        (Kind::List, _, 0) => return Err(concat_msg(rt, a, bv)),
        (Kind::Tuple, Kind::Tuple, 0) => {
            let (la, lb) = (tuple::len(a), tuple::len(bv));
            let t = tuple::new_uninit(rt, la + lb)?;
            for i in 0..la {
                tuple::set(t, i, tuple::items(a)[i]);
            }
            for i in 0..lb {
                tuple::set(t, la + i, tuple::items(bv)[i]);
            }
            return Ok(t);
        }
        (Kind::Tuple, Kind::Instance, 0) => {}
        (Kind::Tuple, _, 0) => return Err(concat_msg(rt, a, bv)),
        (Kind::Bytes, Kind::Str | Kind::SmallInt | Kind::List | Kind::Tuple, 0) => {
            let tb = type_name(rt, bv);
            return Err(rt.type_error(format_args!("can't concat {tb} to bytes")));
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray, 0) => {
            let mut out = GcVec::<u8>::new();
            let x = if ka == Kind::Bytes { bytes::data(a).unwrap_or(&[]) } else { bytearray::data(a) };
            out.extend_from_slice(x).or_mem(rt)?;
            let y = if kb == Kind::Bytes { bytes::data(bv).unwrap_or(&[]) } else { bytearray::data(bv) };
            out.extend_from_slice(y).or_mem(rt)?;
            return if ka == Kind::Bytes { bytes::new(rt, &out) } else { bytearray::new(rt, &out) };
        }
        (Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes, Kind::SmallInt | Kind::BigInt | Kind::Bool, 2) => {
            return seq_repeat(rt, a, bv)
        }
        (Kind::SmallInt | Kind::BigInt | Kind::Bool, Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes, 2) => {
            return seq_repeat(rt, bv, a)
        }
        (Kind::Str, _, 5) => return super::repr::percent_format(rt, a, bv),
        (Kind::Bytes | Kind::ByteArray, _, 5) => return crate::objects::bytes_methods::percent(rt, a, bv),
        (
            Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes,
            Kind::Float | Kind::Str | Kind::List | Kind::Tuple | Kind::Dict | Kind::None,
            2,
        ) => {
            let tn = type_name(rt, bv);
            return Err(rt.type_error(format_args!("can't multiply sequence by non-int of type '{tn}'")));
        }
        (Kind::Float | Kind::Dict | Kind::None, Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes, 2) => {
            let tn = type_name(rt, a);
            return Err(rt.type_error(format_args!("can't multiply sequence by non-int of type '{tn}'")));
        }
        (Kind::Iter, _, 9 | 11 | 1 | 10) | (_, Kind::Iter, 9 | 11 | 1 | 10)
            if set_like_view(a) || set_like_view(bv) =>
        {
            // Keys and items views are set-like: set(view) <op>= other.
            let (x, y) = if set_like_view(a) { (a, bv) } else { (bv, a) };
            if !is_iterable(rt, y)? {
                return Err(unsupported(rt, op, a, bv, false));
            }
            let s = set::new(rt, false)?;
            set::update(rt, s, x)?;
            match op {
                9 => set::update(rt, s, y)?,
                11 => set::intersection_update(rt, s, y)?,
                1 if x == a => set::difference_update(rt, s, y)?,
                1 => {
                    let t = set::new(rt, false)?;
                    set::update(rt, t, y)?;
                    set::difference_update(rt, t, x)?;
                    return Ok(t);
                }
                _ => set::symdiff_update(rt, s, y)?,
            }
            return Ok(s);
        }
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet, 9) => return set::union(rt, a, bv),
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet, 11) => return set::intersection(rt, a, bv),
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet, 1) => return set::difference(rt, a, bv),
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet, 10) => return set::symdiff(rt, a, bv),
        (Kind::Dict, Kind::Dict, 9) => {
            let d = dict::new(rt)?;
            dict::copy_into(rt, d, a)?;
            dict::copy_into(rt, d, bv)?;
            return Ok(d);
        }
        _ => {}
    }
    if ka == Kind::Instance || ka == Kind::Exception {
        if let Some(r) = call_special(rt, a, DUNDER[op as usize], &[bv])? {
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if kb == Kind::Instance || kb == Kind::Exception {
        if let Some(r) = call_special(rt, bv, RDUNDER[op as usize], &[a])? {
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    // Subclasses of built-in types: the built-in operation on the values.
    match (instance::native(a), instance::native(bv)) {
        (None, None) => Err(unsupported(rt, op, a, bv, false)),
        (na, nb) => binary(rt, op, na.unwrap_or(a), nb.unwrap_or(bv)),
    }
}

/// `a <op>= b`: the in-place method if there is one, else the binary operation.
pub fn inplace(rt: &mut Rt, op: u8, a: Value, bv: Value) -> PResult<Value> {
    match kind(a) {
        Kind::List if op == 0 => {
            if !is_iterable(rt, bv)? {
                let tn = type_name(rt, bv);
                return Err(rt.type_error(format_args!("'{tn}' object is not iterable")));
            }
            list::extend(rt, a, bv)?;
            return Ok(a);
        }
        Kind::Set if matches!(op, 9 | 11 | 1 | 10) && set::is_set(bv) => {
            match op {
                9 => set::update(rt, a, bv)?,
                11 => set::intersection_update(rt, a, bv)?,
                1 => set::difference_update(rt, a, bv)?,
                _ => set::symdiff_update(rt, a, bv)?,
            }
            return Ok(a);
        }
        Kind::Dict if op == 9 => {
            dict::update(rt, a, bv)?;
            return Ok(a);
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, a, IDUNDER[op as usize], &[bv])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
            if let Some(n) = instance::native(a) {
                // In place on the wrapped object keeps the subclass instance.
                let r = inplace(rt, op, n, bv)?;
                return Ok(if r == n { a } else { r });
            }
        }
        _ => {}
    }
    match binary(rt, op, a, bv) {
        Err(e) if exception::is_exc(e) && exception::matches(e, &class::TYPE_ERROR_CLASS) && is_unsupported(rt, e) => {
            Err(unsupported(rt, op, a, bv, true))
        }
        r => r,
    }
}

fn is_unsupported(rt: &Rt, e: Value) -> bool {
    let a = exception::arg0(e);
    pstr::bytes_of(rt, a).is_some_and(|s| s.starts_with(b"unsupported operand"))
}

pub fn unary(rt: &mut Rt, op: Op, v: Value) -> PResult<Value> {
    let k = kind(v);
    if is_intlike(v) {
        let v = as_int(v);
        return match op {
            Op::UNARY_NEGATIVE => match v.as_small_int() {
                Some(i) => int::from_i64(rt, -(i as i64)),
                None => int::neg(rt, v),
            },
            Op::UNARY_POSITIVE => Ok(v),
            _ => match v.as_small_int() {
                Some(i) => Ok(si(!i)),
                None => int::invert(rt, v),
            },
        };
    }
    if matches!(k, Kind::Complex | Kind::ConstComplex) && op != Op::UNARY_INVERT {
        let (r, i) = complex::parts(v).unwrap_or((0.0, 0.0));
        return if op == Op::UNARY_NEGATIVE { complex::new(rt, -r, -i) } else { complex::new(rt, r, i) };
    }
    if k == Kind::Float && op != Op::UNARY_INVERT {
        let f = float::get(v);
        return if op == Op::UNARY_NEGATIVE { float::new(rt, -f) } else { Ok(v) };
    }
    let (name, sym) = match op {
        Op::UNARY_NEGATIVE => ("__neg__", "-"),
        Op::UNARY_POSITIVE => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if k == Kind::Instance {
        if let Some(r) = call_special(rt, v, name, &[])? {
            return Ok(r);
        }
        if let Some(n) = instance::native(v) {
            return unary(rt, op, n);
        }
    }
    let tn = type_name(rt, v);
    Err(rt.type_error(format_args!("bad operand type for unary {sym}: '{tn}'")))
}

// ---- comparison -------------------------------------------------------------

pub fn eq(rt: &mut Rt, a: Value, bv: Value) -> PResult<bool> {
    if a == bv && !float::is_float(a) {
        return Ok(true);
    }
    let (ka, kb) = (kind(a), kind(bv));
    if complex::is_complex(a) || complex::is_complex(bv) {
        return Ok(match (complex::parts(a), complex::parts(bv)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        });
    }
    match (ka, kb) {
        (Kind::Str, Kind::Str) => return Ok(pstr::eq(rt, a, bv)),
        (Kind::SmallInt | Kind::BigInt | Kind::Bool, Kind::SmallInt | Kind::BigInt | Kind::Bool) => {
            return Ok(int::cmp(as_int(a), as_int(bv)) == Ordering::Equal)
        }
        (Kind::Float, Kind::Float | Kind::SmallInt | Kind::BigInt | Kind::Bool)
        | (Kind::SmallInt | Kind::BigInt | Kind::Bool, Kind::Float) => {
            return Ok(num_cmp(rt, a, bv)? == Some(Ordering::Equal))
        }
        (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => {
            let (la, lb) = (seq_len(a), seq_len(bv));
            if la != lb {
                return Ok(false);
            }
            for i in 0..la {
                if i >= seq_len(a) || i >= seq_len(bv) {
                    return Ok(false);
                }
                let (x, y) = (seq_item(a, i), seq_item(bv, i));
                // Identity first, as CPython's containers compare items.
                if x != y && !eq(rt, x, y)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
            let x = if ka == Kind::Bytes { bytes::data(a).unwrap_or(&[]) } else { bytearray::data(a) };
            let y = if kb == Kind::Bytes { bytes::data(bv).unwrap_or(&[]) } else { bytearray::data(bv) };
            return Ok(x == y);
        }
        (Kind::Array, Kind::Array) => return crate::objects::array::eq(rt, a, bv),
        (Kind::Dict, Kind::Dict) => {
            if crate::objects::ordereddict::is_ordered(a) && crate::objects::ordereddict::is_ordered(bv) {
                return crate::objects::ordereddict::eq(rt, a, bv);
            }
            if dict::len(a) != dict::len(bv) {
                return Ok(false);
            }
            let mut i = 0;
            while i < dict::fill(a) {
                if let Some((k, v)) = dict::entry_at(a, i) {
                    match dict::get(rt, bv, k)? {
                        Some(w) => {
                            if v != w && !eq(rt, v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                i += 1;
            }
            return Ok(true);
        }
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
            return Ok(dict::len(a) == dict::len(bv) && set::is_subset(rt, a, bv)?)
        }
        (Kind::Range, Kind::Range) => {
            let (x, y) = (range::parts(a), range::parts(bv));
            let (lx, ly) = (range::len(a), range::len(bv));
            return Ok(lx == ly && (lx == 0 || (x.0 == y.0 && (lx == 1 || x.2 == y.2))));
        }
        (Kind::Slice, Kind::Slice) => {
            let (x, y) = (slice::parts(a), slice::parts(bv));
            return Ok(eq(rt, x.0, y.0)? && eq(rt, x.1, y.1)? && eq(rt, x.2, y.2)?);
        }
        (Kind::BoundMethod, Kind::BoundMethod) => {
            let (x, y) = (boundmeth::parts(a), boundmeth::parts(bv));
            return Ok(x.0 == y.0 && x.1 == y.1);
        }
        _ => {}
    }
    if ka == Kind::Instance || ka == Kind::Exception {
        if let Some(r) = call_special(rt, a, "__eq__", &[bv])? {
            if r != Value::NOT_IMPLEMENTED {
                return truthy(rt, r);
            }
        }
    }
    if kb == Kind::Instance || kb == Kind::Exception {
        if let Some(r) = call_special(rt, bv, "__eq__", &[a])? {
            if r != Value::NOT_IMPLEMENTED {
                return truthy(rt, r);
            }
        }
    }
    match (instance::native(a), instance::native(bv)) {
        (None, None) => Ok(a == bv),
        (na, nb) => eq(rt, na.unwrap_or(a), nb.unwrap_or(bv)),
    }
}

fn num_cmp(rt: &Rt, a: Value, bv: Value) -> PResult<Option<Ordering>> {
    if is_intlike(a) && is_intlike(bv) {
        return Ok(Some(int::cmp(as_int(a), as_int(bv))));
    }
    // An int against a float: exactly, as CPython does.
    if is_intlike(a) != is_intlike(bv) {
        let (i, f, swapped) =
            if is_intlike(a) { (as_int(a), float::get(bv), false) } else { (as_int(bv), float::get(a), true) };
        let o = int_float_cmp(rt, i, f)?;
        return Ok(if swapped { o.map(Ordering::reverse) } else { o });
    }
    let x = match to_f64(rt, a) {
        Ok(x) => x.unwrap_or(0.0),
        Err(_) => return Ok(Some(if int::is_neg(a) { Ordering::Less } else { Ordering::Greater })),
    };
    let y = match to_f64(rt, bv) {
        Ok(y) => y.unwrap_or(0.0),
        Err(_) => return Ok(Some(if int::is_neg(bv) { Ordering::Greater } else { Ordering::Less })),
    };
    Ok(x.partial_cmp(&y))
}

fn int_float_cmp(rt: &Rt, i: Value, f: f64) -> PResult<Option<Ordering>> {
    if f.is_nan() {
        return Ok(None);
    }
    if f.is_infinite() {
        return Ok(Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater }));
    }
    if let Some(x) = int::to_i64(i) {
        if x.unsigned_abs() < (1u64 << 53) {
            return Ok((x as f64).partial_cmp(&f));
        }
    }
    let fl = f.floor();
    let fi = int::from_f64(rt, fl)?;
    Ok(Some(match int::cmp(i, fi) {
        Ordering::Equal if f != fl => Ordering::Less,
        o => o,
    }))
}

fn seq_len(v: Value) -> usize {
    if list::is_list(v) {
        list::len(v)
    } else {
        tuple::len(v)
    }
}

fn seq_item(v: Value, i: usize) -> Value {
    if list::is_list(v) {
        list::items(v)[i]
    } else {
        tuple::items(v)[i]
    }
}

const CMP_SYM: [&str; 6] = ["<", ">", "==", "!=", "<=", ">="];
const CMP_DUNDER: [&str; 6] = ["__lt__", "__gt__", "__eq__", "__ne__", "__le__", "__ge__"];
const CMP_SWAP: [usize; 6] = [1, 0, 2, 3, 5, 4];

fn ord_result(op: u8, o: Option<Ordering>) -> bool {
    match o {
        None => false,
        Some(o) => match op {
            0 => o == Ordering::Less,
            1 => o == Ordering::Greater,
            4 => o != Ordering::Greater,
            _ => o != Ordering::Less,
        },
    }
}

/// Ordering comparison (`op` 0 <, 1 >, 4 <=, 5 >=).
fn order(rt: &mut Rt, op: u8, a: Value, bv: Value) -> PResult<bool> {
    let (ka, kb) = (kind(a), kind(bv));
    let num = |k: Kind| matches!(k, Kind::Float | Kind::SmallInt | Kind::BigInt | Kind::Bool);
    if num(ka) && num(kb) {
        return Ok(ord_result(op, num_cmp(rt, a, bv)?));
    }
    match (ka, kb) {
        (Kind::Str, Kind::Str) => return Ok(ord_result(op, Some(pstr::cmp(rt, a, bv)))),
        (Kind::Bytes, Kind::Bytes) => return Ok(ord_result(op, Some(bytes::data(a).cmp(&bytes::data(bv))))),
        (Kind::List, Kind::List) | (Kind::Tuple, Kind::Tuple) => {
            let mut i = 0;
            loop {
                let (la, lb) = (seq_len(a), seq_len(bv));
                if i >= la || i >= lb {
                    return Ok(ord_result(op, Some(la.cmp(&lb))));
                }
                let (x, y) = (seq_item(a, i), seq_item(bv, i));
                if x != y && !eq(rt, x, y)? {
                    return order(rt, op, x, y);
                }
                i += 1;
            }
        }
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
            let (la, lb) = (dict::len(a), dict::len(bv));
            return Ok(match op {
                0 => la < lb && set::is_subset(rt, a, bv)?,
                4 => set::is_subset(rt, a, bv)?,
                1 => la > lb && set::is_subset(rt, bv, a)?,
                _ => set::is_subset(rt, bv, a)?,
            });
        }
        _ => {}
    }
    if ka == Kind::Instance {
        if let Some(r) = call_special(rt, a, CMP_DUNDER[op as usize], &[bv])? {
            if r != Value::NOT_IMPLEMENTED {
                return truthy(rt, r);
            }
        }
    }
    if kb == Kind::Instance {
        if let Some(r) = call_special(rt, bv, CMP_DUNDER[CMP_SWAP[op as usize]], &[a])? {
            if r != Value::NOT_IMPLEMENTED {
                return truthy(rt, r);
            }
        }
    }
    if let (na, nb @ Some(_)) | (na @ Some(_), nb) = (instance::native(a), instance::native(bv)) {
        return order(rt, op, na.unwrap_or(a), nb.unwrap_or(bv));
    }
    let (ta, tb) = (type_name(rt, a), type_name(rt, bv));
    let sym = CMP_SYM[op as usize];
    Err(rt.type_error(format_args!("'{sym}' not supported between instances of '{ta}' and '{tb}'")))
}

pub fn lt(rt: &mut Rt, a: Value, bv: Value) -> PResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), bv.as_small_int()) {
        return Ok(x < y);
    }
    order(rt, 0, a, bv)
}

pub fn gt(rt: &mut Rt, a: Value, bv: Value) -> PResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), bv.as_small_int()) {
        return Ok(x > y);
    }
    order(rt, 1, a, bv)
}

/// COMPARE_OP: 0 < 1 > 2 == 3 != 4 <= 5 >= 6 in 7 not in 8 is 9 is not.
pub fn compare(rt: &mut Rt, op: u8, a: Value, bv: Value) -> PResult<Value> {
    Ok(b(match op {
        2 => eq(rt, a, bv)?,
        3 => {
            if kind(a) == Kind::Instance {
                if let Some(r) = call_special(rt, a, "__ne__", &[bv])? {
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(b(truthy(rt, r)?));
                    }
                }
            }
            !eq(rt, a, bv)?
        }
        6 => contains(rt, bv, a)?,
        7 => !contains(rt, bv, a)?,
        8 => a == bv,
        9 => a != bv,
        _ => order(rt, op, a, bv)?,
    }))
}

/// `x in c`.
pub fn contains(rt: &mut Rt, c: Value, x: Value) -> PResult<bool> {
    match kind(c) {
        Kind::Str => {
            if !pstr::is_str(x) {
                let tn = type_name(rt, x);
                return Err(rt.type_error(format_args!("'in <string>' requires string as left operand, not {tn}")));
            }
            let (h, n) = (pstr::bytes_of(rt, c).unwrap_or(b""), pstr::bytes_of(rt, x).unwrap_or(b""));
            return Ok(pstr::find_from(h, n, 0, h.len()).is_some());
        }
        Kind::Bytes | Kind::ByteArray => {
            let h = bytes::data(c).unwrap_or_else(|| bytearray::data(c));
            if is_intlike(x) {
                return match int::to_i64(as_int(x)) {
                    Some(i) if (0..256).contains(&i) => Ok(h.contains(&(i as u8))),
                    _ => Err(rt.value_error(format_args!("byte must be in range(0, 256)"))),
                };
            }
            let n = match kind(x) {
                Kind::Bytes => bytes::data(x).unwrap_or(&[]),
                Kind::ByteArray => bytearray::data(x),
                _ => {
                    let tn = type_name(rt, x);
                    return Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")));
                }
            };
            return Ok(pstr::find_from(h, n, 0, h.len()).is_some());
        }
        Kind::Dict => return Ok(dict::get(rt, c, x)?.is_some()),
        Kind::Set | Kind::FrozenSet => return set::contains(rt, c, x),
        Kind::Array => return crate::objects::array::contains(rt, c, x),
        Kind::Range if is_intlike(x) => return Ok(int::to_i64(as_int(x)).is_some_and(|i| range::contains(c, i))),
        Kind::List | Kind::Tuple => {
            let mut i = 0;
            while i < seq_len(c) {
                let y = seq_item(c, i);
                if y == x || eq(rt, y, x)? {
                    return Ok(true);
                }
                i += 1;
            }
            return Ok(false);
        }
        Kind::Iter if iter::is_view(c) => {
            let (d, _, _) = iter::parts(c);
            if iter::sub(c) == iter::Sub::ViewKeys {
                return Ok(dict::get(rt, d, x)?.is_some());
            }
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, c, "__contains__", &[x])? {
                return truthy(rt, r);
            }
            if let Some(n) = instance::native(c) {
                return contains(rt, n, x);
            }
        }
        _ => {}
    }
    if !is_iterable(rt, c)? {
        let tn = type_name(rt, c);
        return Err(rt.type_error(format_args!("argument of type '{tn}' is not iterable")));
    }
    let it = get_iter(rt, c)?;
    while let Some(y) = next(rt, it)? {
        if y == x || eq(rt, y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---- hashing and truth --------------------------------------------------------

/// A dict's keys or items view (values views are not set-like).
fn set_like_view(v: Value) -> bool {
    iter::is_view(v) && !matches!(iter::sub(v), iter::Sub::ViewValues)
}

pub fn truthy(rt: &mut Rt, v: Value) -> PResult<bool> {
    if v == Value::TRUE {
        return Ok(true);
    }
    if v == Value::FALSE || v == Value::NONE {
        return Ok(false);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    Ok(match kind(v) {
        Kind::Str => !pstr::bytes_of(rt, v).unwrap_or(b"").is_empty(),
        Kind::BigInt => true,
        Kind::Float => float::get(v) != 0.0,
        Kind::Complex | Kind::ConstComplex => complex::parts(v) != Some((0.0, 0.0)),
        Kind::Tuple => tuple::len(v) != 0,
        Kind::List => list::len(v) != 0,
        Kind::Dict => dict::len(v) != 0,
        Kind::Set | Kind::FrozenSet => set::len(v) != 0,
        Kind::Bytes => !bytes::data(v).unwrap_or(&[]).is_empty(),
        Kind::ByteArray => !bytearray::data(v).is_empty(),
        Kind::Array => crate::objects::array::len(v) != 0,
        Kind::Range => range::len(v) != 0,
        Kind::Iter if iter::is_view(v) => dict::len(iter::parts(v).0) != 0,
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__bool__", &[])? {
                if r != Value::TRUE && r != Value::FALSE {
                    let tn = type_name(rt, r);
                    return Err(rt.type_error(format_args!("__bool__ should return bool, returned {tn}")));
                }
                return Ok(r == Value::TRUE);
            }
            if let Some(r) = call_special(rt, v, "__len__", &[])? {
                return Ok(to_index(rt, r)? != 0);
            }
            if let Some(n) = instance::native(v) {
                return truthy(rt, n);
            }
            true
        }
        _ => true,
    })
}

/// `len(v)`.
pub fn len(rt: &mut Rt, v: Value) -> PResult<isize> {
    Ok(match kind(v) {
        Kind::Str => pstr::char_len(pstr::bytes_of(rt, v).unwrap_or(b"")) as isize,
        Kind::Tuple => tuple::len(v) as isize,
        Kind::List => list::len(v) as isize,
        Kind::Dict => dict::len(v) as isize,
        Kind::Set | Kind::FrozenSet => set::len(v) as isize,
        Kind::Bytes => bytes::data(v).unwrap_or(&[]).len() as isize,
        Kind::ByteArray => bytearray::data(v).len() as isize,
        Kind::Array => crate::objects::array::len(v) as isize,
        Kind::Range => match isize::try_from(range::len(v)) {
            Ok(n) => n,
            Err(_) => return Err(rt.overflow_error(format_args!("Python int too large to convert to C ssize_t"))),
        },
        Kind::Iter if iter::is_view(v) => dict::len(iter::parts(v).0) as isize,
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__len__", &[])? {
                let n = to_index(rt, r)?;
                if n < 0 {
                    return Err(rt.value_error(format_args!("__len__() should return >= 0")));
                }
                return Ok(n);
            }
            if let Some(n) = instance::native(v) {
                return len(rt, n);
            }
            let tn = type_name(rt, v);
            return Err(rt.type_error(format_args!("object of type '{tn}' has no len()")));
        }
        _ => {
            let tn = type_name(rt, v);
            return Err(rt.type_error(format_args!("object of type '{tn}' has no len()")));
        }
    })
}

// ---- iteration -----------------------------------------------------------------

pub fn is_iterable(rt: &mut Rt, v: Value) -> PResult<bool> {
    Ok(match kind(v) {
        Kind::Str
        | Kind::ByteArray
        | Kind::Array
        | Kind::Tuple
        | Kind::List
        | Kind::Dict
        | Kind::Set
        | Kind::FrozenSet
        | Kind::Bytes
        | Kind::Range
        | Kind::Iter
        | Kind::File
        | Kind::Generator => true,
        Kind::Instance => {
            let c = type_of(rt, v);
            let a = match rt.st.qstr.find(b"__iter__") {
                Some(q) => class::lookup(rt, c, q)?.is_some(),
                None => false,
            };
            let g = match rt.st.qstr.find(b"__getitem__") {
                Some(q) => class::lookup(rt, c, q)?.is_some(),
                None => false,
            };
            a || g || instance::native(v).is_some()
        }
        _ => false,
    })
}

pub fn get_iter(rt: &mut Rt, v: Value) -> PResult<Value> {
    use iter::Sub;
    match kind(v) {
        Kind::List | Kind::Tuple | Kind::Array => iter::new(rt, Sub::Seq, v, 0, Value::NONE),
        Kind::Str => iter::new(rt, Sub::Str, v, 0, Value::NONE),
        Kind::Bytes | Kind::ByteArray => iter::new(rt, Sub::Bytes, v, 0, Value::NONE),
        Kind::Range => iter::new(rt, Sub::Range, v, 0, Value::NONE),
        Kind::Dict => iter::dict_iter(rt, v),
        Kind::Set | Kind::FrozenSet => iter::set_iter(rt, v),
        Kind::Iter if iter::is_view(v) => iter::view_iter(rt, v),
        Kind::Iter | Kind::Generator => Ok(v),
        Kind::File => crate::objects::file::iter(rt, v),
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__iter__", &[])? {
                let ok = match kind(r) {
                    Kind::Iter | Kind::Generator => true,
                    Kind::Instance => has_special(rt, r, "__next__")?,
                    _ => false,
                };
                if !ok {
                    let tn = type_name(rt, r);
                    return Err(rt.type_error(format_args!("iter() returned non-iterator of type '{tn}'")));
                }
                return Ok(r);
            }
            if let Some(n) = instance::native(v) {
                if !has_special(rt, v, "__getitem__")? {
                    return get_iter(rt, n);
                }
            }
            if has_special(rt, v, "__getitem__")? {
                // The old sequence protocol: a list of items up to IndexError.
                let l = list::new(rt, 0)?;
                let mut i = 0;
                loop {
                    match getitem(rt, v, si(i)) {
                        Ok(x) => list::append(rt, l, x)?,
                        Err(e) if exception::is_exc(e) && exception::matches(e, &class::INDEX_ERROR_CLASS) => break,
                        Err(e) if exception::is_exc(e) && exception::matches(e, &class::STOP_ITERATION_CLASS) => break,
                        Err(e) => return Err(e),
                    }
                    i += 1;
                }
                return iter::new(rt, Sub::Seq, l, 0, Value::NONE);
            }
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("'{tn}' object is not iterable")))
        }
        _ => {
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("'{tn}' object is not iterable")))
        }
    }
}

/// The next item, or None when the iterator is exhausted.
pub fn next(rt: &mut Rt, it: Value) -> PResult<Option<Value>> {
    match kind(it) {
        Kind::Iter => iter::next(rt, it),
        Kind::Generator => interp::gen_next(rt, it),
        Kind::File => crate::objects::file::next_line(rt, it),
        Kind::Instance => match call_special(rt, it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                let tn = type_name(rt, it);
                Err(rt.type_error(format_args!("'{tn}' object is not an iterator")))
            }
            Err(e) if exception::is_exc(e) && exception::matches(e, &class::STOP_ITERATION_CLASS) => Ok(None),
            Err(e) => Err(e),
        },
        _ => {
            let tn = type_name(rt, it);
            Err(rt.type_error(format_args!("'{tn}' object is not an iterator")))
        }
    }
}

/// Any iterable as a new list (a list is copied).
pub fn to_list(rt: &mut Rt, v: Value) -> PResult<Value> {
    if tuple::is_tuple(v) {
        return list::from_slice(rt, tuple::items(v));
    }
    let l = list::new(rt, 0)?;
    list::extend(rt, l, v)?;
    Ok(l)
}

// ---- calls -------------------------------------------------------------------------------

/// Calls `f` with positional `args` and keyword pairs `kw` (qstr or str name, value).
pub fn call(rt: &mut Rt, f: Value, args: &[Value], kw: &[Value]) -> PResult<Value> {
    call_kw(rt, f, args, kw)
}

pub fn call_kw(rt: &mut Rt, f: Value, args: &[Value], kw: &[Value]) -> PResult<Value> {
    match kind(f) {
        Kind::Function => interp::call_function(rt, f, args, kw, Value::NONE),
        Kind::Builtin => {
            let bf = builtin::get(f);
            rt.check_stack()?;
            builtin::check_arity(rt, bf, args)?;
            (bf.f)(rt, args, kw)
        }
        Kind::BoundMethod => {
            let (this, m) = boundmeth::parts(f);
            let mut v: GcVec<Value> = GcVec::with_capacity(args.len() + 1).or_mem(rt)?;
            v.push(this).or_mem(rt)?;
            v.extend_from_slice(args).or_mem(rt)?;
            call_kw(rt, m, &v, kw)
        }
        Kind::Class => super::classes::instantiate(rt, f, args, kw),
        Kind::Instance => {
            let cls = type_of(rt, f);
            if let Some(q) = rt.st.qstr.find(b"__call__") {
                if let Some(m) = class::lookup(rt, cls, q)? {
                    let mut v: GcVec<Value> = GcVec::with_capacity(args.len() + 1).or_mem(rt)?;
                    v.push(f).or_mem(rt)?;
                    v.extend_from_slice(args).or_mem(rt)?;
                    return call_kw(rt, m, &v, kw);
                }
            }
            let tn = type_name(rt, f);
            Err(rt.type_error(format_args!("'{tn}' object is not callable")))
        }
        Kind::StaticMethod => call_kw(rt, instance::wrapped(f), args, kw),
        _ => {
            let tn = type_name(rt, f);
            Err(rt.type_error(format_args!("'{tn}' object is not callable")))
        }
    }
}

/// `f(*args, **kw)` with a tuple and a dict (or NONE).
pub fn call_ex(rt: &mut Rt, f: Value, args: Value, kw: Value) -> PResult<Value> {
    let args = if tuple::is_tuple(args) {
        args
    } else {
        let l = to_list(rt, args)?;
        tuple::new(rt, list::items(l))?
    };
    let mut pairs: GcVec<Value> = GcVec::new();
    if kw != Value::NONE {
        let mut i = 0;
        while i < dict::fill(kw) {
            if let Some((k, v)) = dict::entry_at(kw, i) {
                if !pstr::is_str(k) {
                    return Err(rt.type_error(format_args!("keywords must be strings")));
                }
                pairs.push(k).or_mem(rt)?;
                pairs.push(v).or_mem(rt)?;
            }
            i += 1;
        }
    }
    call_kw(rt, f, tuple::items(args), &pairs)
}

/// Does `v`'s class define `name`?
pub fn has_special(rt: &mut Rt, v: Value, name: &str) -> PResult<bool> {
    let cls = type_of(rt, v);
    match rt.st.qstr.find(name.as_bytes()) {
        Some(q) => Ok(class::lookup(rt, cls, q)?.is_some()),
        None => Ok(false),
    }
}

/// Calls the special method `name` of `v`'s class with `v` and `args`;
/// None if the class does not define it.
pub fn call_special(rt: &mut Rt, v: Value, name: &str, args: &[Value]) -> PResult<Option<Value>> {
    let q = match rt.st.qstr.find(name.as_bytes()) {
        Some(q) => q,
        None => {
            // No class defines a name never interned; a built-in base type
            // may still have it as a special method.
            if instance::native(v).is_some() {
                let solid = class::solid_base(type_of(rt, v));
                if let Some(m) = crate::objects::slots::find(solid, name.as_bytes()) {
                    let mut a = [Value::NONE; 4];
                    a[0] = v;
                    a[1..1 + args.len()].copy_from_slice(args);
                    return Ok(Some(call(rt, m, &a[..1 + args.len()], &[])?));
                }
            }
            return Ok(None);
        }
    };
    let cls = type_of(rt, v);
    let m = match lookup_special(rt, cls, q)? {
        Some(m) => m,
        None => return Ok(None),
    };
    let mut a = [Value::NONE; 4];
    a[0] = v;
    a[1..1 + args.len()].copy_from_slice(args);
    let r = match kind(m) {
        Kind::StaticMethod => call(rt, instance::wrapped(m), args, &[])?,
        Kind::ClassMethod => {
            a[0] = cls;
            call(rt, instance::wrapped(m), &a[..1 + args.len()], &[])?
        }
        Kind::Builtin => {
            a[0] = instance::self_for_builtin(v, m);
            call(rt, m, &a[..1 + args.len()], &[])?
        }
        _ => call(rt, m, &a[..1 + args.len()], &[])?,
    };
    Ok(Some(r))
}

/// `__exit__` (bound) and `__enter__` (bound) of a context manager.
pub fn with_methods(rt: &mut Rt, m: Value) -> PResult<(Value, Value)> {
    context_methods(rt, m, false)
}

/// `async with`: (bound `__aexit__`, bound `__aenter__`) of `m`.
pub fn async_with_methods(rt: &mut Rt, m: Value) -> PResult<(Value, Value)> {
    context_methods(rt, m, true)
}

fn context_methods(rt: &mut Rt, m: Value, is_async: bool) -> PResult<(Value, Value)> {
    use crate::qstr::q;
    let (en_q, ex_q, what, exit) = if is_async {
        (q::__aenter__, q::__aexit__, "asynchronous context manager", "__aexit__")
    } else {
        (q::__enter__, q::__exit__, "context manager", "__exit__")
    };
    let cls = type_of(rt, m);
    let enter = class::lookup(rt, cls, en_q)?;
    let exit_m = class::lookup(rt, cls, ex_q)?;
    match (enter, exit_m) {
        (Some(en), Some(ex)) => {
            let ex = boundmeth::new(rt, m, ex)?;
            let en = boundmeth::new(rt, m, en)?;
            Ok((ex, en))
        }
        (None, _) => {
            let tn = type_name(rt, m);
            Err(rt.type_error(format_args!("'{tn}' object does not support the {what} protocol")))
        }
        (Some(_), None) => {
            let tn = type_name(rt, m);
            Err(rt
                .type_error(format_args!("'{tn}' object does not support the {what} protocol (missed {exit} method)")))
        }
    }
}

/// The iterator `await v` drives: a coroutine itself, else `v.__await__()`.
/// `anext` words the error as `async for` does.
pub fn awaitable(rt: &mut Rt, v: Value, anext: bool) -> PResult<Value> {
    if kind(v) == Kind::Generator {
        return Ok(v);
    }
    match call_special(rt, v, "__await__", &[])? {
        Some(it) if matches!(kind(it), Kind::Generator | Kind::Iter | Kind::Instance) => Ok(it),
        Some(it) => {
            let tn = type_name(rt, it);
            Err(rt.type_error(format_args!("__await__() returned non-iterator of type '{tn}'")))
        }
        None if anext => {
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("'async for' received an invalid object from __anext__: {tn}")))
        }
        None => {
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("object {tn} can't be used in 'await' expression")))
        }
    }
}

/// The name of a function-like object (for messages).
pub fn func_name(rt: &Rt, f: Value) -> Qstr {
    match kind(f) {
        Kind::Function => Qstr(function::code(f).header().name),
        _ => {
            let _ = rt;
            crate::qstr::q::lambda
        }
    }
}

/// The running frame's function's first argument and `__class__` cell (for `super()`).
pub fn super_context(rt: &mut Rt) -> PResult<(Value, Value)> {
    let fr = rt.frame;
    if fr == Value::NONE {
        return Err(rt.runtime_error(format_args!("super(): no arguments")));
    }
    let c = crate::obj::Code::from_value(frame::code(fr)).expect("frame code");
    let h = c.header();
    let slots = frame::slots(fr);
    if h.argcount == 0 {
        return Err(rt.runtime_error(format_args!("super(): no arguments")));
    }
    let mut this = slots[0];
    if c.cells().contains(&0) && kind(this) == Kind::Cell {
        this = crate::objects::cell::get(this);
    }
    for (i, v) in c.varnames().iter().enumerate() {
        if v.as_qstr() == Some(crate::qstr::q::__class__) {
            let cell = slots[i];
            if kind(cell) == Kind::Cell {
                let k = crate::objects::cell::get(cell);
                if class::is_class(k) {
                    return Ok((k, this));
                }
            }
        }
    }
    Err(rt.runtime_error(format_args!("super(): __class__ cell not found")))
}

/// How CPython names a callable in call errors: `__main__.f`, `print`, `__main__.A.m`.
pub fn func_str(rt: &mut Rt, f: Value) -> PResult<Value> {
    let mut out = GcVec::<u8>::new();
    match kind(f) {
        Kind::Function => {
            let q = Qstr(function::code(f).header().qualname);
            out.extend_from_slice(b"__main__.").or_mem(rt)?;
            out.extend_from_slice(rt.st.qstr.get(q)).or_mem(rt)?;
        }
        Kind::Builtin => out.extend_from_slice(builtin::get(f).name.as_bytes()).or_mem(rt)?,
        Kind::BoundMethod => return func_str(rt, boundmeth::parts(f).1),
        Kind::Class => {
            if class::is_heap_class(f) {
                out.extend_from_slice(b"__main__.").or_mem(rt)?;
            }
            out.extend_from_slice(class::name(rt, f).as_bytes()).or_mem(rt)?;
        }
        _ => {
            out.extend_from_slice(type_name(rt, f).as_bytes()).or_mem(rt)?;
            out.extend_from_slice(b" object").or_mem(rt)?;
        }
    }
    pstr::new(rt, &out)
}
