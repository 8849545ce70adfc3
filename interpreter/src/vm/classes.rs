//! Classes: `__build_class__` (running the body, the C3 linearisation),
//! instantiation of user classes (`__new__`, `__init__`), and the
//! constructors of the built-in classes (`int(...)`, `list(...)`, ...).

use crate::objects::builtin::{Bind, BuiltinObj};
use crate::objects::class::{self as cls};
use crate::objects::{
    bytes, dict, exception, float, function, instance, int, kind, list, range, set, slice, str as pstr, tuple, Kind,
    OrMem,
};
use crate::qstr::q;
use crate::value::Value;
use crate::vm::{interp, ops, PResult, Rt};
use upy_heap::GcVec;

pub static BUILD_CLASS: BuiltinObj = BuiltinObj::new("__build_class__", build_class, Bind::Static);

/// `object.__init__(self, ...)`; for a subclass of a mutable built-in type
/// (`list.__init__(self, iterable)` and friends) it (re)makes the wrapped value.
pub fn object_init(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if let Some(&o) = a.first() {
        if instance::native(o).is_some() {
            let solid = cls::solid_base(instance::parts(o).0);
            if native_base(solid) == Some(true) {
                let n = construct_builtin(rt, solid.value(), &a[1..], k)?;
                instance::set_native(o, n);
            }
        }
    }
    Ok(Value::NONE)
}

/// The built-in types a class may subclass (beyond object, type and the
/// exceptions): Some(true) for the mutable ones, whose value `__init__`
/// makes, Some(false) for the immutable ones, whose value `__new__` makes.
fn native_base(solid: &'static cls::ClassObj) -> Option<bool> {
    let is = |c: &'static cls::ClassObj| core::ptr::eq(solid, c);
    if is(&cls::LIST_CLASS) || is(&cls::DICT_CLASS) || is(&cls::SET_CLASS) || is(&cls::BYTEARRAY_CLASS) {
        Some(true)
    } else if is(&cls::INT_CLASS)
        || is(&cls::FLOAT_CLASS)
        || is(&cls::COMPLEX_CLASS)
        || is(&cls::STR_CLASS)
        || is(&cls::BYTES_CLASS)
        || is(&cls::TUPLE_CLASS)
        || is(&cls::FROZENSET_CLASS)
    {
        Some(false)
    } else {
        None
    }
}

/// A new instance of `c`, a subclass of the built-in `solid`, wrapping an
/// empty value (mutable types) or the value `solid(*a, **k)`.
fn native_new(rt: &mut Rt, c: Value, solid: &'static cls::ClassObj, a: &[Value], k: &[Value]) -> PResult<Value> {
    let n = if native_base(solid) == Some(true) {
        construct_builtin(rt, solid.value(), &[], &[])?
    } else {
        construct_builtin(rt, solid.value(), a, k)?
    };
    instance::new_native(rt, c, n)
}

/// `object.__new__(cls)`: a bare instance of `cls` (an exception for exception classes).
pub fn object_new(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    match a.first() {
        Some(&c) if cls::is_heap_class(c) => {
            let solid = cls::solid_base(c);
            if native_base(solid).is_some() {
                native_new(rt, c, solid, &a[1..], k)
            } else if cls::is_exception_class(c) {
                let t = tuple::new(rt, &a[1..])?;
                exception::new(rt, c, t)
            } else {
                instance::new(rt, c)
            }
        }
        Some(&c) if cls::is_class(c) => construct_builtin(rt, c, &[], &[]),
        _ => Err(rt.type_error(format_args!("object.__new__(X): X is not a type object"))),
    }
}

/// `object.__hash__(self)`: by identity.
pub fn object_hash(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    match a.first() {
        Some(&v) => int::from_i64(rt, (v.bits() >> 4) as i64),
        None => Err(rt.type_error(format_args!("descriptor '__hash__' of 'object' object needs an argument"))),
    }
}

/// `object.__setattr__(self, name, value)`: the generic store, bypassing a
/// class's own `__setattr__`.
pub fn object_setattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 3 {
        return Err(rt.type_error(format_args!("expected 3 arguments, got {}", a.len())));
    }
    let name = super::attr::attr_name(rt, a[1])?;
    super::attr::generic_setattr(rt, a[0], name, a[2])?;
    Ok(Value::NONE)
}

/// `BaseException.__init__(self, *args)`: sets `args`.
pub fn exc_init(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let t = tuple::new(rt, &a[1..])?;
    exception::set_args(a[0], t);
    Ok(Value::NONE)
}

fn mro_of(rt: &Rt, c: Value) -> PResult<GcVec<Value>> {
    let mut v = GcVec::new();
    for i in 0..cls::mro_len(c) {
        v.push(cls::mro_item(c, i)).or_mem(rt)?;
    }
    Ok(v)
}

/// C3 linearisation of `bases` (without the new class itself).
fn c3(rt: &mut Rt, bases: Value) -> PResult<GcVec<Value>> {
    let mut seqs: GcVec<GcVec<Value>> = GcVec::new();
    for &b in tuple::items(bases) {
        let m = mro_of(rt, b)?;
        seqs.push(m).or_mem(rt)?;
    }
    let mut bl = GcVec::new();
    bl.extend_from_slice(tuple::items(bases)).or_mem(rt)?;
    seqs.push(bl).or_mem(rt)?;
    let mut out: GcVec<Value> = GcVec::new();
    loop {
        if seqs.iter().all(|s| s.is_empty()) {
            return Ok(out);
        }
        let mut cand = None;
        for s in seqs.iter() {
            if let Some(&h) = s.first() {
                let in_tail = seqs.iter().any(|t| t.len() > 1 && t[1..].contains(&h));
                if !in_tail {
                    cand = Some(h);
                    break;
                }
            }
        }
        let c = match cand {
            Some(c) => c,
            None => {
                let mut names = GcVec::<u8>::new();
                for (i, &b) in tuple::items(bases).iter().enumerate() {
                    if i > 0 {
                        names.extend_from_slice(b", ").or_mem(rt)?;
                    }
                    names.extend_from_slice(cls::name(rt, b).as_bytes()).or_mem(rt)?;
                }
                let n = core::str::from_utf8(&names).unwrap_or("");
                return Err(rt.type_error(format_args!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {n}"
                )));
            }
        };
        out.push(c).or_mem(rt)?;
        for s in seqs.iter_mut() {
            if s.first() == Some(&c) {
                s.remove(0);
            }
        }
    }
}

crate::methods! { TYPE_METHODS:
    TYPE_NEW = "__new__", type_new, Static;
    TYPE_INIT = "__init__", type_init, Method;
    TYPE_CALL = "__call__", type_call, Method;
}

/// `__build_class__(body, name, *bases, metaclass=M, **kw)`: runs the class
/// body into a fresh namespace, then makes the class through its metaclass
/// (the `metaclass` keyword, else the most derived metaclass of the bases).
fn build_class(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() < 2 || kind(a[0]) != Kind::Function {
        return Err(rt.type_error(format_args!("__build_class__: func must be a function")));
    }
    let (body, name) = (a[0], a[1]);
    for &b in &a[2..] {
        if !cls::is_class(b) {
            return Err(rt.type_error(format_args!("bases must be types")));
        }
    }
    let mut meta = None;
    let mut kw: GcVec<Value> = GcVec::new();
    for pair in k.chunks(2) {
        if pair[0] == Value::qstr(q::metaclass) {
            meta = Some(pair[1]);
        } else {
            kw.extend_from_slice(pair).or_mem(rt)?;
        }
    }
    let bases = tuple::new(rt, &a[2..])?;
    let meta = match meta {
        Some(m) => m,
        None => winner_meta(rt, cls::TYPE_CLASS.value(), bases)?,
    };
    let ns = dict::new(rt)?;
    interp::call_function(rt, body, &[], &[], ns)?;
    if meta == cls::TYPE_CLASS.value() {
        make_class(rt, meta, name, bases, ns, &kw)
    } else {
        ops::call(rt, meta, &[name, bases, ns], &kw)
    }
}

/// The most derived of `meta` and the bases' metaclasses, as CPython picks it.
fn winner_meta(rt: &mut Rt, meta: Value, bases: Value) -> PResult<Value> {
    let mut w = meta;
    for &b in tuple::items(bases) {
        let m = cls::meta_of(b);
        if cls::is_class(w) && cls::is_subclass(w, m) {
            continue;
        }
        if cls::is_class(w) && cls::is_subclass(m, w) {
            w = m;
            continue;
        }
        return Err(rt.type_error(format_args!(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
        )));
    }
    Ok(w)
}

/// `type.__new__(meta, name, bases, ns, **kw)`: a new heap class whose class
/// is `meta`, with C3 MRO, `__classcell__` filled, `__set_name__` called on
/// the namespace's descriptors and the parent's `__init_subclass__` run.
fn make_class(rt: &mut Rt, meta: Value, name: Value, bases: Value, ns: Value, kw: &[Value]) -> PResult<Value> {
    let nq = match name.as_qstr() {
        Some(q) => q,
        None => {
            let mut tmp = GcVec::<u8>::new();
            tmp.extend_from_slice(pstr::bytes_of(rt, name).unwrap_or(b"")).or_mem(rt)?;
            rt.intern(&tmp)?
        }
    };
    for &b in tuple::items(bases) {
        if !cls::is_class(b) {
            return Err(rt.type_error(format_args!("bases must be types")));
        }
    }
    let bases = if tuple::len(bases) > 0 { bases } else { tuple::new(rt, &[cls::OBJECT_CLASS.value()])? };
    let lin = c3(rt, bases)?;
    // The solid base: the most derived built-in class in the MRO.
    let mut solid: &'static cls::ClassObj = &cls::OBJECT_CLASS;
    for &c in lin.iter() {
        if !cls::is_heap_class(c) {
            solid = cls::get(c);
            break;
        }
    }
    let ok = core::ptr::eq(solid, &cls::OBJECT_CLASS)
        || core::ptr::eq(solid, &cls::TYPE_CLASS)
        || cls::is_exception_class(solid.value())
        || native_base(solid).is_some();
    if !ok {
        let n = solid.sname;
        return Err(rt.type_error(format_args!("type '{n}' is not an acceptable base type")));
    }
    if dict::get_qstr(rt, ns, q::__slots__)?.is_some() {
        rt.slots_seen = true;
    }
    // A class defining __eq__ without __hash__ is unhashable: __hash__ = None.
    if dict::get_qstr(rt, ns, q::__eq__)?.is_some() && dict::get_qstr(rt, ns, q::__hash__)?.is_none() {
        dict::set(rt, ns, Value::qstr(q::__hash__), Value::NONE)?;
    }
    for hook in [q::__setattr__, q::__delattr__, q::__getattribute__] {
        if dict::get_qstr(rt, ns, hook)?.is_some() {
            rt.attr_hooks_seen = true;
        }
    }
    let c = cls::new_class(rt, nq, bases, ns, solid)?;
    let mro = tuple::new_uninit(rt, lin.len() + 1)?;
    tuple::set(mro, 0, c);
    for (i, &x) in lin.iter().enumerate() {
        tuple::set(mro, i + 1, x);
    }
    cls::set_mro(c, mro);
    if meta != cls::TYPE_CLASS.value() {
        cls::set_meta(c, meta);
    }
    if let Some(cell) = dict::remove(rt, ns, Value::qstr(q::__classcell__))? {
        if kind(cell) == Kind::Cell {
            crate::objects::cell::set(cell, c);
        }
    }
    // __set_name__ on every attribute whose class defines it (over a copy:
    // the hooks may change the namespace).
    let items = ops::to_list(rt, ns)?;
    let n = crate::objects::list::len(items);
    for i in 0..n {
        let key = crate::objects::list::items(items)[i];
        if let Some(v) = dict::get(rt, ns, key)? {
            if kind(v) == Kind::Instance {
                let vc = instance::parts(v).0;
                if let Some(f) = cls::lookup(rt, vc, q::__set_name__)? {
                    ops::call(rt, f, &[v, c, key], &[])?;
                }
            }
        }
    }
    // The parent's __init_subclass__ (implicitly a class method).
    for i in 1..cls::mro_len(c) {
        let p = cls::mro_item(c, i);
        if !cls::is_heap_class(p) {
            continue;
        }
        if let Some(f) = dict::get_qstr(rt, cls::get(p).dict, q::__init_subclass__)? {
            let f = if matches!(kind(f), Kind::ClassMethod | Kind::StaticMethod) { instance::wrapped(f) } else { f };
            ops::call(rt, f, &[c], kw)?;
            return Ok(c);
        }
    }
    if !kw.is_empty() {
        let n = rt.st.qstr.str(nq);
        return Err(rt.type_error(format_args!("{n}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(c)
}

/// `type(x)` and `type(name, bases, dict)`, and `M.__new__(M, name, bases, dict)`
/// for a metaclass M.
fn type_new(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.is_empty() || !cls::is_class(a[0]) || !cls::is_subclass(a[0], cls::TYPE_CLASS.value()) {
        return Err(rt.type_error(format_args!("type.__new__(X): X is not a type object")));
    }
    let meta = a[0];
    if a.len() == 2 && meta == cls::TYPE_CLASS.value() {
        return Ok(ops::type_of(rt, a[1]));
    }
    if a.len() != 4 {
        return Err(rt.type_error(format_args!("type() takes 1 or 3 arguments")));
    }
    if !pstr::is_str(a[1]) {
        let tn = ops::type_name(rt, a[1]);
        return Err(rt.type_error(format_args!("type.__new__() argument 1 must be str, not {tn}")));
    }
    if kind(a[2]) != Kind::Tuple {
        let tn = ops::type_name(rt, a[2]);
        return Err(rt.type_error(format_args!("type.__new__() argument 2 must be tuple, not {tn}")));
    }
    if kind(a[3]) != Kind::Dict {
        let tn = ops::type_name(rt, a[3]);
        return Err(rt.type_error(format_args!("type.__new__() argument 3 must be dict, not {tn}")));
    }
    // The namespace is copied, as CPython does.
    let ns = dict::new(rt)?;
    let items = ops::to_list(rt, a[3])?;
    for i in 0..crate::objects::list::len(items) {
        let key = crate::objects::list::items(items)[i];
        if let Some(v) = dict::get(rt, a[3], key)? {
            dict::set(rt, ns, key, v)?;
        }
    }
    if dict::get_qstr(rt, ns, q::__module__)?.is_none() {
        dict::set(rt, ns, Value::qstr(q::__module__), Value::qstr(q::__main__))?;
    }
    let meta = winner_meta(rt, meta, a[2])?;
    make_class(rt, meta, a[1], a[2], ns, k)
}

fn type_init(_rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::NONE)
}

/// `type.__call__(cls, *args, **kw)`: instantiation without the metaclass hook.
fn type_call(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.is_empty() || !cls::is_class(a[0]) {
        return Err(rt.type_error(format_args!("descriptor '__call__' requires a 'type' object")));
    }
    instantiate_plain(rt, a[0], &a[1..], k)
}

/// Calls a class: a user class's `__new__`/`__init__`, or a built-in constructor.
pub fn instantiate(rt: &mut Rt, c: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    if !cls::is_heap_class(c) {
        return construct_builtin(rt, c, a, k);
    }
    let m = cls::get(c).meta;
    if m.is_ptr() {
        if let Some(f) = cls::lookup(rt, m, q::__call__)?.filter(|&f| kind(f) == Kind::Function) {
            let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
            v.push(c).or_mem(rt)?;
            v.extend_from_slice(a).or_mem(rt)?;
            return ops::call(rt, f, &v, k);
        }
    }
    instantiate_plain(rt, c, a, k)
}

/// `type.__call__`: `__new__` then `__init__`.
fn instantiate_plain(rt: &mut Rt, c: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    if !cls::is_heap_class(c) {
        return construct_builtin(rt, c, a, k);
    }
    let solid = cls::solid_base(c);
    let new_f = cls::lookup(rt, c, q::__new__)?.filter(|&f| matches!(kind(f), Kind::Function | Kind::StaticMethod));
    let obj = match new_f {
        Some(f) if matches!(kind(f), Kind::Function | Kind::StaticMethod) => {
            let f = if kind(f) == Kind::StaticMethod { instance::wrapped(f) } else { f };
            let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
            v.push(c).or_mem(rt)?;
            v.extend_from_slice(a).or_mem(rt)?;
            let o = ops::call(rt, f, &v, k)?;
            if !cls::is_subclass(ops::type_of(rt, o), c) {
                return Ok(o);
            }
            o
        }
        _ => {
            if core::ptr::eq(solid, &cls::TYPE_CLASS) {
                let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
                v.push(c).or_mem(rt)?;
                v.extend_from_slice(a).or_mem(rt)?;
                type_new(rt, &v, k)?
            } else if cls::is_exception_class(solid.value()) {
                let t = tuple::new(rt, a)?;
                exception::new(rt, c, t)?
            } else if native_base(solid).is_some() {
                native_new(rt, c, solid, a, k)?
            } else {
                instance::new(rt, c)?
            }
        }
    };
    match cls::lookup(rt, c, q::__init__)? {
        Some(f) if kind(f) == Kind::Function => {
            let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
            v.push(obj).or_mem(rt)?;
            v.extend_from_slice(a).or_mem(rt)?;
            let r = ops::call(rt, f, &v, k)?;
            if r != Value::NONE {
                let tn = ops::type_name(rt, r);
                return Err(rt.type_error(format_args!("__init__() should return None, not '{tn}'")));
            }
        }
        Some(f) if kind(f) == Kind::Builtin && exception::is_exc(obj) => {
            let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
            v.push(obj).or_mem(rt)?;
            v.extend_from_slice(a).or_mem(rt)?;
            ops::call(rt, f, &v, &[])?;
        }
        _ if instance::native(obj).is_some() => {
            if native_base(solid) == Some(true) {
                let n = construct_builtin(rt, solid.value(), a, k)?;
                instance::set_native(obj, n);
            }
        }
        _ => {
            let is_type = core::ptr::eq(solid, &cls::TYPE_CLASS);
            if (!a.is_empty() || !k.is_empty()) && new_f.is_none() && !exception::is_exc(obj) && !is_type {
                let n = cls::name(rt, c);
                return Err(rt.type_error(format_args!("{n}() takes no arguments")));
            }
        }
    }
    Ok(obj)
}

fn no_kw(rt: &Rt, name: &str, k: &[Value]) -> PResult<()> {
    if !k.is_empty() {
        return Err(rt.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn at_most(rt: &Rt, name: &str, a: &[Value], n: usize) -> PResult<()> {
    if a.len() > n {
        return Err(rt.type_error(format_args!(
            "{name} expected at most {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            a.len()
        )));
    }
    Ok(())
}

/// `int(x)`.
pub fn to_int(rt: &mut Rt, x: Value, base: Option<u32>) -> PResult<Value> {
    if let Some(b) = base {
        if !pstr::is_str(x) && kind(x) != Kind::Bytes {
            return Err(rt.type_error(format_args!("int() can't convert non-string with explicit base")));
        }
        if b == 1 || b > 36 {
            return Err(rt.value_error(format_args!("int() base must be >= 2 and <= 36, or 0")));
        }
    }
    match kind(x) {
        Kind::SmallInt | Kind::BigInt => Ok(x),
        Kind::Bool => Ok(Value::small_int((x == Value::TRUE) as isize).unwrap()),
        Kind::Float => {
            let f = float::get(x);
            if f.is_nan() {
                return Err(rt.value_error(format_args!("cannot convert float NaN to integer")));
            }
            if f.is_infinite() {
                return Err(rt.overflow_error(format_args!("cannot convert float infinity to integer")));
            }
            int::from_f64(rt, f)
        }
        Kind::Str | Kind::Bytes => {
            let mut tmp = GcVec::<u8>::new();
            let src = if kind(x) == Kind::Bytes {
                bytes::data(x).unwrap_or(&[])
            } else {
                pstr::bytes_of(rt, x).unwrap_or(b"")
            };
            tmp.extend_from_slice(src).or_mem(rt)?;
            let b = base.unwrap_or(10);
            match int::parse(rt, &tmp, b)? {
                Some(v) => Ok(v),
                None => {
                    let r = ops::repr(rt, x)?;
                    let t = pstr::text(rt, r);
                    Err(rt.value_error(format_args!("invalid literal for int() with base {b}: {t}")))
                }
            }
        }
        Kind::Instance => {
            for name in ["__int__", "__index__"] {
                if let Some(r) = ops::call_special(rt, x, name, &[])? {
                    if !int::is_int(r) {
                        let tn = ops::type_name(rt, r);
                        return Err(rt.type_error(format_args!("{name} returned non-int (type {tn})")));
                    }
                    return Ok(r);
                }
            }
            if let Some(n) = instance::native(x) {
                return to_int(rt, n, base);
            }
            let tn = ops::type_name(rt, x);
            Err(rt.type_error(format_args!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
        _ => {
            let tn = ops::type_name(rt, x);
            Err(rt.type_error(format_args!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

pub fn to_float(rt: &mut Rt, x: Value) -> PResult<Value> {
    match kind(x) {
        Kind::Float => Ok(x),
        Kind::SmallInt | Kind::BigInt | Kind::Bool => {
            let i = if x == Value::TRUE {
                Value::small_int(1).unwrap()
            } else if x == Value::FALSE {
                Value::small_int(0).unwrap()
            } else {
                x
            };
            match int::to_f64(i) {
                Some(f) => float::new(rt, f),
                None => Err(rt.overflow_error(format_args!("int too large to convert to float"))),
            }
        }
        Kind::Str => {
            let s = pstr::bytes_of(rt, x).unwrap_or(b"");
            match float::parse(s) {
                Some(f) => float::new(rt, f),
                None => {
                    let r = ops::repr(rt, x)?;
                    let t = pstr::text(rt, r);
                    Err(rt.value_error(format_args!("could not convert string to float: {t}")))
                }
            }
        }
        Kind::Instance => {
            if let Some(r) = ops::call_special(rt, x, "__float__", &[])? {
                return Ok(r);
            }
            if let Some(n) = instance::native(x) {
                return to_float(rt, n);
            }
            let tn = ops::type_name(rt, x);
            Err(rt.type_error(format_args!("float() argument must be a string or a real number, not '{tn}'")))
        }
        _ => {
            let tn = ops::type_name(rt, x);
            Err(rt.type_error(format_args!("float() argument must be a string or a real number, not '{tn}'")))
        }
    }
}

fn construct_builtin(rt: &mut Rt, c: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let co = cls::get(c);
    let name = co.sname;
    let is = |x: &'static cls::ClassObj| core::ptr::eq(co, x);
    if cls::is_exception_class(c) {
        no_kw(rt, name, k)?;
        let t = tuple::new(rt, a)?;
        return exception::new(rt, c, t);
    }
    if is(&crate::objects::array::ARRAY_CLASS) {
        return crate::objects::array::construct(rt, a, k);
    }
    if is(&cls::INT_CLASS) {
        let mut args = [Value::NONE; 3];
        let full = [Value::NONE];
        let _ = full;
        if a.len() > 2 {
            return Err(rt.type_error(format_args!("int() takes at most 2 arguments ({} given)", a.len())));
        }
        args[..a.len()].copy_from_slice(a);
        for pair in k.chunks(2) {
            if pstr::text(rt, pair[0]) == "base" {
                args[1] = pair[1];
            } else {
                let n = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("'{n}' is an invalid keyword argument for int()")));
            }
        }
        if a.is_empty() {
            return Ok(Value::small_int(0).unwrap());
        }
        let base = if args[1] == Value::NONE { None } else { Some(ops::to_index(rt, args[1])? as u32) };
        return to_int(rt, args[0], base);
    }
    if is(&cls::FLOAT_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 1)?;
        return if a.is_empty() { float::new(rt, 0.0) } else { to_float(rt, a[0]) };
    }
    if is(&cls::COMPLEX_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 2)?;
        let get = |rt: &Rt, v: Value| -> PResult<(f64, f64)> {
            crate::objects::complex::parts(v).ok_or_else(|| {
                let tn = ops::type_name(rt, v);
                rt.type_error(format_args!("complex() first argument must be a string or a number, not '{tn}'"))
            })
        };
        let (mut re, i1) = if a.is_empty() { (0.0, 0.0) } else { get(rt, a[0])? };
        let (mut im, i2) = if a.len() > 1 { get(rt, a[1])? } else { (0.0, 0.0) };
        // As CPython: only complex arguments contribute their imaginary parts.
        if a.len() > 1 && crate::objects::complex::is_complex(a[1]) {
            re -= i2;
        }
        if !a.is_empty() && crate::objects::complex::is_complex(a[0]) {
            im += i1;
        }
        return crate::objects::complex::new(rt, re, im);
    }
    if is(&cls::STR_CLASS) {
        if a.is_empty() {
            return Ok(Value::qstr(q::EMPTY));
        }
        if kind(a[0]) == Kind::Bytes && a.len() > 1 {
            let d = bytes::data(a[0]).unwrap_or(&[]);
            return pstr::new(rt, d);
        }
        return ops::str(rt, a[0]);
    }
    if is(&cls::BOOL_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 1)?;
        return Ok(if !a.is_empty() && ops::truthy(rt, a[0])? { Value::TRUE } else { Value::FALSE });
    }
    if is(&cls::LIST_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 1)?;
        return if a.is_empty() { list::new(rt, 0) } else { ops::to_list(rt, a[0]) };
    }
    if is(&cls::TUPLE_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 1)?;
        if a.is_empty() {
            return Ok(tuple::empty());
        }
        if tuple::is_tuple(a[0]) {
            return Ok(a[0]);
        }
        let l = ops::to_list(rt, a[0])?;
        return tuple::new(rt, list::items(l));
    }
    if is(&cls::DICT_CLASS) {
        at_most(rt, name, a, 1)?;
        let d = dict::new(rt)?;
        if !a.is_empty() {
            dict::update(rt, d, a[0])?;
        }
        for pair in k.chunks(2) {
            dict::set(rt, d, pair[0], pair[1])?;
        }
        return Ok(d);
    }
    if is(&cls::SET_CLASS) || is(&cls::FROZENSET_CLASS) {
        no_kw(rt, name, k)?;
        at_most(rt, name, a, 1)?;
        let s = set::new(rt, is(&cls::FROZENSET_CLASS))?;
        if !a.is_empty() {
            set::update(rt, s, a[0])?;
        }
        return Ok(s);
    }
    if is(&cls::RANGE_CLASS) {
        no_kw(rt, name, k)?;
        let mut v = [0i64; 3];
        for (i, &x) in a.iter().enumerate().take(3) {
            v[i] = match int::to_i64(x).filter(|_| int::is_int(x)) {
                Some(n) => n,
                None if int::is_int(x) => {
                    return Err(rt.overflow_error(format_args!("Python int too large to convert to C ssize_t")))
                }
                None => ops::to_index(rt, x)? as i64,
            };
        }
        return match a.len() {
            1 => range::new(rt, 0, v[0], 1),
            2 => range::new(rt, v[0], v[1], 1),
            3 => {
                if v[2] == 0 {
                    return Err(rt.value_error(format_args!("range() arg 3 must not be zero")));
                }
                range::new(rt, v[0], v[1], v[2])
            }
            0 => Err(rt.type_error(format_args!("range expected at least 1 argument, got 0"))),
            n => Err(rt.type_error(format_args!("range expected at most 3 arguments, got {n}"))),
        };
    }
    if is(&cls::SLICE_CLASS) {
        return match a.len() {
            1 => slice::new(rt, Value::NONE, a[0], Value::NONE),
            2 => slice::new(rt, a[0], a[1], Value::NONE),
            3 => slice::new(rt, a[0], a[1], a[2]),
            n => Err(rt.type_error(format_args!("slice expected at most 3 arguments, got {n}"))),
        };
    }
    if is(&cls::BYTES_CLASS) || is(&cls::BYTEARRAY_CLASS) {
        let mk = |rt: &Rt, d: &[u8]| {
            if is(&cls::BYTEARRAY_CLASS) {
                crate::objects::bytearray::new(rt, d)
            } else {
                bytes::new(rt, d)
            }
        };
        if a.is_empty() {
            return mk(rt, &[]);
        }
        let x = a[0];
        // The buffer protocol: bytes, bytearray and array give their raw bytes.
        if let Some(tmp) = crate::objects::array::buffer_of(rt, x)? {
            return mk(rt, &tmp);
        }
        if pstr::is_str(x) {
            let mut tmp = GcVec::<u8>::new();
            tmp.extend_from_slice(pstr::bytes_of(rt, x).unwrap_or(b"")).or_mem(rt)?;
            return mk(rt, &tmp);
        }
        if let Some(n) = x.as_small_int() {
            if n < 0 {
                return Err(rt.value_error(format_args!("negative count")));
            }
            let mut tmp = GcVec::<u8>::new();
            for _ in 0..n {
                tmp.push(0).or_mem(rt)?;
            }
            return mk(rt, &tmp);
        }
        let l = ops::to_list(rt, x)?;
        let mut tmp = GcVec::<u8>::new();
        for i in 0..list::len(l) {
            let v = list::items(l)[i];
            match v.as_small_int() {
                Some(b) if (0..256).contains(&b) => tmp.push(b as u8).or_mem(rt)?,
                Some(_) => return Err(rt.value_error(format_args!("bytes must be in range(0, 256)"))),
                None => {
                    let tn = ops::type_name(rt, v);
                    return Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")));
                }
            }
        }
        return mk(rt, &tmp);
    }
    if is(&cls::TYPE_CLASS) {
        if a.len() == 1 {
            return Ok(ops::type_of(rt, a[0]));
        }
        if a.len() == 3 {
            return type_new(rt, &[c, a[0], a[1], a[2]], k);
        }
        return Err(rt.type_error(format_args!("type() takes 1 or 3 arguments")));
    }
    if is(&cls::OBJECT_CLASS) {
        if !a.is_empty() {
            return Err(rt.type_error(format_args!("object() takes no arguments")));
        }
        return instance::new(rt, c);
    }
    if is(&cls::PROPERTY_CLASS) {
        let g = |i: usize| a.get(i).copied().unwrap_or(Value::NONE);
        return instance::new_property(rt, g(0), g(1), g(2));
    }
    if is(&cls::STATICMETHOD_CLASS) || is(&cls::CLASSMETHOD_CLASS) {
        if a.len() != 1 {
            return Err(rt.type_error(format_args!("{name} expected 1 argument, got {}", a.len())));
        }
        return instance::new_wrapper(rt, is(&cls::CLASSMETHOD_CLASS), a[0]);
    }
    if is(&cls::SUPER_CLASS) {
        let (c2, this) = if a.is_empty() {
            ops::super_context(rt)?
        } else if a.len() == 2 {
            (a[0], a[1])
        } else {
            return Err(rt.type_error(format_args!("super() takes 0 or 2 arguments")));
        };
        return instance::new_super(rt, c2, this);
    }
    let _ = function::is_function;
    // A static class from a module (collections) builds its own instances.
    if let Some(m) = co.methods.iter().find(|m| m.name == "__new__") {
        let mut v: GcVec<Value> = GcVec::with_capacity(a.len() + 1).or_mem(rt)?;
        v.push(c).or_mem(rt)?;
        v.extend_from_slice(a).or_mem(rt)?;
        return (m.f)(rt, &v, k);
    }
    Err(rt.type_error(format_args!("cannot create '{name}' instances")))
}
