//! `collections.defaultdict`: a dict whose missing keys are filled by calling
//! a factory (`__missing__`, which `vm::subscr` calls for dict flavours).
//!
//! Layout:
//!   words 0-2  as `dict` (`objects/dict.rs`), with `&DEFAULTDICT_TYPE`
//!   3          default_factory: a callable or None
//!
//! Invariant: word 3 is always a Value (None until set), so the dict code,
//! which only touches words 0-2, and the verifier both see a valid object.

use crate::obj::TypeDesc;
use crate::objects::class::{ClassObj, DICT_CLASS, TYPE_TYPE};
use crate::objects::dict::{self, DictObj};
use crate::objects::ordereddict::{fill_from, fromkeys_into, wrap_repr};
use crate::objects::{kind, new_obj, Kind};
use crate::value::Value;
use crate::vm::{ops, repr, PResult, Rt};

crate::rt_type!(DEFAULTDICT_TYPE, DEFAULTDICT_INFO, "defaultdict", b'D', &[2, 3], None, Dict, DEFAULTDICT_CLASS);

crate::methods! { METHODS:
    NEW = "__new__", m_new, Static;
    REPR = "__repr__", m_repr, Method;
    MISSING = "__missing__", m_missing, Method;
    COPY = "copy", m_copy, Method;
    FROMKEYS = "fromkeys", m_fromkeys, ClassMethod;
}

pub static DEFAULTDICT_CLASS: ClassObj = ClassObj {
    ty: &TYPE_TYPE,
    name: Value::NONE,
    dict: Value::NONE,
    mro: Value::NONE,
    bases: Value::NONE,
    base: Some(&DICT_CLASS),
    sname: "collections.defaultdict",
    methods: METHODS,
    meta: Value::NONE,
};

#[repr(C)]
struct DdObj {
    d: DictObj,
    factory: Value,
}

pub fn is_defaultdict(v: Value) -> bool {
    kind(v) == Kind::Dict && crate::objects::desc(v).is_some_and(|d| core::ptr::eq(d, &DEFAULTDICT_TYPE))
}

/// The factory of a defaultdict (the caller checked `is_defaultdict`).
pub fn factory(v: Value) -> Value {
    // SAFETY: a live defaultdict block: word 3 is the factory Value.
    unsafe { (*(v.bits() as *const DdObj)).factory }
}

fn new(rt: &Rt, factory: Value) -> PResult<Value> {
    let ty: &'static TypeDesc = &DEFAULTDICT_TYPE;
    new_obj(rt, DdObj { d: DictObj { ty, used: 0, table: core::ptr::null_mut() }, factory })
}

fn m_new(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let f = a.get(1).copied().unwrap_or(Value::NONE);
    let callable = match kind(f) {
        Kind::None | Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Class => true,
        Kind::Instance => ops::has_special(rt, f, "__call__")?,
        _ => false,
    };
    if !callable {
        return Err(rt.type_error(format_args!("first argument must be callable or None")));
    }
    let d = new(rt, f)?;
    let rest = if a.len() > 2 { &a[2..] } else { &[] };
    fill_from(rt, d, false, rest, k)?;
    Ok(d)
}

fn m_missing(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("__missing__() takes exactly one argument ({} given)", a.len() - 1)));
    }
    let f = factory(a[0]);
    if f == Value::NONE {
        return Err(rt.key_error(a[1]));
    }
    let v = ops::call(rt, f, &[], &[])?;
    dict::set(rt, a[0], a[1], v)?;
    Ok(v)
}

fn m_repr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let plain = dict::new(rt)?;
    dict::copy_into(rt, plain, a[0])?;
    let body = repr::repr(rt, plain)?;
    let f = repr::repr(rt, factory(a[0]))?;
    let pre = wrap_repr(rt, "defaultdict(", f, ", ")?;
    let body = wrap_repr(rt, "", body, ")")?;
    crate::objects::str::concat(rt, pre, body)
}

fn m_copy(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = new(rt, factory(a[0]))?;
    dict::copy_into(rt, d, a[0])?;
    Ok(d)
}

fn m_fromkeys(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let d = new(rt, Value::NONE)?;
    fromkeys_into(rt, d, a)
}
