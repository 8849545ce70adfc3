//! The dispatch loop: one `match` over the compiler's opcodes (see
//! `emit::bytecode` for the stack conventions), frames, calls of Python
//! functions, exception unwinding through the code object's handler table,
//! and generators.
//!
//! A call allocates a frame object (see `objects::frame`); the loop keeps the
//! frame Value (the base pointer) and the instruction pointer as an offset,
//! and works on the frame's slots through a slice. `exec` runs until the
//! frame returns, yields or raises; `run` catches a raise, records the
//! traceback entry, and resumes at the innermost matching handler.
//!
//! Invariants: the frame stays reachable for the whole call (the Value is on
//! this native stack and in `Rt::frame`); values popped from the stack may
//! linger in dead slots, which only delays their collection.

// Index loops here walk parallel arrays (limbs, slots) by position.
#![allow(clippy::needless_range_loop)]

use crate::emit::bytecode::{Op, INPLACE};
use crate::obj::{flags, Code};
use crate::objects::cell::{self, UNBOUND};
use crate::objects::class::{self as cls, STOP_ITERATION_CLASS};
use crate::objects::{
    dict, exception, frame, function, kind, list, set, slice, str as pstr, traceback, tuple, Kind, OrMem,
};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

/// How `exec` left the frame.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

struct St {
    ip: usize,
    sp: usize,
    op_ip: usize,
    nl: usize,
    /// The failing instruction was RERAISE: keep the traceback as it is.
    reraise: bool,
}

#[inline]
fn uvar(bc: &[u8], ip: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0;
    loop {
        let b = bc[*ip];
        *ip += 1;
        v |= ((b & 0x7f) as u32) << shift;
        if b & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

#[inline]
fn jtarget(bc: &[u8], ip: &mut usize) -> usize {
    let t = u32::from_le_bytes([bc[*ip], bc[*ip + 1], bc[*ip + 2], bc[*ip + 3]]);
    *ip += 4;
    t as usize
}

fn slot_name<'a>(rt: &'a Rt, c: Code, i: usize) -> &'a str {
    match c.varnames().get(i).and_then(|v| v.as_qstr()) {
        Some(q) => rt.st.qstr.str(q),
        None => "?",
    }
}

/// Calls a Python function: binds the arguments into a new frame and runs it
/// (or, for a generator function, returns the generator). `ns` is the
/// namespace dict for module and class bodies (NONE otherwise).
pub fn call_function(rt: &mut Rt, func: Value, args: &[Value], kw: &[Value], ns: Value) -> PResult<Value> {
    rt.check_stack()?;
    rt.check_interrupt()?;
    let c = function::code(func);
    let h = c.header();
    let nl = h.n_locals as usize;
    let nslots = nl + h.stack_size as usize + 1;
    let globals = function::get(func).globals;
    let fr = frame::new(rt, c.value(), globals, ns, func, nslots)?;
    if let Err(e) = super::args::bind(rt, func, args, kw, &mut frame::slots(fr)[..nl]) {
        frame::free(rt, fr);
        return Err(e);
    }
    if h.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        frame::save(fr, 0, nl);
        return frame::new_gen(rt, fr, Value::qstr(Qstr(h.name)), h.flags & flags::COROUTINE != 0);
    }
    frame::save(fr, 0, nl);
    rt.depth += 1;
    let prev = rt.frame;
    rt.frame = fr;
    let r = run(rt, fr, Value::from_bits(0));
    rt.frame = prev;
    rt.depth -= 1;
    frame::free(rt, fr);
    match r {
        Ok(Exit::Return(v)) => Ok(v),
        Ok(Exit::Yield(_)) => Err(rt.runtime_error(format_args!("yield outside a generator"))),
        Err(e) => Err(e),
    }
}

/// Runs `fr` from its saved position until it returns, yields or raises an
/// exception no handler catches. A non-zero `throw` is raised at the resume
/// point first.
pub fn run(rt: &mut Rt, fr: Value, throw: Value) -> PResult<Exit> {
    let c = Code::from_value(frame::code(fr)).expect("a frame's code is a code object");
    let (ip, sp) = frame::saved(fr);
    let mut st = St { ip, sp, op_ip: ip, nl: c.header().n_locals as usize, reraise: false };
    let mut pending = if throw.bits() != 0 { Some(throw) } else { None };
    if let Some(exc) = pending {
        // Suspended in `yield from`/`await`: the exception goes to the
        // sub-iterator first, as CPython's gen.throw() delegates it.
        if c.code().get(ip).copied() == Some(Op::YIELD_FROM as u8) && sp > st.nl {
            let recv = frame::slots(fr)[sp - 1];
            let r = if kind(recv) == Kind::Generator {
                Some(gen_resume(rt, recv, Value::NONE, exc).map(Some))
            } else if kind(recv) == Kind::Instance && ops::has_special(rt, recv, "throw")? {
                Some(match ops::call_special(rt, recv, "throw", &[exc]) {
                    Ok(Some(y)) => Ok(Some(Exit::Yield(y))),
                    Ok(None) => Ok(None),
                    Err(e) if exception::is_exc(e) && exception::matches(e, &cls::STOP_ITERATION_CLASS) => {
                        Ok(Some(Exit::Return(exception::arg0(e))))
                    }
                    Err(e) => Err(e),
                })
            } else {
                None
            };
            match r {
                Some(Ok(Some(Exit::Yield(y)))) => {
                    frame::save(fr, ip, sp);
                    return Ok(Exit::Yield(y));
                }
                Some(Ok(Some(Exit::Return(v)))) => {
                    frame::slots(fr)[sp - 1] = v;
                    st.ip = ip + 1;
                    pending = None;
                }
                Some(Ok(None)) => {
                    frame::slots(fr)[sp - 1] = Value::NONE;
                    st.ip = ip + 1;
                    pending = None;
                }
                Some(Err(e)) => pending = Some(e),
                None => {}
            }
        }
    }
    loop {
        let r = match pending.take() {
            Some(e) => Err(e),
            None => exec(rt, fr, c, &mut st),
        };
        match r {
            Ok(x) => return Ok(x),
            Err(exc) => {
                let exc = match note_exception(rt, exc, c, &st) {
                    Ok(e) => e,
                    Err(e) => e,
                };
                st.reraise = false;
                let off = st.op_ip as u32;
                let mut handled = false;
                for h in c.handlers() {
                    if h.start <= off && off < h.end {
                        st.sp = st.nl + h.depth as usize;
                        frame::slots(fr)[st.sp] = exc;
                        st.sp += 1;
                        st.ip = h.handler as usize;
                        handled = true;
                        break;
                    }
                }
                if !handled {
                    return Err(exc);
                }
            }
        }
    }
}

/// Adds this frame to the exception's traceback and sets its context.
fn note_exception(rt: &mut Rt, exc: Value, c: Code, st: &St) -> PResult<Value> {
    if !exception::is_exc(exc) {
        return Ok(exc);
    }
    if !st.reraise {
        let line = c.line_of(st.op_ip as u32);
        let tb = exception::traceback(exc);
        let t = traceback::new(rt, tb, c.value(), line)?;
        exception::set_traceback(exc, t);
        let ctx = rt.exc_info;
        if ctx != Value::NONE && ctx != exc && exception::context(exc) == Value::NONE {
            exception::set_context(exc, ctx);
        }
    }
    Ok(exc)
}

macro_rules! push {
    ($s:expr, $st:expr, $v:expr) => {{
        let v = $v;
        $s[$st.sp] = v;
        $st.sp += 1;
    }};
}
macro_rules! pop {
    ($s:expr, $st:expr) => {{
        $st.sp -= 1;
        $s[$st.sp]
    }};
}

fn exec(rt: &mut Rt, fr: Value, c: Code, st: &mut St) -> PResult<Exit> {
    let bc = c.code();
    let consts = c.consts();
    let s = frame::slots(fr);
    loop {
        st.op_ip = st.ip;
        let opb = bc[st.ip];
        st.ip += 1;
        let op = match Op::from_u8(opb) {
            Some(o) => o,
            None => return Err(rt.runtime_error(format_args!("bad opcode {opb}"))),
        };
        match op {
            Op::NOP => {}
            Op::POP_TOP => st.sp -= 1,
            Op::ROT_TWO => s.swap(st.sp - 1, st.sp - 2),
            Op::ROT_THREE => {
                let t = s[st.sp - 1];
                s[st.sp - 1] = s[st.sp - 2];
                s[st.sp - 2] = s[st.sp - 3];
                s[st.sp - 3] = t;
            }
            Op::DUP_TOP => {
                let t = s[st.sp - 1];
                push!(s, st, t);
            }
            Op::DUP_TOP_TWO => {
                let (a, b) = (s[st.sp - 2], s[st.sp - 1]);
                push!(s, st, a);
                push!(s, st, b);
            }
            Op::LOAD_CONST => {
                let i = uvar(bc, &mut st.ip) as usize;
                push!(s, st, consts[i]);
            }
            Op::LOAD_SMALL_INT => {
                let z = uvar(bc, &mut st.ip);
                let v = crate::emit::bytecode::unzigzag(z);
                push!(s, st, Value::small_int(v as isize).unwrap_or(Value::NONE));
            }
            Op::LOAD_NONE => push!(s, st, Value::NONE),
            Op::LOAD_TRUE => push!(s, st, Value::TRUE),
            Op::LOAD_FALSE => push!(s, st, Value::FALSE),
            Op::LOAD_FAST => {
                let i = uvar(bc, &mut st.ip) as usize;
                let v = s[i];
                if v == UNBOUND {
                    return Err(unbound_local(rt, c, i));
                }
                push!(s, st, v);
            }
            Op::STORE_FAST => {
                let i = uvar(bc, &mut st.ip) as usize;
                s[i] = pop!(s, st);
            }
            Op::DELETE_FAST => {
                let i = uvar(bc, &mut st.ip) as usize;
                if s[i] == UNBOUND {
                    return Err(unbound_local(rt, c, i));
                }
                s[i] = UNBOUND;
            }
            Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => {
                let i = uvar(bc, &mut st.ip) as usize;
                if op == Op::LOAD_CLASSDEREF {
                    let ns = frame::locals(fr);
                    if let Some(q) = c.varnames()[i].as_qstr() {
                        if ns.is_ptr() {
                            if let Some(v) = dict::get_qstr(rt, ns, q)? {
                                push!(s, st, v);
                                continue;
                            }
                        }
                    }
                }
                let v = cell::get(s[i]);
                if v == UNBOUND {
                    return Err(unbound_deref(rt, c, i));
                }
                push!(s, st, v);
            }
            Op::STORE_DEREF => {
                let i = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                cell::set(s[i], v);
            }
            Op::DELETE_DEREF => {
                let i = uvar(bc, &mut st.ip) as usize;
                if cell::get(s[i]) == UNBOUND {
                    return Err(unbound_deref(rt, c, i));
                }
                cell::set(s[i], UNBOUND);
            }
            Op::LOAD_CLOSURE => {
                let i = uvar(bc, &mut st.ip) as usize;
                push!(s, st, s[i]);
            }
            Op::LOAD_GLOBAL => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let v = load_global(rt, frame::globals(fr), q)?;
                push!(s, st, v);
            }
            Op::STORE_GLOBAL => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let v = pop!(s, st);
                dict::set(rt, frame::globals(fr), Value::qstr(q), v)?;
            }
            Op::DELETE_GLOBAL => {
                let q = Qstr(uvar(bc, &mut st.ip));
                if dict::remove(rt, frame::globals(fr), Value::qstr(q))?.is_none() {
                    return Err(name_error(rt, q));
                }
            }
            Op::LOAD_NAME => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let ns = frame::locals(fr);
                let v = match dict::get_qstr(rt, ns, q)? {
                    Some(v) => v,
                    None => load_global(rt, frame::globals(fr), q)?,
                };
                push!(s, st, v);
            }
            Op::STORE_NAME => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let v = pop!(s, st);
                dict::set(rt, frame::locals(fr), Value::qstr(q), v)?;
            }
            Op::DELETE_NAME => {
                let q = Qstr(uvar(bc, &mut st.ip));
                if dict::remove(rt, frame::locals(fr), Value::qstr(q))?.is_none() {
                    return Err(name_error(rt, q));
                }
            }
            Op::LOAD_ATTR => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let o = s[st.sp - 1];
                s[st.sp - 1] = ops::getattr(rt, o, q)?;
            }
            Op::STORE_ATTR => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let o = pop!(s, st);
                let v = pop!(s, st);
                ops::setattr(rt, o, q, v)?;
            }
            Op::DELETE_ATTR => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let o = pop!(s, st);
                ops::delattr(rt, o, q)?;
            }
            Op::LOAD_METHOD => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let o = s[st.sp - 1];
                let (m, this) = ops::load_method(rt, o, q)?;
                s[st.sp - 1] = m;
                push!(s, st, this);
            }
            Op::BINARY_SUBSCR => {
                let i = pop!(s, st);
                let o = s[st.sp - 1];
                s[st.sp - 1] = ops::getitem(rt, o, i)?;
            }
            Op::STORE_SUBSCR => {
                let i = pop!(s, st);
                let o = pop!(s, st);
                let v = pop!(s, st);
                ops::setitem(rt, o, i, v)?;
            }
            Op::DELETE_SUBSCR => {
                let i = pop!(s, st);
                let o = pop!(s, st);
                ops::delitem(rt, o, i)?;
            }
            Op::UNARY_POSITIVE | Op::UNARY_NEGATIVE | Op::UNARY_INVERT => {
                let o = s[st.sp - 1];
                s[st.sp - 1] = ops::unary(rt, op, o)?;
            }
            Op::UNARY_NOT => {
                let o = s[st.sp - 1];
                s[st.sp - 1] = if ops::truthy(rt, o)? { Value::FALSE } else { Value::TRUE };
            }
            Op::BINARY_OP => {
                let k = uvar(bc, &mut st.ip);
                let b = pop!(s, st);
                let a = s[st.sp - 1];
                // Fast paths for small ints.
                if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    let r = match k % INPLACE {
                        0 => x.checked_add(y).and_then(Value::small_int),
                        1 => x.checked_sub(y).and_then(Value::small_int),
                        2 => x.checked_mul(y).and_then(Value::small_int),
                        _ => None,
                    };
                    if let Some(r) = r {
                        s[st.sp - 1] = r;
                        continue;
                    }
                }
                let r = if k >= INPLACE {
                    ops::inplace(rt, (k - INPLACE) as u8, a, b)?
                } else {
                    ops::binary(rt, k as u8, a, b)?
                };
                s[st.sp - 1] = r;
            }
            Op::COMPARE_OP => {
                let k = uvar(bc, &mut st.ip);
                let b = pop!(s, st);
                let a = s[st.sp - 1];
                if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    let r = match k {
                        0 => Some(x < y),
                        1 => Some(x > y),
                        2 => Some(x == y),
                        3 => Some(x != y),
                        4 => Some(x <= y),
                        5 => Some(x >= y),
                        _ => None,
                    };
                    if let Some(r) = r {
                        s[st.sp - 1] = if r { Value::TRUE } else { Value::FALSE };
                        continue;
                    }
                }
                s[st.sp - 1] = ops::compare(rt, k as u8, a, b)?;
            }
            Op::BUILD_TUPLE => {
                let n = uvar(bc, &mut st.ip) as usize;
                let t = tuple::new(rt, &s[st.sp - n..st.sp])?;
                st.sp -= n;
                push!(s, st, t);
            }
            Op::BUILD_LIST => {
                let n = uvar(bc, &mut st.ip) as usize;
                let l = list::from_slice(rt, &s[st.sp - n..st.sp])?;
                st.sp -= n;
                push!(s, st, l);
            }
            Op::BUILD_SET => {
                let n = uvar(bc, &mut st.ip) as usize;
                let x = set::new(rt, false)?;
                for i in st.sp - n..st.sp {
                    set::add(rt, x, s[i])?;
                }
                st.sp -= n;
                push!(s, st, x);
            }
            Op::BUILD_MAP => {
                let n = uvar(bc, &mut st.ip) as usize;
                let d = dict::new(rt)?;
                let base = st.sp - 2 * n;
                for i in 0..n {
                    dict::set(rt, d, s[base + 2 * i], s[base + 2 * i + 1])?;
                }
                st.sp = base;
                push!(s, st, d);
            }
            Op::BUILD_SLICE => {
                let n = uvar(bc, &mut st.ip) as usize;
                let step = if n == 3 { pop!(s, st) } else { Value::NONE };
                let stop = pop!(s, st);
                let start = pop!(s, st);
                let sl = slice::new(rt, start, stop, step)?;
                push!(s, st, sl);
            }
            Op::BUILD_STRING => {
                let n = uvar(bc, &mut st.ip) as usize;
                let mut buf = upy_heap::GcVec::<u8>::new();
                for i in st.sp - n..st.sp {
                    let b = pstr::bytes_of(rt, s[i]).unwrap_or(b"");
                    buf.extend_from_slice(b).or_mem(rt)?;
                }
                let r = pstr::new(rt, &buf)?;
                st.sp -= n;
                push!(s, st, r);
            }
            Op::LIST_APPEND => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                list::append(rt, s[st.sp - n], v)?;
            }
            Op::SET_ADD => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                set::add(rt, s[st.sp - n], v)?;
            }
            Op::MAP_ADD => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                let k = pop!(s, st);
                dict::set(rt, s[st.sp - n], k, v)?;
            }
            Op::LIST_EXTEND => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                let l = s[st.sp - n];
                if !ops::is_iterable(rt, v)? {
                    let tn = ops::type_name(rt, v);
                    return Err(rt.type_error(format_args!("Value after * must be an iterable, not {tn}")));
                }
                list::extend(rt, l, v)?;
            }
            Op::SET_UPDATE => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                set::update(rt, s[st.sp - n], v)?;
            }
            Op::DICT_UPDATE | Op::DICT_MERGE => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                let d = s[st.sp - n];
                if !dict::is_dict(v) {
                    if op == Op::DICT_MERGE {
                        // The call's stack: func, args tuple, kwargs dict.
                        let f = s[st.sp - n - 2];
                        let fs = ops::func_str(rt, f)?;
                        let tn = ops::type_name(rt, v);
                        let fs = pstr::text(rt, fs);
                        return Err(rt.type_error(format_args!("{fs}() argument after ** must be a mapping, not {tn}")));
                    }
                    let tn = ops::type_name(rt, v);
                    return Err(rt.type_error(format_args!("'{tn}' object is not a mapping")));
                }
                if op == Op::DICT_MERGE {
                    let mut i = 0;
                    while i < dict::fill(v) {
                        if let Some((k, x)) = dict::entry_at(v, i) {
                            if dict::get(rt, d, k)?.is_some() {
                                let f = s[st.sp - n - 2];
                                let fs = ops::func_str(rt, f)?;
                                let ks = ops::str(rt, k)?;
                                let (fs, t) = (pstr::text(rt, fs), pstr::text(rt, ks));
                                return Err(rt.type_error(format_args!(
                                    "{fs}() got multiple values for keyword argument '{t}'"
                                )));
                            }
                            dict::set(rt, d, k, x)?;
                        }
                        i += 1;
                    }
                } else {
                    dict::copy_into(rt, d, v)?;
                }
            }
            Op::LIST_TO_TUPLE => {
                let l = s[st.sp - 1];
                s[st.sp - 1] = tuple::new(rt, list::items(l))?;
            }
            Op::UNPACK_SEQUENCE => {
                let n = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                if tuple::is_tuple(v) && tuple::len(v) == n {
                    for i in (0..n).rev() {
                        push!(s, st, tuple::items(v)[i]);
                    }
                    continue;
                }
                let l = unpack_list(rt, v)?;
                let got = list::len(l);
                if got < n {
                    return Err(rt.value_error(format_args!("not enough values to unpack (expected {n}, got {got})")));
                }
                if got > n {
                    return Err(rt.value_error(format_args!("too many values to unpack (expected {n})")));
                }
                for i in (0..n).rev() {
                    push!(s, st, list::items(l)[i]);
                }
            }
            Op::UNPACK_EX => {
                let before = uvar(bc, &mut st.ip) as usize;
                let after = uvar(bc, &mut st.ip) as usize;
                let v = pop!(s, st);
                let l = unpack_list(rt, v)?;
                let got = list::len(l);
                if got < before + after {
                    return Err(rt.value_error(format_args!(
                        "not enough values to unpack (expected at least {}, got {got})",
                        before + after
                    )));
                }
                for i in (got - after..got).rev() {
                    push!(s, st, list::items(l)[i]);
                }
                let mid = list::from_slice(rt, &list::items(l)[before..got - after])?;
                push!(s, st, mid);
                for i in (0..before).rev() {
                    push!(s, st, list::items(l)[i]);
                }
            }
            Op::FORMAT_VALUE => {
                let f = uvar(bc, &mut st.ip);
                let spec = if f & 4 != 0 { pop!(s, st) } else { Value::qstr(crate::qstr::q::EMPTY) };
                let v = s[st.sp - 1];
                let v = match f & 3 {
                    1 => ops::str(rt, v)?,
                    2 => ops::repr(rt, v)?,
                    3 => crate::vm::format::ascii(rt, v)?,
                    _ => v,
                };
                s[st.sp - 1] = ops::format(rt, v, spec)?;
            }
            Op::JUMP => {
                st.ip = jtarget(bc, &mut st.ip);
                if st.ip < st.op_ip {
                    rt.check_interrupt()?;
                }
            }
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                let t = jtarget(bc, &mut st.ip);
                let v = pop!(s, st);
                let b = if v == Value::TRUE {
                    true
                } else if v == Value::FALSE {
                    false
                } else {
                    ops::truthy(rt, v)?
                };
                if b == (op == Op::POP_JUMP_IF_TRUE) {
                    st.ip = t;
                }
            }
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                let t = jtarget(bc, &mut st.ip);
                let v = s[st.sp - 1];
                let b = ops::truthy(rt, v)?;
                if b == (op == Op::JUMP_IF_TRUE_OR_POP) {
                    st.ip = t;
                } else {
                    st.sp -= 1;
                }
            }
            Op::GET_ITER => {
                let v = s[st.sp - 1];
                s[st.sp - 1] = ops::get_iter(rt, v)?;
            }
            Op::FOR_ITER => {
                let t = jtarget(bc, &mut st.ip);
                let it = s[st.sp - 1];
                match ops::next(rt, it)? {
                    Some(v) => push!(s, st, v),
                    None => {
                        st.sp -= 1;
                        st.ip = t;
                    }
                }
            }
            Op::MAKE_FUNCTION => {
                let f = uvar(bc, &mut st.ip);
                let code = pop!(s, st);
                let closure = if f & 8 != 0 { pop!(s, st) } else { Value::NONE };
                let kwd = if f & 2 != 0 { pop!(s, st) } else { Value::NONE };
                let defs = if f & 1 != 0 { pop!(s, st) } else { Value::NONE };
                let func = function::new(rt, code, frame::globals(fr), defs, kwd, closure)?;
                push!(s, st, func);
            }
            Op::CALL_FUNCTION => {
                let p = uvar(bc, &mut st.ip) as usize;
                let k = uvar(bc, &mut st.ip) as usize;
                let base = st.sp - p - 2 * k;
                let f = s[base - 1];
                let r = if kind(f) == Kind::BoundMethod {
                    let (this, m) = crate::objects::boundmeth::parts(f);
                    s[base - 1] = this;
                    ops::call_kw(rt, m, &s[base - 1..base + p], &s[base + p..st.sp])?
                } else {
                    ops::call_kw(rt, f, &s[base..base + p], &s[base + p..st.sp])?
                };
                st.sp = base;
                s[st.sp - 1] = r;
            }
            Op::CALL_METHOD => {
                let p = uvar(bc, &mut st.ip) as usize;
                let k = uvar(bc, &mut st.ip) as usize;
                let base = st.sp - p - 2 * k;
                let this = s[base - 1];
                let m = s[base - 2];
                let r = if this == UNBOUND {
                    ops::call_kw(rt, m, &s[base..base + p], &s[base + p..st.sp])?
                } else {
                    ops::call_kw(rt, m, &s[base - 1..base + p], &s[base + p..st.sp])?
                };
                st.sp = base - 1;
                s[st.sp - 1] = r;
            }
            Op::CALL_FUNCTION_EX => {
                let f = uvar(bc, &mut st.ip);
                let kw = if f & 1 != 0 { pop!(s, st) } else { Value::NONE };
                let args = pop!(s, st);
                let func = s[st.sp - 1];
                s[st.sp - 1] = ops::call_ex(rt, func, args, kw)?;
            }
            Op::RETURN_VALUE => {
                let v = pop!(s, st);
                return Ok(Exit::Return(v));
            }
            Op::YIELD_VALUE => {
                let v = pop!(s, st);
                frame::save(fr, st.ip, st.sp);
                return Ok(Exit::Yield(v));
            }
            Op::YIELD_FROM => {
                let v = pop!(s, st);
                let recv = s[st.sp - 1];
                match send_to(rt, recv, v)? {
                    Some(Exit::Yield(y)) => {
                        // Re-run this instruction when resumed (with the sent value pushed).
                        frame::save(fr, st.op_ip, st.sp);
                        return Ok(Exit::Yield(y));
                    }
                    Some(Exit::Return(r)) => s[st.sp - 1] = r,
                    None => s[st.sp - 1] = Value::NONE,
                }
            }
            Op::GET_YIELD_FROM_ITER => {
                let v = s[st.sp - 1];
                if kind(v) != Kind::Generator {
                    s[st.sp - 1] = ops::get_iter(rt, v)?;
                }
            }
            Op::GET_AWAITABLE => {
                let v = s[st.sp - 1];
                s[st.sp - 1] = ops::awaitable(rt, v, false)?;
            }
            Op::GET_AITER => {
                let v = s[st.sp - 1];
                match ops::call_special(rt, v, "__aiter__", &[])? {
                    Some(it) => s[st.sp - 1] = it,
                    None => {
                        let tn = ops::type_name(rt, v);
                        return Err(rt.type_error(format_args!(
                            "'async for' requires an object with __aiter__ method, got {tn}"
                        )));
                    }
                }
            }
            Op::GET_ANEXT => {
                let it = s[st.sp - 1];
                let aw = match ops::call_special(rt, it, "__anext__", &[])? {
                    Some(aw) => aw,
                    None => {
                        let tn = ops::type_name(rt, it);
                        return Err(rt.type_error(format_args!(
                            "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
                        )));
                    }
                };
                let aw = ops::awaitable(rt, aw, true)?;
                push!(s, st, aw);
            }
            Op::END_ASYNC_FOR => {
                // The handler of an `async for`: StopAsyncIteration ends the loop.
                let e = pop!(s, st);
                if exception::is_exc(e) && exception::matches(e, &cls::STOP_ASYNC_ITERATION_CLASS) {
                    st.sp -= 1;
                } else {
                    st.reraise = true;
                    return Err(e);
                }
            }
            Op::BEFORE_ASYNC_WITH => {
                let m = pop!(s, st);
                let (exit, enter) = ops::async_with_methods(rt, m)?;
                push!(s, st, exit);
                let r = ops::call(rt, enter, &[], &[])?;
                push!(s, st, r);
            }
            Op::RAISE_VARARGS => {
                let n = uvar(bc, &mut st.ip);
                return Err(raise(rt, s, st, n)?);
            }
            Op::RERAISE => {
                let e = pop!(s, st);
                st.reraise = true;
                return Err(e);
            }
            Op::PUSH_EXC_INFO => {
                let e = pop!(s, st);
                push!(s, st, rt.exc_info);
                push!(s, st, e);
                rt.exc_info = e;
            }
            Op::POP_EXCEPT => {
                rt.exc_info = pop!(s, st);
            }
            Op::CHECK_EXC_MATCH => {
                let t = pop!(s, st);
                let e = s[st.sp - 1];
                let m = exc_matches(rt, e, t)?;
                push!(s, st, if m { Value::TRUE } else { Value::FALSE });
            }
            Op::LOAD_ASSERTION_ERROR => push!(s, st, cls::ASSERTION_ERROR_CLASS.value()),
            Op::BEFORE_WITH => {
                let m = pop!(s, st);
                let (exit, enter) = ops::with_methods(rt, m)?;
                push!(s, st, exit);
                let r = ops::call(rt, enter, &[], &[])?;
                push!(s, st, r);
            }
            Op::WITH_EXCEPT_START => {
                let e = s[st.sp - 1];
                let exit = s[st.sp - 3];
                let t = ops::type_of(rt, e);
                let tb = if exception::is_exc(e) { exception::traceback(e) } else { Value::NONE };
                let r = ops::call(rt, exit, &[t, e, tb], &[])?;
                push!(s, st, r);
            }
            Op::IMPORT_NAME => {
                let q = Qstr(uvar(bc, &mut st.ip));
                st.sp -= 2;
                let level = s[st.sp].as_small_int().unwrap_or(0);
                let fromlist = s[st.sp + 1];
                let g = frame::globals(fr);
                let m = super::import::import_name(rt, q, fromlist, level, g)?;
                push!(s, st, m);
            }
            Op::IMPORT_FROM => {
                let q = Qstr(uvar(bc, &mut st.ip));
                let m = s[st.sp - 1];
                let mut v = super::attr::try_getattr(rt, m, q)?;
                if v.is_none() {
                    v = super::import::import_submodule(rt, m, q)?;
                }
                let v = match v {
                    Some(v) => v,
                    None => {
                        let n = rt.st.qstr.str(q);
                        let mn = match kind(m) {
                            Kind::Module => crate::objects::module::parts(m).0,
                            _ => Value::qstr(crate::qstr::q::EMPTY),
                        };
                        let mn = pstr::text(rt, mn);
                        return Err(rt.error(
                            &cls::IMPORT_ERROR_CLASS,
                            format_args!("cannot import name '{n}' from '{mn}' (unknown location)"),
                        ));
                    }
                };
                push!(s, st, v);
            }
            Op::IMPORT_STAR => {
                return Err(rt.error(&cls::IMPORT_ERROR_CLASS, format_args!("import * is not supported")));
            }
            Op::LOAD_BUILD_CLASS => push!(s, st, super::classes::BUILD_CLASS.value()),
            Op::PRINT_EXPR => {
                let v = pop!(s, st);
                if v != Value::NONE {
                    let r = ops::repr(rt, v)?;
                    let b = pstr::bytes_of(rt, r).unwrap_or(b"");
                    let mut tmp = upy_heap::GcVec::<u8>::new();
                    tmp.extend_from_slice(b).or_mem(rt)?;
                    rt.out.write(&tmp);
                    rt.out.write(b"\n");
                }
            }
        }
    }
}

fn unpack_list(rt: &mut Rt, v: Value) -> PResult<Value> {
    if !ops::is_iterable(rt, v)? {
        let tn = ops::type_name(rt, v);
        return Err(rt.type_error(format_args!("cannot unpack non-iterable {tn} object")));
    }
    ops::to_list(rt, v)
}

fn unbound_local(rt: &Rt, c: Code, i: usize) -> Value {
    let n = slot_name(rt, c, i);
    rt.error(
        &cls::UNBOUND_LOCAL_ERROR_CLASS,
        format_args!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

fn unbound_deref(rt: &Rt, c: Code, i: usize) -> Value {
    let n = slot_name(rt, c, i);
    let h = c.header();
    if i >= (h.n_locals - h.n_free) as usize {
        rt.name_error(format_args!(
            "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        unbound_local(rt, c, i)
    }
}

fn name_error(rt: &Rt, q: Qstr) -> Value {
    let n = rt.st.qstr.str(q);
    rt.name_error(format_args!("name '{n}' is not defined"))
}

pub fn load_global(rt: &mut Rt, globals: Value, q: Qstr) -> PResult<Value> {
    if let Some(v) = dict::get_qstr(rt, globals, q)? {
        return Ok(v);
    }
    if let Some(v) = dict::get_qstr(rt, rt.builtins(), q)? {
        return Ok(v);
    }
    Err(name_error(rt, q))
}

/// Builds the exception for `raise` (n = 0, 1 or 2 operands).
fn raise(rt: &mut Rt, s: &mut [Value], st: &mut St, n: u32) -> PResult<Value> {
    if n == 0 {
        let e = rt.exc_info;
        if e == Value::NONE {
            return Ok(rt.runtime_error(format_args!("No active exception to reraise")));
        }
        st.reraise = true;
        return Ok(e);
    }
    let cause = if n == 2 { pop!(s, st) } else { UNBOUND };
    let e = pop!(s, st);
    let exc = make_exception(rt, e)?;
    if cause != UNBOUND {
        let c = if cause == Value::NONE { Value::NONE } else { make_exception(rt, cause)? };
        if c != Value::NONE && !exception::is_exc(c) {
            return Ok(rt.type_error(format_args!("exception causes must derive from BaseException")));
        }
        exception::set_cause(exc, c);
        exception::set_suppress(exc, true);
    }
    Ok(exc)
}

/// An exception instance from what `raise` was given (a class is called).
pub fn make_exception(rt: &mut Rt, e: Value) -> PResult<Value> {
    if exception::is_exc(e) {
        return Ok(e);
    }
    if cls::is_exception_class(e) {
        let x = ops::call(rt, e, &[], &[])?;
        if exception::is_exc(x) {
            return Ok(x);
        }
    }
    Err(rt.type_error(format_args!("exceptions must derive from BaseException")))
}

fn exc_matches(rt: &mut Rt, e: Value, t: Value) -> PResult<bool> {
    let check = |rt: &Rt, t: Value| -> PResult<()> {
        if cls::is_exception_class(t) {
            Ok(())
        } else {
            Err(rt.type_error(format_args!("catching classes that do not inherit from BaseException is not allowed")))
        }
    };
    let ec = ops::type_of(rt, e);
    if tuple::is_tuple(t) {
        for &x in tuple::items(t) {
            check(rt, x)?;
        }
        return Ok(tuple::items(t).iter().any(|&x| cls::is_subclass(ec, x)));
    }
    check(rt, t)?;
    Ok(cls::is_subclass(ec, t))
}

// ---- generators --------------------------------------------------------

/// Resumes generator `g`, sending `v` (or throwing `throw` if non-zero).
/// Returns the yielded value, or `Exit::Return` when it finished.
pub fn gen_resume(rt: &mut Rt, g: Value, v: Value, throw: Value) -> PResult<Exit> {
    let state = frame::gen_state(g);
    if state == frame::GEN_FINISHED {
        if throw.bits() != 0 {
            return Err(throw);
        }
        return Ok(Exit::Return(Value::NONE));
    }
    if state == frame::GEN_RUNNING {
        return Err(rt.value_error(format_args!("generator already executing")));
    }
    let fr = frame::gen_frame(g);
    if state == frame::GEN_CREATED {
        if v != Value::NONE && throw.bits() == 0 {
            return Err(rt.type_error(format_args!("can't send non-None value to a just-started generator")));
        }
        if throw.bits() != 0 {
            frame::set_gen_state(g, frame::GEN_FINISHED);
            return Err(throw);
        }
    } else if throw.bits() == 0 {
        let (ip, sp) = frame::saved(fr);
        frame::slots(fr)[sp] = v;
        frame::save(fr, ip, sp + 1);
    }
    rt.check_stack()?;
    frame::set_gen_state(g, frame::GEN_RUNNING);
    rt.depth += 1;
    let prev = rt.frame;
    rt.frame = fr;
    let saved_exc = rt.exc_info;
    let r = run(rt, fr, throw);
    rt.exc_info = saved_exc;
    rt.frame = prev;
    rt.depth -= 1;
    match r {
        Ok(Exit::Yield(y)) => {
            frame::set_gen_state(g, frame::GEN_SUSPENDED);
            Ok(Exit::Yield(y))
        }
        Ok(Exit::Return(x)) => {
            frame::set_gen_state(g, frame::GEN_FINISHED);
            Ok(Exit::Return(x))
        }
        Err(e) => {
            frame::set_gen_state(g, frame::GEN_FINISHED);
            if exception::is_exc(e) && exception::matches(e, &STOP_ITERATION_CLASS) {
                let r = rt.runtime_error(format_args!("generator raised StopIteration"));
                exception::set_cause(r, e);
                exception::set_context(r, e);
                return Err(r);
            }
            Err(e)
        }
    }
}

/// One step of `yield from` / iteration over a receiver: None = exhausted
/// (a plain iterator), Some(Yield) or Some(Return).
fn send_to(rt: &mut Rt, recv: Value, v: Value) -> PResult<Option<Exit>> {
    if kind(recv) == Kind::Generator {
        return gen_resume(rt, recv, v, Value::from_bits(0)).map(Some);
    }
    match ops::next(rt, recv)? {
        Some(x) => Ok(Some(Exit::Yield(x))),
        None => Ok(Some(Exit::Return(Value::NONE))),
    }
}

/// The StopIteration for a generator's return value.
fn stop_with(rt: &Rt, v: Value) -> Value {
    if v == Value::NONE {
        rt.stop_iteration()
    } else {
        rt.error_args(&STOP_ITERATION_CLASS, &[v])
    }
}

pub fn gen_send_m(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let v = a.get(1).copied().unwrap_or(Value::NONE);
    match gen_resume(rt, a[0], v, Value::from_bits(0))? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(stop_with(rt, r)),
    }
}

pub fn gen_throw_m(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let mut e = a.get(1).copied().unwrap_or(Value::NONE);
    if a.len() > 2 && cls::is_exception_class(e) {
        e = ops::call(rt, e, &a[2..3], &[])?;
    }
    let e = make_exception(rt, e)?;
    match gen_resume(rt, a[0], Value::NONE, e)? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(stop_with(rt, r)),
    }
}

pub fn gen_close_m(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let g = a[0];
    let st = frame::gen_state(g);
    if st == frame::GEN_FINISHED || st == frame::GEN_CREATED {
        frame::set_gen_state(g, frame::GEN_FINISHED);
        return Ok(Value::NONE);
    }
    let e = rt.error_args(&cls::GENERATOR_EXIT_CLASS, &[]);
    match gen_resume(rt, g, Value::NONE, e) {
        Ok(Exit::Yield(_)) => Err(rt.runtime_error(format_args!("generator ignored GeneratorExit"))),
        Ok(Exit::Return(_)) => Ok(Value::NONE),
        Err(x) if exception::is_exc(x) && exception::matches(x, &cls::GENERATOR_EXIT_CLASS) => Ok(Value::NONE),
        Err(x) => Err(x),
    }
}

/// `next()` on a generator: Some(item) or None when it finished.
pub fn gen_next(rt: &mut Rt, g: Value) -> PResult<Option<Value>> {
    match gen_resume(rt, g, Value::NONE, Value::from_bits(0))? {
        Exit::Yield(y) => Ok(Some(y)),
        Exit::Return(_) => Ok(None),
    }
}
