//! Frames (the locals and value stack of one running code object) and
//! generators (a suspended frame).
//!
//! Frame layout:
//!   word 0  &FRAME_TYPE
//!   1       code: the code object (its base pointer: the instruction
//!           pointer is kept as an offset beside it, never as an interior
//!           pointer into the bytecode)
//!   2       globals: dict
//!   3       locals: the namespace dict (module and class bodies) or NONE
//!   4       func: the function being run
//!   5       ip: bytecode offset to resume at (small-int Value)
//!   6       sp: stack depth to resume with (small-int Value)
//!   7       nslots: n_locals + stack size
//!   8...    slots: n_locals local Values, then the value stack
//!
//! Slots hold Values or 0 (unbound); slots above the stack top may keep
//! stale values, so only words 1-6 are declared as pointer fields (the slots
//! are still scanned conservatively). A frame of an ordinary call is freed
//! explicitly when the call returns; a generator's lives as long as it.
//!
//! Generator layout:
//!   word 0  &GEN_TYPE
//!   1       frame (or NONE once finished)
//!   2       state: small int (0 created, 1 suspended, 2 running, 3 finished)
//!   3       name: qstr Value
//!   4       coroutine: small int 1 for `async def` functions, else 0

use crate::obj::TypeDesc;
use crate::objects::class::{FRAME_CLASS, GENERATOR_CLASS};
use crate::objects::{alloc, kind, new_obj, Kind, W};
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(FRAME_TYPE, FRAME_INFO, "frame", b'r', &[1, 2, 3, 4], None, Frame, FRAME_CLASS);
crate::rt_type!(GEN_TYPE, GEN_INFO, "generator", b'g', &[1], None, Generator, GENERATOR_CLASS);

const HDR: usize = 8;

pub fn new(rt: &Rt, code: Value, globals: Value, locals: Value, func: Value, nslots: usize) -> PResult<Value> {
    let p = alloc(rt, (HDR + nslots) * W)?;
    // SAFETY: a fresh zeroed block of HDR + nslots words; the header is written
    // before any other allocation; slots start as 0 (unbound).
    unsafe {
        *p = &FRAME_TYPE as *const TypeDesc as usize;
        *p.add(1) = code.bits();
        *p.add(2) = globals.bits();
        *p.add(3) = locals.bits();
        *p.add(4) = func.bits();
        *p.add(5) = Value::small_int(0).unwrap().bits();
        *p.add(6) = Value::small_int(0).unwrap().bits();
        *p.add(7) = nslots;
    }
    Ok(Value::from_ptr(p))
}

fn word(f: Value, i: usize) -> usize {
    debug_assert!(kind(f) == Kind::Frame);
    // SAFETY: a live frame; i < HDR.
    unsafe { *(f.bits() as *const usize).add(i) }
}

fn set_word(f: Value, i: usize, v: usize) {
    // SAFETY: a live frame; i < HDR.
    unsafe { *(f.bits() as *mut usize).add(i) = v }
}

pub fn code(f: Value) -> Value {
    Value::from_bits(word(f, 1))
}
pub fn globals(f: Value) -> Value {
    Value::from_bits(word(f, 2))
}
pub fn locals(f: Value) -> Value {
    Value::from_bits(word(f, 3))
}
pub fn func(f: Value) -> Value {
    Value::from_bits(word(f, 4))
}
pub fn saved(f: Value) -> (usize, usize) {
    let ip = Value::from_bits(word(f, 5)).as_small_int().unwrap_or(0) as usize;
    let sp = Value::from_bits(word(f, 6)).as_small_int().unwrap_or(0) as usize;
    (ip, sp)
}
pub fn save(f: Value, ip: usize, sp: usize) {
    set_word(f, 5, Value::small_int(ip as isize).unwrap_or(Value::NONE).bits());
    set_word(f, 6, Value::small_int(sp as isize).unwrap_or(Value::NONE).bits());
}

/// The frame's slots: locals then the value stack. The frame stays alive
/// while the caller holds `f` (it is freed only by `free`, by the call that
/// made it, after its last use).
pub fn slots(f: Value) -> &'static mut [Value] {
    let n = word(f, 7);
    // SAFETY: a live frame has `nslots` Value words after the header.
    unsafe { core::slice::from_raw_parts_mut((f.bits() as *mut Value).add(HDR), n) }
}

/// Frees a finished call's frame (nothing else refers to it).
pub fn free(rt: &Rt, f: Value) {
    rt.heap.free(f.bits() as *mut u8);
}

#[repr(C)]
struct GenObj {
    ty: &'static TypeDesc,
    frame: Value,
    state: Value,
    name: Value,
    coro: Value,
}

pub const GEN_CREATED: isize = 0;
pub const GEN_SUSPENDED: isize = 1;
pub const GEN_RUNNING: isize = 2;
pub const GEN_FINISHED: isize = 3;

pub fn new_gen(rt: &Rt, frame: Value, name: Value, coroutine: bool) -> PResult<Value> {
    let state = Value::small_int(GEN_CREATED).unwrap();
    let coro = Value::small_int(coroutine as isize).unwrap();
    new_obj(rt, GenObj { ty: &GEN_TYPE, frame, state, name, coro })
}

/// Was the generator made by an `async def` function?
pub fn is_coroutine(g: Value) -> bool {
    // SAFETY: a live generator.
    unsafe { (*gen(g)).coro == Value::small_int(1).unwrap() }
}

fn gen(g: Value) -> *mut GenObj {
    debug_assert!(kind(g) == Kind::Generator);
    g.bits() as *mut GenObj
}

pub fn gen_frame(g: Value) -> Value {
    // SAFETY: a live generator.
    unsafe { (*gen(g)).frame }
}
pub fn gen_state(g: Value) -> isize {
    // SAFETY: a live generator.
    unsafe { (*gen(g)).state.as_small_int().unwrap_or(GEN_FINISHED) }
}
pub fn set_gen_state(g: Value, s: isize) {
    // SAFETY: a live generator; the state is a Value slot.
    unsafe {
        (*gen(g)).state = Value::small_int(s).unwrap();
        if s == GEN_FINISHED {
            (*gen(g)).frame = Value::NONE;
        }
    }
}
pub fn gen_name(g: Value) -> Value {
    // SAFETY: a live generator.
    unsafe { (*gen(g)).name }
}
