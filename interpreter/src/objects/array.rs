//! `array.array`: a typed array of machine numbers (typecodes b B h H i I l L
//! q Q f d), its items stored raw, little-endian, in one GC block.
//!
//! Layout:
//!   word 0  &ARRAY_TYPE
//!   1       typecode (the ASCII letter)
//!   2       len (items)
//!   3       data: HEAD of a GC block holding `len * itemsize` bytes, or null
//!
//! Item sizes are CPython's on x86-64 Linux on every platform (`l`/`L` are 8
//! bytes on i686 too), so a program's output does not depend on the host.
//!
//! Invariant: `len * itemsize` <= the data block's size; word 3 is the only
//! pointer. The item bytes are plain data, never scanned as pointers.

use crate::obj::TypeDesc;
use crate::objects::class::{ClassObj, OBJECT_CLASS, TYPE_TYPE};
use crate::objects::{bytearray, bytes, float, int, kind, new_obj, slice, str as pstr, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

crate::rt_type!(ARRAY_TYPE, ARRAY_INFO, "array", b'y', &[3], None, Array, ARRAY_CLASS);

/// `array.array` (a static class, like the built-in types).
pub static ARRAY_CLASS: ClassObj = ClassObj {
    ty: &TYPE_TYPE,
    name: Value::NONE,
    dict: Value::NONE,
    mro: Value::NONE,
    bases: Value::NONE,
    base: Some(&OBJECT_CLASS),
    sname: "array",
    methods: METHODS,
    meta: Value::NONE,
};

crate::methods! { METHODS:
    APPEND = "append", m_append, Method;
    EXTEND = "extend", m_extend, Method;
    TOLIST = "tolist", m_tolist, Method;
    TOBYTES = "tobytes", m_tobytes, Method;
    FROMBYTES = "frombytes", m_frombytes, Method;
    FROMLIST = "fromlist", m_fromlist, Method;
    POP = "pop", m_pop, Method;
    INSERT = "insert", m_insert, Method;
    INDEX = "index", m_index, Method;
    COUNT = "count", m_count, Method;
    REMOVE = "remove", m_remove, Method;
    REVERSE = "reverse", m_reverse, Method;
    BYTESWAP = "byteswap", m_byteswap, Method;
}

/// Every typecode, in CPython's order (without `u`).
pub const TYPECODES: &str = "bBhHiIlLqQfd";

#[repr(C)]
struct ArrObj {
    ty: &'static TypeDesc,
    code: usize,
    len: usize,
    data: *mut u8,
}

fn obj(v: Value) -> *mut ArrObj {
    v.bits() as *mut ArrObj
}

pub fn is_array(v: Value) -> bool {
    kind(v) == Kind::Array
}

/// The item size of a typecode, or None for a bad one.
pub fn itemsize_of(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

pub fn typecode(v: Value) -> u8 {
    // SAFETY: a live array (kind checked by the caller).
    unsafe { (*obj(v)).code as u8 }
}

pub fn itemsize(v: Value) -> usize {
    itemsize_of(typecode(v)).unwrap_or(1)
}

pub fn len(v: Value) -> usize {
    // SAFETY: a live array.
    unsafe { (*obj(v)).len }
}

/// The raw item bytes (valid until the array is next resized).
pub fn data(v: Value) -> &'static mut [u8] {
    let n = len(v) * itemsize(v);
    // SAFETY: a live array: `len * itemsize` bytes at `data` (null only when
    // nothing was ever stored).
    unsafe {
        let o = obj(v);
        if (*o).data.is_null() {
            return &mut [];
        }
        core::slice::from_raw_parts_mut((*o).data, n)
    }
}

/// A new empty array of typecode `code` (already validated).
pub fn new(rt: &Rt, code: u8) -> PResult<Value> {
    new_obj(rt, ArrObj { ty: &ARRAY_TYPE, code: code as usize, len: 0, data: core::ptr::null_mut() })
}

/// Appends raw item bytes (a whole number of items).
fn push_raw(rt: &Rt, v: Value, raw: &[u8]) -> PResult<()> {
    let isz = itemsize(v);
    // SAFETY: a live array; the data block is resized through the heap (a HEAD
    // or null) and the new bytes are copied inside its size.
    unsafe {
        let o = obj(v);
        let used = (*o).len * isz;
        let need = used + raw.len();
        let cap = if (*o).data.is_null() { 0 } else { rt.heap.size_of((*o).data) };
        if need > cap {
            let p = rt.heap.realloc((*o).data, need.max(cap * 2).max(16)).map_err(|_| rt.memory_error())?;
            (*o).data = p.as_ptr();
        }
        core::ptr::copy(raw.as_ptr(), (*o).data.add(used), raw.len());
        (*o).len = need / isz;
    }
    Ok(())
}

fn set_len(v: Value, n: usize) {
    // SAFETY: a live array; callers only shrink, or grow after push_raw made room.
    unsafe { (*obj(v)).len = n };
}

/// Item `i` (in range) as a Python value.
pub fn item(rt: &Rt, v: Value, i: usize) -> PResult<Value> {
    let isz = itemsize(v);
    let d = &data(v)[i * isz..(i + 1) * isz];
    let mut b = [0u8; 8];
    b[..isz].copy_from_slice(d);
    match typecode(v) {
        b'b' => int::from_i64(rt, b[0] as i8 as i64),
        b'B' => int::from_i64(rt, b[0] as i64),
        b'h' => int::from_i64(rt, i16::from_le_bytes([b[0], b[1]]) as i64),
        b'H' => int::from_i64(rt, u16::from_le_bytes([b[0], b[1]]) as i64),
        b'i' => int::from_i64(rt, i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => int::from_i64(rt, u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'l' | b'q' => int::from_i64(rt, i64::from_le_bytes(b)),
        b'L' | b'Q' => int::from_u64(rt, u64::from_le_bytes(b)),
        b'f' => float::new(rt, f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        _ => float::new(rt, f64::from_le_bytes(b)),
    }
}

/// An int as i128, or None (with its sign) when it does not fit.
fn wide_int(rt: &mut Rt, x: Value) -> PResult<Result<i128, bool>> {
    if let Some(i) = x.as_small_int() {
        return Ok(Ok(i as i128));
    }
    if !int::is_int(x) {
        // Floats and other non-integers: CPython's TypeError (and __index__).
        return Ok(Ok(ops::to_index(rt, x)? as i128));
    }
    let mut sb = [0; 2];
    let r = int::view(x, &mut sb);
    if r.mag.len() > 3 {
        return Ok(Err(r.neg));
    }
    let mut m: i128 = 0;
    for (k, &limb) in r.mag.iter().enumerate() {
        m |= (limb as i128) << (32 * k);
    }
    Ok(Ok(if r.neg { -m } else { m }))
}

/// Converts `x` to the raw bytes of one item of typecode `code`, with
/// CPython's errors (x86-64 Linux messages).
fn encode(rt: &mut Rt, code: u8, x: Value) -> PResult<([u8; 8], usize)> {
    let mut out = [0u8; 8];
    if code == b'f' || code == b'd' {
        let f = if float::is_float(x) {
            float::get(x)
        } else if int::is_int(x) {
            match int::to_f64(x) {
                Some(f) => f,
                None => return Err(rt.overflow_error(format_args!("int too large to convert to float"))),
            }
        } else {
            let tn = ops::type_name(rt, x);
            return Err(rt.type_error(format_args!("must be real number, not {tn}")));
        };
        if code == b'f' {
            out[..4].copy_from_slice(&(f as f32).to_le_bytes());
            return Ok((out, 4));
        }
        return Ok((f.to_le_bytes(), 8));
    }
    let w = wide_int(rt, x)?;
    // (min, max, message when too big, message when too small)
    let (lo, hi, big, small): (i128, i128, &str, &str) = match code {
        b'b' => (-128, 127, "signed char is greater than maximum", "signed char is less than minimum"),
        b'B' => (0, 255, "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum"),
        b'h' => (
            i16::MIN as i128,
            i16::MAX as i128,
            "signed short integer is greater than maximum",
            "signed short integer is less than minimum",
        ),
        b'H' => (0, u16::MAX as i128, "unsigned short is greater than maximum", "unsigned short is less than minimum"),
        b'i' => (
            i32::MIN as i128,
            i32::MAX as i128,
            "signed integer is greater than maximum",
            "signed integer is less than minimum",
        ),
        b'I' => (
            0,
            u32::MAX as i128,
            "unsigned int is greater than maximum",
            "can't convert negative value to unsigned int",
        ),
        b'l' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
        b'L' => (
            0,
            u64::MAX as i128,
            "Python int too large to convert to C unsigned long",
            "can't convert negative value to unsigned int",
        ),
        b'q' => (i64::MIN as i128, i64::MAX as i128, "int too big to convert", "int too big to convert"),
        _ => (0, u64::MAX as i128, "int too big to convert", "can't convert negative int to unsigned"),
    };
    // The small signed types and `I` go through a C long / unsigned long first.
    let as_long = match w {
        Ok(n) => i64::try_from(n).is_ok(),
        Err(_) => false,
    };
    if matches!(code, b'b' | b'B' | b'h' | b'H' | b'i') && !as_long {
        return Err(rt.overflow_error(format_args!("Python int too large to convert to C long")));
    }
    if code == b'I' && matches!(w, Err(false)) || matches!(w, Ok(n) if code == b'I' && n > u64::MAX as i128) {
        return Err(rt.overflow_error(format_args!("Python int too large to convert to C unsigned long")));
    }
    let n = match w {
        Ok(n) if n < lo => return Err(rt.overflow_error(format_args!("{small}"))),
        Ok(n) if n > hi => return Err(rt.overflow_error(format_args!("{big}"))),
        Ok(n) => n,
        Err(true) => return Err(rt.overflow_error(format_args!("{small}"))),
        Err(false) => return Err(rt.overflow_error(format_args!("{big}"))),
    };
    let isz = itemsize_of(code).unwrap_or(8);
    out[..isz].copy_from_slice(&n.to_le_bytes()[..isz]);
    Ok((out, isz))
}

/// Appends one Python value, converted.
pub fn append(rt: &mut Rt, v: Value, x: Value) -> PResult<()> {
    let (b, n) = encode(rt, typecode(v), x)?;
    push_raw(rt, v, &b[..n])
}

/// Appends every item of an iterable (an array: only of the same typecode).
pub fn extend(rt: &mut Rt, v: Value, src: Value) -> PResult<()> {
    if is_array(src) {
        if typecode(src) != typecode(v) {
            return Err(rt.type_error(format_args!("can only extend with array of same kind")));
        }
        let mut tmp = GcVec::<u8>::new();
        tmp.extend_from_slice(data(src)).or_mem(rt)?;
        return push_raw(rt, v, &tmp);
    }
    let it = ops::get_iter(rt, src)?;
    while let Some(x) = ops::next(rt, it)? {
        append(rt, v, x)?;
    }
    Ok(())
}

fn frombytes(rt: &mut Rt, v: Value, src: &[u8]) -> PResult<()> {
    if !src.len().is_multiple_of(itemsize(v)) {
        return Err(rt.value_error(format_args!("bytes length not a multiple of item size")));
    }
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(src).or_mem(rt)?;
    push_raw(rt, v, &tmp)
}

/// The bytes of a bytes-like object (bytes, bytearray, array), copied.
pub fn buffer_of(rt: &Rt, x: Value) -> PResult<Option<GcVec<u8>>> {
    let d: &[u8] = match kind(x) {
        Kind::Bytes => bytes::data(x).unwrap_or(&[]),
        Kind::ByteArray => bytearray::data(x),
        Kind::Array => data(x),
        _ => return Ok(None),
    };
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(d).or_mem(rt)?;
    Ok(Some(tmp))
}

/// `array(typecode[, initializer])`.
pub fn construct(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if !k.is_empty() {
        return Err(rt.type_error(format_args!("array.array() takes no keyword arguments")));
    }
    if a.is_empty() {
        return Err(rt.type_error(format_args!("array() takes at least 1 argument (0 given)")));
    }
    if a.len() > 2 {
        return Err(rt.type_error(format_args!("array() takes at most 2 arguments ({} given)", a.len())));
    }
    let code = match pstr::bytes_of(rt, a[0]) {
        Some(s) if pstr::char_len(s) == 1 => s[0],
        _ => {
            let tn = ops::type_name(rt, a[0]);
            return Err(rt.type_error(format_args!("array() argument 1 must be a unicode character, not {tn}")));
        }
    };
    if itemsize_of(code).is_none() {
        return Err(rt.value_error(format_args!("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")));
    }
    let v = new(rt, code)?;
    if a.len() == 2 {
        let init = a[1];
        if pstr::is_str(init) {
            let c = code as char;
            return Err(rt.type_error(format_args!("cannot use a str to initialize an array with typecode '{c}'")));
        }
        if matches!(kind(init), Kind::Bytes | Kind::ByteArray) {
            let tmp = buffer_of(rt, init)?.unwrap_or_default();
            frombytes(rt, v, &tmp)?;
        } else if is_array(init) && typecode(init) != code {
            // Another array converts item by item.
            for i in 0..len(init) {
                let x = item(rt, init, i)?;
                append(rt, v, x)?;
            }
        } else {
            extend(rt, v, init)?;
        }
    }
    Ok(v)
}

/// `repr(a)`: `array('d', [1.0, 2.0])`, `array('b')` when empty.
pub fn repr_into(rt: &mut Rt, v: Value, out: &mut GcVec<u8>) -> PResult<()> {
    out.extend_from_slice(b"array('").or_mem(rt)?;
    out.push(typecode(v)).or_mem(rt)?;
    out.push(b'\'').or_mem(rt)?;
    if len(v) > 0 {
        out.extend_from_slice(b", ").or_mem(rt)?;
        let l = tolist(rt, v)?;
        crate::vm::repr::repr_into(rt, out, l)?;
    }
    out.push(b')').or_mem(rt)
}

pub fn tolist(rt: &mut Rt, v: Value) -> PResult<Value> {
    let l = crate::objects::list::new(rt, len(v))?;
    for i in 0..len(v) {
        let x = item(rt, v, i)?;
        crate::objects::list::append(rt, l, x)?;
    }
    Ok(l)
}

/// Item-wise equality (arrays of different typecodes compare by value).
pub fn eq(rt: &mut Rt, a: Value, b: Value) -> PResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    if typecode(a) == typecode(b) && !matches!(typecode(a), b'f' | b'd') {
        return Ok(data(a) == data(b));
    }
    for i in 0..len(a) {
        if i >= len(a) || i >= len(b) {
            return Ok(false);
        }
        let x = item(rt, a, i)?;
        let y = item(rt, b, i)?;
        if !ops::eq(rt, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn index_of(rt: &mut Rt, v: Value, i: Value, what: &str) -> PResult<usize> {
    if !int::is_int(i) && kind(i) != Kind::Instance {
        return Err(rt.type_error(format_args!("array indices must be integers")));
    }
    let n = len(v) as isize;
    let mut k = ops::to_index(rt, i).unwrap_or(isize::MAX);
    if k < 0 {
        k += n;
    }
    if k < 0 || k >= n {
        return Err(rt.index_error(format_args!("{what}")));
    }
    Ok(k as usize)
}

/// `a[i]` and `a[i:j:k]` (a new array).
pub fn getitem(rt: &mut Rt, v: Value, i: Value) -> PResult<Value> {
    if kind(i) == Kind::Slice {
        let (start, stop, step) = slice::indices(rt, i, len(v) as isize)?;
        let cnt = slice::count(start, stop, step);
        let isz = itemsize(v);
        let mut tmp = GcVec::<u8>::with_capacity(cnt * isz).or_mem(rt)?;
        let mut k = start;
        for _ in 0..cnt {
            let p = k as usize * isz;
            tmp.extend_from_slice(&data(v)[p..p + isz]).or_mem(rt)?;
            k += step;
        }
        let r = new(rt, typecode(v))?;
        push_raw(rt, r, &tmp)?;
        return Ok(r);
    }
    let k = index_of(rt, v, i, "array index out of range")?;
    item(rt, v, k)
}

/// Replaces items `a..b` (a <= b) with raw bytes of whole items.
fn splice(rt: &Rt, v: Value, a: usize, b: usize, raw: &[u8]) -> PResult<()> {
    let isz = itemsize(v);
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(&data(v)[b * isz..]).or_mem(rt)?;
    set_len(v, a);
    push_raw(rt, v, raw)?;
    push_raw(rt, v, &tmp)
}

/// `a[i] = x`; `a[i:j:k] = other_array`.
pub fn setitem(rt: &mut Rt, v: Value, i: Value, x: Value) -> PResult<()> {
    if kind(i) == Kind::Slice {
        if !is_array(x) {
            let tn = ops::type_name(rt, x);
            return Err(rt.type_error(format_args!("can only assign array (not \"{tn}\") to array slice")));
        }
        if typecode(x) != typecode(v) {
            return Err(rt.type_error(format_args!("bad argument type for built-in operation")));
        }
        let (start, stop, step) = slice::indices(rt, i, len(v) as isize)?;
        let mut src = GcVec::<u8>::new();
        src.extend_from_slice(data(x)).or_mem(rt)?;
        if step == 1 {
            return splice(rt, v, start as usize, stop.max(start) as usize, &src);
        }
        let cnt = slice::count(start, stop, step);
        let m = len(x);
        if cnt != m {
            return Err(
                rt.value_error(format_args!("attempt to assign array of size {m} to extended slice of size {cnt}"))
            );
        }
        let isz = itemsize(v);
        let mut k = start;
        for j in 0..cnt {
            let p = k as usize * isz;
            data(v)[p..p + isz].copy_from_slice(&src[j * isz..(j + 1) * isz]);
            k += step;
        }
        return Ok(());
    }
    let k = index_of(rt, v, i, "array assignment index out of range")?;
    let (b, n) = encode(rt, typecode(v), x)?;
    data(v)[k * n..(k + 1) * n].copy_from_slice(&b[..n]);
    Ok(())
}

/// `del a[i]`, `del a[i:j:k]`.
pub fn delitem(rt: &mut Rt, v: Value, i: Value) -> PResult<()> {
    if kind(i) == Kind::Slice {
        let (start, stop, step) = slice::indices(rt, i, len(v) as isize)?;
        if step == 1 {
            return splice(rt, v, start as usize, stop.max(start) as usize, &[]);
        }
        let cnt = slice::count(start, stop, step);
        let isz = itemsize(v);
        let mut keep = GcVec::<u8>::new();
        for j in 0..len(v) {
            let jj = j as isize;
            let hit = if step > 0 {
                jj >= start && jj < stop && (jj - start) % step == 0
            } else {
                jj <= start && jj > stop && (start - jj) % (-step) == 0
            };
            if !hit || cnt == 0 {
                keep.extend_from_slice(&data(v)[j * isz..(j + 1) * isz]).or_mem(rt)?;
            }
        }
        set_len(v, 0);
        return push_raw(rt, v, &keep);
    }
    let k = index_of(rt, v, i, "array assignment index out of range")?;
    splice(rt, v, k, k + 1, &[])
}

/// The `typecode` (true) or `itemsize` (false) attribute.
pub fn attr(rt: &Rt, v: Value, typecode_attr: bool) -> PResult<Value> {
    if typecode_attr {
        return pstr::new(rt, &[typecode(v)]);
    }
    Ok(Value::small_int(itemsize(v) as isize).unwrap_or(Value::NONE))
}

fn args(rt: &Rt, name: &str, a: &[Value], k: &[Value], lo: usize, hi: usize) -> PResult<()> {
    if !k.is_empty() {
        return Err(rt.type_error(format_args!("array.{name}() takes no keyword arguments")));
    }
    let n = a.len() - 1;
    if n < lo || n > hi {
        return Err(if lo == hi && lo == 1 {
            rt.type_error(format_args!("array.{name}() takes exactly one argument ({n} given)"))
        } else if lo == hi && lo == 0 {
            rt.type_error(format_args!("array.{name}() takes no arguments ({n} given)"))
        } else if n < lo {
            rt.type_error(format_args!("{name} expected at least {lo} argument, got {n}"))
        } else {
            rt.type_error(format_args!("{name} expected at most {hi} arguments, got {n}"))
        });
    }
    Ok(())
}

fn m_append(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "append", a, k, 1, 1)?;
    append(rt, a[0], a[1])?;
    Ok(Value::NONE)
}

fn m_extend(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "extend", a, k, 1, 1)?;
    extend(rt, a[0], a[1])?;
    Ok(Value::NONE)
}

fn m_fromlist(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "fromlist", a, k, 1, 1)?;
    if !crate::objects::list::is_list(a[1]) {
        return Err(rt.type_error(format_args!("arg must be list")));
    }
    // All or nothing, as CPython: convert into a scratch array first.
    let tmp = new(rt, typecode(a[0]))?;
    extend(rt, tmp, a[1])?;
    extend(rt, a[0], tmp)?;
    Ok(Value::NONE)
}

fn m_tolist(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "tolist", a, k, 0, 0)?;
    tolist(rt, a[0])
}

fn m_tobytes(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "tobytes", a, k, 0, 0)?;
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(data(a[0])).or_mem(rt)?;
    bytes::new(rt, &tmp)
}

fn m_frombytes(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "frombytes", a, k, 1, 1)?;
    match buffer_of(rt, a[1])? {
        Some(tmp) => frombytes(rt, a[0], &tmp)?,
        None => {
            let tn = ops::type_name(rt, a[1]);
            return Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")));
        }
    }
    Ok(Value::NONE)
}

fn m_pop(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "pop", a, k, 0, 1)?;
    let v = a[0];
    let n = len(v) as isize;
    if n == 0 {
        return Err(rt.index_error(format_args!("pop from empty array")));
    }
    let mut i = if a.len() > 1 { ops::to_index(rt, a[1])? } else { -1 };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(rt.index_error(format_args!("pop index out of range")));
    }
    let x = item(rt, v, i as usize)?;
    splice(rt, v, i as usize, i as usize + 1, &[])?;
    Ok(x)
}

fn m_insert(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() != 3 {
        return Err(rt.type_error(format_args!("insert expected 2 arguments, got {}", a.len() - 1)));
    }
    args(rt, "insert", a, k, 2, 2)?;
    let v = a[0];
    let n = len(v) as isize;
    let mut i = ops::to_index(rt, a[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let (b, sz) = encode(rt, typecode(v), a[2])?;
    splice(rt, v, i, i, &b[..sz])?;
    Ok(Value::NONE)
}

fn find(rt: &mut Rt, v: Value, x: Value) -> PResult<Option<usize>> {
    let mut i = 0;
    while i < len(v) {
        let y = item(rt, v, i)?;
        if ops::eq(rt, y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// `x in a`.
pub fn contains(rt: &mut Rt, v: Value, x: Value) -> PResult<bool> {
    Ok(find(rt, v, x)?.is_some())
}

fn m_index(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "index", a, k, 1, 1)?;
    match find(rt, a[0], a[1])? {
        Some(i) => Ok(Value::small_int(i as isize).unwrap_or(Value::NONE)),
        None => Err(rt.value_error(format_args!("array.index(x): x not in array"))),
    }
}

fn m_count(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "count", a, k, 1, 1)?;
    let mut c = 0;
    let mut i = 0;
    while i < len(a[0]) {
        let y = item(rt, a[0], i)?;
        if ops::eq(rt, y, a[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(c).unwrap_or(Value::NONE))
}

fn m_remove(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "remove", a, k, 1, 1)?;
    match find(rt, a[0], a[1])? {
        Some(i) => splice(rt, a[0], i, i + 1, &[])?,
        None => return Err(rt.value_error(format_args!("array.remove(x): x not in array"))),
    }
    Ok(Value::NONE)
}

fn m_reverse(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "reverse", a, k, 0, 0)?;
    let isz = itemsize(a[0]);
    let d = data(a[0]);
    let n = len(a[0]);
    for i in 0..n / 2 {
        for b in 0..isz {
            d.swap(i * isz + b, (n - 1 - i) * isz + b);
        }
    }
    Ok(Value::NONE)
}

fn m_byteswap(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    args(rt, "byteswap", a, k, 0, 0)?;
    let isz = itemsize(a[0]);
    for chunk in data(a[0]).chunks_mut(isz) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}
