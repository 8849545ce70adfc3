//! Hashing: `hash()` as CPython computes it for every built-in type (the
//! word-size modulus for numbers), and `hash64`, the same at 64 bits on every
//! architecture, which set tables are laid out with so that sets iterate in
//! the same order on x86 and x64.
//!
//! Invariant: equal values hash equal across int, float, bool and complex;
//! -1 is never a hash (it becomes -2, as in CPython).

use crate::objects::class;
use crate::objects::{bytes, complex, exception, float, instance, int, kind, range, set, str as pstr, tuple, Kind};
use crate::value::Value;
use crate::vm::ops::{as_int, call, is_intlike, type_name, type_of};
use crate::vm::{PResult, Rt};

/// The hash CPython on x64 gives `v`, on x86 too: set tables are laid out
/// with it, so sets iterate (and print) in the same order on both.
pub fn hash64(rt: &mut Rt, v: Value) -> PResult<i64> {
    if crate::objects::W == 8 {
        return Ok(hash(rt, v)? as i64);
    }
    const MODULUS: i64 = (1 << 61) - 1;
    match kind(v) {
        Kind::SmallInt | Kind::BigInt => match int::to_i64(as_int(v)) {
            Some(i) => {
                let h = if i < 0 { -((-(i as i128) % MODULUS as i128) as i64) } else { i % MODULUS };
                Ok(if h == -1 { -2 } else { h })
            }
            None => Ok(hash(rt, v)? as i64),
        },
        Kind::Float => Ok(float::hash_bits(float::get(v), 61)),
        Kind::Tuple => tuple_hash(rt, v, hash64),
        Kind::FrozenSet => Ok(set::hash64(v)),
        _ => Ok(hash(rt, v)? as i64),
    }
}

const XX_P1: u64 = 11400714785074694791;
const XX_P2: u64 = 14029467366897019727;
const XX_P5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (xxHash-based, its 64-bit constants) over the
/// items' hashes as `lane` gives them.
fn tuple_hash(rt: &mut Rt, v: Value, lane: fn(&mut Rt, Value) -> PResult<i64>) -> PResult<i64> {
    let mut acc: u64 = XX_P5;
    for i in 0..tuple::len(v) {
        let l = lane(rt, tuple::items(v)[i])? as u64;
        acc = acc.wrapping_add(l.wrapping_mul(XX_P2)).rotate_left(31).wrapping_mul(XX_P1);
    }
    acc = acc.wrapping_add((tuple::len(v) as u64) ^ (XX_P5 ^ 3527539));
    let r = acc as i64;
    Ok(if r == -1 { 1546275796 } else { r })
}

pub fn hash(rt: &mut Rt, v: Value) -> PResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(if v.is_small_int() { int::hash(v) } else { i });
    }
    match kind(v) {
        Kind::Str => Ok(pstr::hash_bytes(pstr::bytes_of(rt, v).unwrap_or(b""))),
        Kind::BigInt => Ok(int::hash(v)),
        Kind::Bool => Ok((v == Value::TRUE) as isize),
        Kind::Float => Ok(float::hash(float::get(v))),
        Kind::Complex | Kind::ConstComplex => {
            let (r, i) = complex::parts(v).unwrap_or((0.0, 0.0));
            Ok(float::hash(r).wrapping_add(float::hash(i).wrapping_mul(1_000_003)))
        }
        Kind::None | Kind::Ellipsis | Kind::NotImplemented => Ok(v.bits() as isize >> 3),
        Kind::Bytes => Ok(pstr::hash_bytes(bytes::data(v).unwrap_or(&[]))),
        Kind::Tuple => Ok(tuple_hash(rt, v, |rt, x| Ok(hash(rt, x)? as i64))? as isize),
        Kind::FrozenSet => Ok(set::hash64(v) as isize),
        Kind::Range => {
            let (a, c, d) = range::parts(v);
            Ok((a ^ c.wrapping_mul(31) ^ d.wrapping_mul(1_000_003)) as isize)
        }
        Kind::List | Kind::Dict | Kind::Set | Kind::Slice | Kind::ByteArray | Kind::Array => {
            let tn = type_name(rt, v);
            Err(rt.type_error(format_args!("unhashable type: '{tn}'")))
        }
        Kind::Instance => {
            let cls = type_of(rt, v);
            let hq = rt.st.qstr.find(b"__hash__");
            let eqq = rt.st.qstr.find(b"__eq__");
            if let Some(q) = hq {
                if let Some(f) = class::lookup(rt, cls, q)? {
                    if f == Value::NONE {
                        let tn = type_name(rt, v);
                        return Err(rt.type_error(format_args!("unhashable type: '{tn}'")));
                    }
                    let r = call(rt, f, &[v], &[])?;
                    if !is_intlike(r) {
                        return Err(rt.type_error(format_args!("__hash__ method should return an integer")));
                    }
                    return if r.is_small_int() { Ok(r.as_small_int().unwrap_or(0)) } else { Ok(int::hash(r)) };
                }
            }
            if let Some(q) = eqq {
                if class::lookup(rt, cls, q)?.is_some() {
                    let tn = type_name(rt, v);
                    return Err(rt.type_error(format_args!("unhashable type: '{tn}'")));
                }
            }
            if let Some(n) = instance::native(v) {
                return match hash(rt, n) {
                    Err(e) if exception::is_exc(e) && exception::matches(e, &class::TYPE_ERROR_CLASS) => {
                        let tn = type_name(rt, v);
                        Err(rt.type_error(format_args!("unhashable type: '{tn}'")))
                    }
                    r => r,
                };
            }
            Ok((v.bits() >> 4) as isize)
        }
        _ => Ok((v.bits() >> 4) as isize),
    }
}
