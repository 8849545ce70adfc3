//! `bytes`: an immutable byte string.
//!
//! Layout (the same as the compiler's const-bytes, which the runtime adopts):
//!   word 0  &BYTES_TYPE (or &CONST_BYTES_TYPE)
//!   1       len
//!   2...    the bytes
//!
//! Invariant: immutable once made; no pointer fields.

use crate::obj::TypeDesc;
use crate::objects::class::BYTES_CLASS;
use crate::objects::{alloc, kind, Kind, OrMem, W};
use crate::value::Value;
use crate::vm::{PResult, Rt};
use upy_heap::GcVec;

crate::rt_type!(BYTES_TYPE, BYTES_INFO, "bytes", b'Y', &[], None, Bytes, BYTES_CLASS);

crate::methods! { METHODS:
    DECODE = "decode", crate::objects::bytes_methods::decode, Method;
    HEX = "hex", crate::objects::bytes_methods::hex, Method;
}

pub fn new(rt: &Rt, data: &[u8]) -> PResult<Value> {
    let p = alloc(rt, 2 * W + data.len())?;
    // SAFETY: a fresh block of 2 words + len bytes, written before any other
    // allocation.
    unsafe {
        *p = &BYTES_TYPE as *const TypeDesc as usize;
        *p.add(1) = data.len();
        core::ptr::copy_nonoverlapping(data.as_ptr(), p.add(2) as *mut u8, data.len());
    }
    Ok(Value::from_ptr(p))
}

/// The bytes of a bytes object, or None.
pub fn data(v: Value) -> Option<&'static [u8]> {
    if kind(v) != Kind::Bytes {
        return None;
    }
    let p = v.bits() as *const usize;
    // SAFETY: a bytes object (kind checked): length then bytes; immutable and
    // alive while the caller holds `v` (the 'static is the caller's promise
    // not to keep the slice past its hold on `v`).
    unsafe { Some(core::slice::from_raw_parts(p.add(2) as *const u8, *p.add(1))) }
}

/// `repr(b)`, appended to `out`.
pub fn repr_into(rt: &Rt, b: &[u8], out: &mut GcVec<u8>) -> PResult<()> {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    out.push(b'b').or_mem(rt)?;
    out.push(q).or_mem(rt)?;
    let hex = b"0123456789abcdef";
    for &c in b {
        let mut t = [0u8; 4];
        let piece: &[u8] = match c {
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            c if c == q => {
                if q == b'\'' {
                    b"\\'"
                } else {
                    b"\\\""
                }
            }
            0x20..=0x7e => {
                t[0] = c;
                &t[..1]
            }
            _ => {
                t = [b'\\', b'x', hex[(c >> 4) as usize], hex[(c & 15) as usize]];
                &t[..]
            }
        };
        let mut copy = [0u8; 4];
        copy[..piece.len()].copy_from_slice(piece);
        out.extend_from_slice(&copy[..piece.len()]).or_mem(rt)?;
    }
    out.push(q).or_mem(rt)
}
