//! `bytearray`: a mutable byte string.
//!
//! Layout:
//!   word 0  &BYTEARRAY_TYPE
//!   1       len
//!   2       data: HEAD of a GC block holding the bytes (raw, no header), or null
//!
//! Invariant: `len` <= the data block's size; word 2 is the only pointer.

use crate::obj::TypeDesc;
use crate::objects::class::BYTEARRAY_CLASS;
use crate::objects::{kind, new_obj, Kind};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

crate::rt_type!(BYTEARRAY_TYPE, BYTEARRAY_INFO, "bytearray", b'A', &[2], None, ByteArray, BYTEARRAY_CLASS);

crate::methods! { METHODS:
    APPEND = "append", m_append, Method, 1, 1;
    EXTEND = "extend", m_extend, Method, 1, 1;
    POP = "pop", m_pop, Method, 0, 1;
    DECODE = "decode", crate::objects::bytes_methods::decode, Method;
    HEX = "hex", crate::objects::bytes_methods::hex, Method;
}

#[repr(C)]
struct BaObj {
    ty: &'static TypeDesc,
    len: usize,
    data: *mut u8,
}

pub fn is_bytearray(v: Value) -> bool {
    kind(v) == Kind::ByteArray
}

fn obj(v: Value) -> *mut BaObj {
    v.bits() as *mut BaObj
}

pub fn new(rt: &Rt, init: &[u8]) -> PResult<Value> {
    let v = new_obj(rt, BaObj { ty: &BYTEARRAY_TYPE, len: 0, data: core::ptr::null_mut() })?;
    extend_from(rt, v, init)?;
    Ok(v)
}

/// The bytes (valid until the bytearray is next resized).
pub fn data(v: Value) -> &'static mut [u8] {
    // SAFETY: a live bytearray: `len` bytes at `data` (null only when empty).
    unsafe {
        let o = obj(v);
        if (*o).data.is_null() {
            return &mut [];
        }
        core::slice::from_raw_parts_mut((*o).data, (*o).len)
    }
}

pub fn extend_from(rt: &Rt, v: Value, bytes: &[u8]) -> PResult<()> {
    // SAFETY: a live bytearray; the data block is resized through the heap
    // (a HEAD or null), and the new bytes are copied inside its size.
    unsafe {
        let o = obj(v);
        let len = (*o).len;
        let need = len + bytes.len();
        let cap = if (*o).data.is_null() { 0 } else { rt.heap.size_of((*o).data) };
        if need > cap {
            let p = rt.heap.realloc((*o).data, need.max(cap * 2).max(16)).map_err(|_| rt.memory_error())?;
            (*o).data = p.as_ptr();
        }
        core::ptr::copy(bytes.as_ptr(), (*o).data.add(len), bytes.len());
        (*o).len = need;
    }
    Ok(())
}

pub fn truncate(v: Value, n: usize) {
    // SAFETY: a live bytearray; only shrinks.
    unsafe {
        let o = obj(v);
        if n < (*o).len {
            (*o).len = n;
        }
    }
}

fn m_append(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let b = byte_of(rt, a[1])?;
    extend_from(rt, a[0], &[b])?;
    Ok(Value::NONE)
}

pub fn byte_of(rt: &mut Rt, v: Value) -> PResult<u8> {
    let i = ops::to_index(rt, v)?;
    if !(0..256).contains(&i) {
        return Err(rt.value_error(format_args!("byte must be in range(0, 256)")));
    }
    Ok(i as u8)
}

fn m_extend(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let src = a[1];
    if let Some(d) = crate::objects::bytes::data(src) {
        let mut tmp = upy_heap::GcVec::<u8>::new();
        tmp.extend_from_slice(d).map_err(|_| rt.memory_error())?;
        return extend_from(rt, a[0], &tmp).map(|_| Value::NONE);
    }
    let it = ops::get_iter(rt, src)?;
    while let Some(x) = ops::next(rt, it)? {
        let b = byte_of(rt, x)?;
        extend_from(rt, a[0], &[b])?;
    }
    Ok(Value::NONE)
}

fn m_pop(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = data(a[0]).len();
    if n == 0 {
        return Err(rt.index_error(format_args!("pop from empty bytearray")));
    }
    let mut i = match a.get(1) {
        Some(&v) => ops::to_index(rt, v)?,
        None => n as isize - 1,
    };
    if i < 0 {
        i += n as isize;
    }
    if i < 0 || i >= n as isize {
        return Err(rt.index_error(format_args!("pop index out of range")));
    }
    let d = data(a[0]);
    let b = d[i as usize];
    d.copy_within(i as usize + 1..n, i as usize);
    truncate(a[0], n - 1);
    Ok(Value::small_int(b as isize).unwrap_or(Value::NONE))
}
