//! Named tuples of C-struct results, like CPython's structseq types
//! (`time.struct_time`, `os.stat_result`): a heap class per type whose
//! instances hold their values as a tuple `_t` plus one attribute per field,
//! and behave as that tuple for indexing, `len`, iteration and `==`.
//!
//! Invariants: the class dict holds `_fields` (a tuple of field-name strs)
//! and `__module__`; every instance's `_t` is a tuple at least as long as
//! `_fields`. Not a module of its own: `time` and `os` use it.

use crate::objects::class as cls;
use crate::objects::{dict, str as pstr, tuple, OrMem};
use crate::objects::{kind, module, Kind};
use crate::value::Value;
use crate::vm::{attr, classes, ops, subscr, PResult, Rt, SLOT_MODULES};
use upy_heap::GcVec;

crate::methods! { METHODS:
    GETITEM = "__getitem__", getitem, Method;
    LEN = "__len__", len, Method;
    ITER = "__iter__", iter, Method;
    REPR = "__repr__", repr, Method;
    EQ = "__eq__", eq, Method;
    NE = "__ne__", ne, Method;
}

/// A new structseq class `module.name` with the given fields.
pub fn make_class(rt: &mut Rt, module: &str, name: &str, fields: &[&str]) -> PResult<Value> {
    let q = rt.intern(name.as_bytes())?;
    let bases = tuple::new(rt, &[cls::OBJECT_CLASS.value()])?;
    let ns = dict::new(rt)?;
    let m = pstr::from_str(rt, module)?;
    super::set(rt, ns, "__module__", m)?;
    let names = tuple::new_uninit(rt, fields.len())?;
    for (i, f) in fields.iter().enumerate() {
        let s = pstr::from_str(rt, f)?;
        tuple::set(names, i, s);
    }
    super::set(rt, ns, "_fields", names)?;
    for f in METHODS {
        super::set(rt, ns, f.name, f.value())?;
    }
    let c = cls::new_class(rt, q, bases, ns, &cls::OBJECT_CLASS)?;
    let mro = tuple::new(rt, &[c, cls::OBJECT_CLASS.value()])?;
    cls::set_mro(c, mro);
    Ok(c)
}

/// The attribute `name` of the imported module `module` (a structseq class
/// kept there at import).
pub fn class_in(rt: &mut Rt, module: &str, name: &str) -> PResult<Value> {
    let q = rt.intern(module.as_bytes())?;
    let mods = rt.st.runtime[SLOT_MODULES];
    if let Some(m) = dict::get(rt, mods, Value::qstr(q))? {
        if kind(m) == Kind::Module {
            let nq = rt.intern(name.as_bytes())?;
            if let Some(c) = dict::get_qstr(rt, module::parts(m).1, nq)? {
                return Ok(c);
            }
        }
    }
    Err(rt.runtime_error(format_args!("{module}.{name} lost from sys.modules")))
}

fn fields(rt: &mut Rt, c: Value) -> PResult<Value> {
    let q = rt.intern(b"_fields")?;
    match cls::lookup(rt, c, q)? {
        Some(f) if tuple::is_tuple(f) => Ok(f),
        _ => Err(rt.type_error(format_args!("not a structseq type"))),
    }
}

/// An instance of structseq class `c` holding `values` (the tuple part), and
/// `extra` (name, value) attributes beyond it.
pub fn new(rt: &mut Rt, c: Value, values: &[Value], extra: &[(&str, Value)]) -> PResult<Value> {
    let names = fields(rt, c)?;
    let o = classes::instantiate(rt, c, &[], &[])?;
    let t = tuple::new(rt, values)?;
    let q = rt.intern(b"_t")?;
    attr::setattr(rt, o, q, t)?;
    for (i, &n) in tuple::items(names).iter().enumerate() {
        if let Some(&v) = values.get(i) {
            let nq = match n.as_qstr() {
                Some(q) => q,
                None => {
                    let mut b = GcVec::new();
                    b.extend_from_slice(pstr::bytes_of(rt, n).unwrap_or(b"")).or_mem(rt)?;
                    rt.intern(&b)?
                }
            };
            attr::setattr(rt, o, nq, v)?;
        }
    }
    for &(k, v) in extra {
        let q = rt.intern(k.as_bytes())?;
        attr::setattr(rt, o, q, v)?;
    }
    Ok(o)
}

/// The tuple part of a structseq instance, or None for anything else.
pub fn values(rt: &mut Rt, o: Value) -> PResult<Option<Value>> {
    if tuple::is_tuple(o) {
        return Ok(Some(o));
    }
    let q = rt.intern(b"_t")?;
    match attr::try_getattr(rt, o, q)? {
        Some(t) if tuple::is_tuple(t) => Ok(Some(t)),
        _ => Ok(None),
    }
}

fn this(rt: &mut Rt, a: &[Value], n: usize) -> PResult<Value> {
    if a.len() != n {
        return Err(rt.type_error(format_args!("expected {} arguments, got {}", n - 1, a.len().saturating_sub(1))));
    }
    match values(rt, a[0])? {
        Some(t) => Ok(t),
        None => Err(rt.type_error(format_args!("not a structseq object"))),
    }
}

fn getitem(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = this(rt, a, 2)?;
    subscr::getitem(rt, t, a[1])
}
fn len(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = this(rt, a, 1)?;
    Ok(Value::small_int(tuple::len(t) as isize).unwrap_or(Value::NONE))
}
fn iter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = this(rt, a, 1)?;
    ops::get_iter(rt, t)
}
fn eq(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = this(rt, a, 2)?;
    match values(rt, a[1])? {
        Some(u) => Ok(if ops::eq(rt, t, u)? { Value::TRUE } else { Value::FALSE }),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}
fn ne(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let r = eq(rt, a, k)?;
    Ok(if r == Value::TRUE {
        Value::FALSE
    } else if r == Value::FALSE {
        Value::TRUE
    } else {
        r
    })
}

/// `module.name(field=value, ...)`.
fn repr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = this(rt, a, 1)?;
    let c = ops::type_of(rt, a[0]);
    let names = fields(rt, c)?;
    let mq = rt.intern(b"__module__")?;
    let module = cls::lookup(rt, c, mq)?.unwrap_or(Value::NONE);
    let mut out: GcVec<u8> = GcVec::new();
    if pstr::is_str(module) {
        out.extend_from_slice(pstr::bytes_of(rt, module).unwrap_or(b"")).or_mem(rt)?;
        out.push(b'.').or_mem(rt)?;
    }
    out.extend_from_slice(cls::name(rt, c).as_bytes()).or_mem(rt)?;
    out.push(b'(').or_mem(rt)?;
    let n = tuple::len(names).min(tuple::len(t));
    for i in 0..n {
        if i > 0 {
            out.extend_from_slice(b", ").or_mem(rt)?;
        }
        out.extend_from_slice(pstr::bytes_of(rt, tuple::items(names)[i]).unwrap_or(b"")).or_mem(rt)?;
        out.push(b'=').or_mem(rt)?;
        let r = ops::repr(rt, tuple::items(t)[i])?;
        out.extend_from_slice(pstr::bytes_of(rt, r).unwrap_or(b"")).or_mem(rt)?;
    }
    out.push(b')').or_mem(rt)?;
    pstr::new(rt, &out)
}
