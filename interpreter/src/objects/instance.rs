//! Instances of classes made by `class` statements (whose solid base is
//! `object`), and the descriptor objects `property`, `staticmethod` and
//! `classmethod`.
//!
//! Instance layout:
//!   word 0  &INSTANCE_TYPE
//!   1       class
//!   2       dict: the instance attributes (a dict)
//!   3       native: for a subclass of a built-in type (list, dict, int, str,
//!           ...), the built-in object holding the value (NONE otherwise).
//!           Operations the class does not override act on it, and built-in
//!           methods of the base type are bound to it.
//!
//! Property layout: &PROPERTY_TYPE, fget, fset, fdel (Values, NONE if unset).
//! staticmethod / classmethod layout: the descriptor, then the wrapped callable.

use crate::obj::TypeDesc;
use crate::objects::class::{CLASSMETHOD_CLASS, OBJECT_CLASS, PROPERTY_CLASS, STATICMETHOD_CLASS, SUPER_CLASS};
use crate::objects::{dict, new_obj};
use crate::value::Value;
use crate::vm::{PResult, Rt};

crate::rt_type!(INSTANCE_TYPE, INSTANCE_INFO, "instance", b'O', &[1, 2, 3], None, Instance, OBJECT_CLASS);
crate::rt_type!(PROPERTY_TYPE, PROPERTY_INFO, "property", b'p', &[1, 2, 3], None, Property, PROPERTY_CLASS);
crate::rt_type!(
    STATICMETHOD_TYPE,
    STATICMETHOD_INFO,
    "staticmethod",
    b'm',
    &[1],
    None,
    StaticMethod,
    STATICMETHOD_CLASS
);
crate::rt_type!(CLASSMETHOD_TYPE, CLASSMETHOD_INFO, "classmethod", b'm', &[1], None, ClassMethod, CLASSMETHOD_CLASS);

crate::methods! { OBJECT_METHODS:
    OBJ_NEW = "__new__", crate::vm::classes::object_new, Static;
    OBJ_INIT = "__init__", crate::vm::classes::object_init, Method;
    OBJ_SETATTR = "__setattr__", crate::vm::classes::object_setattr, Method;
    OBJ_GETATTRIBUTE = "__getattribute__", crate::vm::attr::object_getattribute, Method;
    OBJ_DELATTR = "__delattr__", crate::vm::attr::object_delattr, Method;
    OBJ_HASH = "__hash__", crate::vm::classes::object_hash, Method;
}

crate::rt_type!(SUPER_TYPE, SUPER_INFO, "super", b's', &[1, 2], None, Super, SUPER_CLASS);

crate::methods! { PROPERTY_METHODS:
    P_SETTER = "setter", p_setter, Method;
    P_GETTER = "getter", p_getter, Method;
    P_DELETER = "deleter", p_deleter, Method;
}

fn p_setter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (g, _, d) = property_parts(a[0]);
    new_property(rt, g, a[1], d)
}
fn p_getter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (_, s, d) = property_parts(a[0]);
    new_property(rt, a[1], s, d)
}
fn p_deleter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let (g, s, _) = property_parts(a[0]);
    new_property(rt, g, s, a[1])
}

crate::methods! { GENERATOR_METHODS:
    GEN_SEND = "send", crate::vm::interp::gen_send_m, Method;
    GEN_THROW = "throw", crate::vm::interp::gen_throw_m, Method;
    GEN_CLOSE = "close", crate::vm::interp::gen_close_m, Method;
}

#[repr(C)]
struct SuperObj {
    ty: &'static TypeDesc,
    class: Value,
    this: Value,
}

/// `super(class, self)`: attribute lookup starts after `class` in type(self)'s MRO.
pub fn new_super(rt: &Rt, class: Value, this: Value) -> PResult<Value> {
    new_obj(rt, SuperObj { ty: &SUPER_TYPE, class, this })
}

/// (class, self) of a super object.
pub fn super_parts(v: Value) -> (Value, Value) {
    // SAFETY: a live super object.
    let s = unsafe { &*(v.bits() as *const SuperObj) };
    (s.class, s.this)
}

#[repr(C)]
struct InstanceObj {
    ty: &'static TypeDesc,
    class: Value,
    dict: Value,
    native: Value,
}

pub fn new(rt: &Rt, class: Value) -> PResult<Value> {
    new_native(rt, class, Value::NONE)
}

/// An instance of a subclass of a built-in type, wrapping `native`.
pub fn new_native(rt: &Rt, class: Value, native: Value) -> PResult<Value> {
    let d = dict::new(rt)?;
    new_obj(rt, InstanceObj { ty: &INSTANCE_TYPE, class, dict: d, native })
}

/// The built-in object inside an instance of a subclass of a built-in type.
pub fn native(v: Value) -> Option<Value> {
    if crate::objects::kind(v) != crate::objects::Kind::Instance {
        return None;
    }
    // SAFETY: a live instance (kind checked above).
    let n = unsafe { (*(v.bits() as *const InstanceObj)).native };
    if n == Value::NONE {
        None
    } else {
        Some(n)
    }
}

/// Replaces the wrapped built-in object (`list.__init__` and friends).
pub fn set_native(v: Value, n: Value) {
    // SAFETY: a live instance (the caller checked the kind); word 3 is a Value slot.
    unsafe { (*(v.bits() as *mut InstanceObj)).native = n };
}

/// The `self` a built-in method `m` found on `o`'s class gets: the wrapped
/// built-in object when `m` belongs to the built-in base type, else `o`.
pub fn self_for_builtin(o: Value, m: Value) -> Value {
    let Some(n) = native(o) else { return o };
    if crate::objects::kind(m) != crate::objects::Kind::Builtin {
        return o;
    }
    let mut c = Some(crate::objects::class::solid_base(parts(o).0));
    while let Some(x) = c {
        if core::ptr::eq(x, &OBJECT_CLASS) {
            break;
        }
        if x.methods.iter().any(|b| b.value() == m) {
            return n;
        }
        c = x.base;
    }
    o
}

/// (class, dict) of an instance.
pub fn parts(v: Value) -> (Value, Value) {
    // SAFETY: a live instance (kind checked by the caller).
    let o = unsafe { &*(v.bits() as *const InstanceObj) };
    (o.class, o.dict)
}

pub fn set_class(v: Value, c: Value) {
    // SAFETY: a live instance; word 1 is a Value slot.
    unsafe { (*(v.bits() as *mut InstanceObj)).class = c };
}

#[repr(C)]
struct PropertyObj {
    ty: &'static TypeDesc,
    fget: Value,
    fset: Value,
    fdel: Value,
}

pub fn new_property(rt: &Rt, fget: Value, fset: Value, fdel: Value) -> PResult<Value> {
    new_obj(rt, PropertyObj { ty: &PROPERTY_TYPE, fget, fset, fdel })
}

/// (fget, fset, fdel).
pub fn property_parts(v: Value) -> (Value, Value, Value) {
    // SAFETY: a live property object.
    let p = unsafe { &*(v.bits() as *const PropertyObj) };
    (p.fget, p.fset, p.fdel)
}

#[repr(C)]
struct WrapObj {
    ty: &'static TypeDesc,
    func: Value,
}

pub fn new_wrapper(rt: &Rt, class_method: bool, func: Value) -> PResult<Value> {
    let ty = if class_method { &CLASSMETHOD_TYPE } else { &STATICMETHOD_TYPE };
    new_obj(rt, WrapObj { ty, func })
}

pub fn wrapped(v: Value) -> Value {
    // SAFETY: a live staticmethod/classmethod object.
    unsafe { (*(v.bits() as *const WrapObj)).func }
}
