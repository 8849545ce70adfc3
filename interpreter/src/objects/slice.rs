//! `slice`: start, stop, step as given (any values, usually ints or None).
//!
//! Layout:
//!   word 0  &SLICE_TYPE
//!   1-3     start, stop, step: Values
//!
//! `indices` normalises a slice against a length the way CPython's
//! `PySlice_AdjustIndices` does.

use crate::obj::TypeDesc;
use crate::objects::class::SLICE_CLASS;
use crate::objects::new_obj;
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(SLICE_TYPE, SLICE_INFO, "slice", b'/', &[1, 2, 3], None, Slice, SLICE_CLASS);

#[repr(C)]
struct SliceObj {
    ty: &'static TypeDesc,
    start: Value,
    stop: Value,
    step: Value,
}

pub fn new(rt: &Rt, start: Value, stop: Value, step: Value) -> PResult<Value> {
    new_obj(rt, SliceObj { ty: &SLICE_TYPE, start, stop, step })
}

pub fn parts(v: Value) -> (Value, Value, Value) {
    // SAFETY: a live slice object (kind checked by the caller).
    let s = unsafe { &*(v.bits() as *const SliceObj) };
    (s.start, s.stop, s.step)
}

/// Number of items from `start` toward `stop` by `step`.
pub fn count(start: isize, stop: isize, step: isize) -> usize {
    if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

/// (start, stop, step) normalised for a sequence of length `len`.
pub fn indices(rt: &mut Rt, v: Value, len: isize) -> PResult<(isize, isize, isize)> {
    let (a, b, c) = parts(v);
    let step = if c == Value::NONE { 1 } else { ops::to_index_clamped(rt, c)? };
    if step == 0 {
        return Err(rt.value_error(format_args!("slice step cannot be zero")));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adj = |rt: &mut Rt, x: Value, dflt: isize| -> PResult<isize> {
        if x == Value::NONE {
            return Ok(dflt);
        }
        let mut i = ops::to_index_clamped(rt, x)?;
        if i < 0 {
            i += len;
            if i < lo {
                i = lo;
            }
        } else if i > hi {
            i = hi;
        }
        Ok(i)
    };
    let start = adj(rt, a, if step < 0 { hi } else { lo })?;
    let stop = adj(rt, b, if step < 0 { lo } else { hi })?;
    Ok((start, stop, step))
}
