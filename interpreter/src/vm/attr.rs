//! Attribute access: `getattr`, `setattr`, `delattr` and the `LOAD_METHOD`
//! shortcut, over instances (dict, then class, with data descriptors and
//! `__getattr__`/`__setattr__`), classes, `super` objects, exceptions,
//! functions and the built-in types' methods.

use crate::objects::builtin::{self, Bind};
use crate::objects::cell::UNBOUND;
use crate::objects::class;
use crate::objects::{boundmeth, dict, exception, function, instance, kind, range, slice, str as pstr, tuple, Kind};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::ops::{call, type_name, type_of};
use crate::vm::{PResult, Rt};

/// A special method on a class (instance dicts are not consulted).
pub fn lookup_special(rt: &mut Rt, cls: Value, name: Qstr) -> PResult<Option<Value>> {
    class::lookup(rt, cls, name)
}

fn attr_error(rt: &Rt, o: Value, name: Qstr) -> Value {
    let n = rt.st.qstr.str(name);
    if kind(o) == Kind::Module {
        let mn = pstr::text(rt, crate::objects::module::parts(o).0);
        return rt.attribute_error(format_args!("module '{mn}' has no attribute '{n}'"));
    }
    if kind(o) == Kind::Class {
        let cn = class::name(rt, o);
        rt.attribute_error(format_args!("type object '{cn}' has no attribute '{n}'"))
    } else {
        let tn = type_name(rt, o);
        rt.attribute_error(format_args!("'{tn}' object has no attribute '{n}'"))
    }
}

/// Binds a class attribute found for `o` (an instance or other object).
fn bind(rt: &mut Rt, attr: Value, o: Value, cls: Value) -> PResult<Value> {
    match kind(attr) {
        Kind::Function => boundmeth::new(rt, o, attr),
        Kind::Builtin => match builtin::get(attr).bind {
            Bind::Method => boundmeth::new(rt, instance::self_for_builtin(o, attr), attr),
            Bind::ClassMethod => boundmeth::new(rt, cls, attr),
            Bind::Static => Ok(attr),
        },
        Kind::ClassMethod => boundmeth::new(rt, cls, instance::wrapped(attr)),
        Kind::StaticMethod => Ok(instance::wrapped(attr)),
        Kind::Property => {
            let (g, _, _) = instance::property_parts(attr);
            if g == Value::NONE {
                return Err(rt.attribute_error(format_args!("unreadable attribute")));
            }
            call(rt, g, &[o], &[])
        }
        Kind::Instance => match desc_method(rt, attr, q::__get__)? {
            Some(g) => call(rt, g, &[attr, o, cls], &[]),
            None => Ok(attr),
        },
        _ => Ok(attr),
    }
}

/// `attr`'s class's `name` (`__get__`, `__set__`, `__delete__`) when `attr`
/// is an instance of a user class defining it: a user descriptor.
fn desc_method(rt: &mut Rt, attr: Value, name: Qstr) -> PResult<Option<Value>> {
    if kind(attr) != Kind::Instance {
        return Ok(None);
    }
    let c = instance::parts(attr).0;
    class::lookup(rt, c, name)
}

/// A data descriptor: a user descriptor with `__set__` or `__delete__`.
fn is_data_desc(rt: &mut Rt, attr: Value) -> PResult<bool> {
    Ok(desc_method(rt, attr, q::__set__)?.is_some() || desc_method(rt, attr, q::__delete__)?.is_some())
}

/// Binds a class attribute looked up on the class itself.
fn bind_class(rt: &mut Rt, attr: Value, cls: Value) -> PResult<Value> {
    match kind(attr) {
        Kind::ClassMethod => boundmeth::new(rt, cls, instance::wrapped(attr)),
        Kind::StaticMethod => Ok(instance::wrapped(attr)),
        Kind::Builtin if builtin::get(attr).bind == Bind::ClassMethod => boundmeth::new(rt, cls, attr),
        Kind::Instance => match desc_method(rt, attr, q::__get__)? {
            Some(g) => call(rt, g, &[attr, Value::NONE, cls], &[]),
            None => Ok(attr),
        },
        _ => Ok(attr),
    }
}

fn qv(rt: &Rt, name: &str) -> PResult<Value> {
    pstr::from_str(rt, name)
}

fn instance_dict(o: Value) -> Value {
    match kind(o) {
        Kind::Module => crate::objects::module::parts(o).1,
        Kind::Instance => instance::parts(o).1,
        Kind::Exception => exception::dict(o),
        Kind::Function => function::get(o).dict,
        _ => Value::NONE,
    }
}

fn special_attr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<Option<Value>> {
    if name == q::__class__ {
        return Ok(Some(type_of(rt, o)));
    }
    if kind(o) == Kind::Array {
        let which = match rt.st.qstr.get(name) {
            b"typecode" => Some(true),
            b"itemsize" => Some(false),
            _ => None,
        };
        if let Some(t) = which {
            return crate::objects::array::attr(rt, o, t).map(Some);
        }
    }
    let n = rt.st.qstr.get(name);
    let si = |i: isize| Value::small_int(i).unwrap_or(Value::NONE);
    let r = match (kind(o), n) {
        (Kind::Exception, b"args") => exception::args(o),
        (Kind::Exception, b"__traceback__") => exception::traceback(o),
        (Kind::Exception, b"__cause__") => exception::cause(o),
        (Kind::Exception, b"__context__") => exception::context(o),
        (Kind::Exception, b"__suppress_context__") => {
            if exception::suppress(o) {
                Value::TRUE
            } else {
                Value::FALSE
            }
        }
        (Kind::Exception, b"value") if exception::matches(o, &class::STOP_ITERATION_CLASS) => exception::arg0(o),
        (Kind::Exception, b"code") if exception::matches(o, &class::SYSTEM_EXIT_CLASS) => {
            // None with no args, the one arg, else the args tuple (as CPython).
            let a = exception::args(o);
            if tuple::len(a) > 1 {
                a
            } else {
                exception::arg0(o)
            }
        }
        (Kind::Function, b"__name__") => Value::qstr(Qstr(function::code(o).header().name)),
        (Kind::Function, b"__qualname__") => Value::qstr(Qstr(function::code(o).header().qualname)),
        (Kind::Function, b"__defaults__") => function::get(o).defaults,
        (Kind::Function, b"__doc__") => Value::NONE,
        (Kind::Function, b"__code__") => function::get(o).code,
        (Kind::Function, b"__globals__") => function::get(o).globals,
        (Kind::Function, b"__closure__") => function::get(o).closure,
        (Kind::Function, b"__module__") => Value::qstr(q::__main__),
        (Kind::BoundMethod, b"__self__") => boundmeth::parts(o).0,
        (Kind::BoundMethod, b"__func__") => boundmeth::parts(o).1,
        (Kind::BoundMethod, b"__name__") => return special_attr(rt, boundmeth::parts(o).1, name),
        (Kind::Builtin, b"__name__") => qv(rt, builtin::get(o).name)?,
        (Kind::SmallInt | Kind::BigInt | Kind::Bool, b"real" | b"numerator") => {
            if kind(o) == Kind::Bool {
                si((o == Value::TRUE) as isize)
            } else {
                o
            }
        }
        (Kind::SmallInt | Kind::BigInt | Kind::Bool, b"imag") => si(0),
        (Kind::SmallInt | Kind::BigInt | Kind::Bool, b"denominator") => si(1),
        (Kind::Complex | Kind::ConstComplex, b"real") => {
            crate::objects::float::new(rt, crate::objects::complex::parts(o).unwrap_or((0.0, 0.0)).0)?
        }
        (Kind::Complex | Kind::ConstComplex, b"imag") => {
            crate::objects::float::new(rt, crate::objects::complex::parts(o).unwrap_or((0.0, 0.0)).1)?
        }
        (Kind::Float, b"real") => o,
        (Kind::Float, b"imag") => crate::objects::float::new(rt, 0.0)?,
        (Kind::Slice, b"start") => slice::parts(o).0,
        (Kind::Slice, b"stop") => slice::parts(o).1,
        (Kind::Slice, b"step") => slice::parts(o).2,
        (Kind::Range, b"start") => crate::objects::int::from_i64(rt, range::parts(o).0)?,
        (Kind::Range, b"stop") => crate::objects::int::from_i64(rt, range::parts(o).1)?,
        (Kind::Range, b"step") => crate::objects::int::from_i64(rt, range::parts(o).2)?,
        (Kind::Property, b"fget") => instance::property_parts(o).0,
        (Kind::Property, b"fset") => instance::property_parts(o).1,
        (Kind::Property, b"fdel") => instance::property_parts(o).2,
        (Kind::StaticMethod | Kind::ClassMethod, b"__func__") => instance::wrapped(o),
        (Kind::Generator, b"__name__") => crate::objects::frame::gen_name(o),
        (Kind::File, _) => match crate::objects::file::attr(o, n) {
            Some(v) => v,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn class_attr(rt: &mut Rt, c: Value, name: Qstr) -> PResult<Option<Value>> {
    let n = rt.st.qstr.get(name);
    match n {
        b"__name__" | b"__qualname__" => {
            let co = class::get(c);
            if n == b"__qualname__" && co.dict.is_ptr() {
                if let Some(v) = dict::get_qstr(rt, co.dict, q::__qualname__)? {
                    return Ok(Some(v));
                }
            }
            return Ok(Some(match co.name.as_qstr() {
                Some(_) => co.name,
                None => qv(rt, class::short_name(co.sname))?,
            }));
        }
        b"__mro__" => {
            let n = class::mro_len(c);
            let t = tuple::new_uninit(rt, n)?;
            for i in 0..n {
                tuple::set(t, i, class::mro_item(c, i));
            }
            return Ok(Some(t));
        }
        b"__bases__" => {
            let co = class::get(c);
            if co.bases.is_ptr() {
                return Ok(Some(co.bases));
            }
            return Ok(Some(match co.base {
                Some(b) => tuple::new(rt, &[b.value()])?,
                None => tuple::empty(),
            }));
        }
        b"__base__" => {
            let co = class::get(c);
            if co.bases.is_ptr() && tuple::len(co.bases) > 0 {
                return Ok(Some(tuple::items(co.bases)[0]));
            }
            return Ok(Some(co.base.map_or(Value::NONE, |b| b.value())));
        }
        b"__dict__" => {
            let co = class::get(c);
            if co.dict.is_ptr() {
                return Ok(Some(co.dict));
            }
        }
        b"__module__" if !class::is_heap_class(c) => return Ok(Some(qv(rt, "builtins")?)),
        b"__doc__" if !class::is_heap_class(c) => return Ok(Some(Value::NONE)),
        _ => {}
    }
    match class::lookup(rt, c, name)? {
        Some(a) => Ok(Some(bind_class(rt, a, c)?)),
        None if name == q::__class__ => Ok(Some(class::meta_of(c))),
        None => {
            // Methods and attributes of the metaclass, bound to the class.
            let m = class::get(c).meta;
            if m.is_ptr() {
                if let Some(a) = class::lookup(rt, m, name)? {
                    return Ok(Some(bind(rt, a, c, m)?));
                }
            }
            Ok(None)
        }
    }
}

fn super_attr(rt: &mut Rt, sup: Value, name: Qstr) -> PResult<Option<Value>> {
    let (c, this) = instance::super_parts(sup);
    // super(C, x): x's MRO when x is a subclass of C (class methods, __new__),
    // else type(x)'s (instance methods, including a metaclass's methods).
    let as_type = class::is_class(this) && class::is_subclass(this, c);
    let start = if as_type { this } else { type_of(rt, this) };
    let n = class::mro_len(start);
    let mut i = 0;
    while i < n && class::mro_item(start, i) != c {
        i += 1;
    }
    i += 1;
    while i < n {
        let k = class::mro_item(start, i);
        let co = class::get(k);
        let found =
            if co.dict.is_ptr() { dict::get_qstr(rt, co.dict, name)? } else { class::static_attr(rt, co, name) };
        if let Some(a) = found {
            if as_type {
                return Ok(Some(bind_class(rt, a, this)?));
            }
            return Ok(Some(bind(rt, a, this, start)?));
        }
        i += 1;
    }
    Ok(None)
}

/// `getattr(o, name)` without raising: None if there is no such attribute.
/// A user `__getattribute__` replaces the generic lookup; `__getattr__` is
/// the fallback when either finds nothing.
pub fn try_getattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<Option<Value>> {
    let k = kind(o);
    match k {
        Kind::Class => return class_attr(rt, o, name),
        Kind::Super => return super_attr(rt, o, name),
        _ => {}
    }
    let cls = type_of(rt, o);
    let found = match user_getattribute(rt, k, cls)? {
        Some(ga) => match call(rt, ga, &[o, Value::qstr(name)], &[]) {
            Ok(v) => Some(v),
            Err(e) if exception::is_exc(e) && exception::matches(e, &class::ATTRIBUTE_ERROR_CLASS) => {
                match class::lookup(rt, cls, q::__getattr__)? {
                    Some(_) => None,
                    None => return Err(e),
                }
            }
            Err(e) => return Err(e),
        },
        None => generic_getattr(rt, o, name)?,
    };
    if found.is_some() {
        return Ok(found);
    }
    if k == Kind::Instance || k == Kind::Exception {
        if let Some(ga) = class::lookup(rt, cls, q::__getattr__)? {
            let nm = Value::qstr(name);
            return Ok(Some(call(rt, ga, &[o, nm], &[])?));
        }
    }
    Ok(None)
}

/// A `__getattribute__` defined in Python on an instance's class.
fn user_getattribute(rt: &mut Rt, k: Kind, cls: Value) -> PResult<Option<Value>> {
    if k != Kind::Instance || !rt.attr_hooks_seen {
        return Ok(None);
    }
    Ok(class::lookup(rt, cls, q::__getattribute__)?.filter(|&f| kind(f) == Kind::Function))
}

/// `object.__getattribute__`: data descriptors, the instance dict, the
/// object's own attributes, then other class attributes (bound).
pub fn generic_getattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<Option<Value>> {
    let cls = type_of(rt, o);
    let ca = class::lookup(rt, cls, name)?;
    if let Some(a) = ca {
        if kind(a) == Kind::Property || (kind(a) == Kind::Instance && is_data_desc(rt, a)?) {
            if kind(a) == Kind::Instance && desc_method(rt, a, q::__get__)?.is_none() {
                // A data descriptor without __get__: the instance dict wins, else the descriptor.
                let d = instance_dict(o);
                if d.is_ptr() {
                    if let Some(v) = dict::get_qstr(rt, d, name)? {
                        return Ok(Some(v));
                    }
                }
                return Ok(Some(a));
            }
            return Ok(Some(bind(rt, a, o, cls)?));
        }
    }
    let d = instance_dict(o);
    if d.is_ptr() {
        if let Some(v) = dict::get_qstr(rt, d, name)? {
            return Ok(Some(v));
        }
    }
    if name == q::__dict__ && kind(o) == Kind::Instance && d.is_ptr() {
        // Instances of classes that all declare __slots__ have no __dict__.
        let probe = q::__dict__;
        if slots_allow(rt, cls, probe)? && !slots_list(rt, cls, probe)? {
            return Ok(Some(d));
        }
    }
    if let Some(v) = special_attr(rt, o, name)? {
        return Ok(Some(v));
    }
    if let Some(a) = ca {
        return Ok(Some(bind(rt, a, o, cls)?));
    }
    Ok(None)
}

/// Does some class in `cls`'s MRO list `name` in its `__slots__`?
fn slots_list(rt: &mut Rt, cls: Value, name: Qstr) -> PResult<bool> {
    for i in 0..class::mro_len(cls) {
        let c = class::mro_item(cls, i);
        if class::is_heap_class(c) {
            if let Some(sl) = dict::get_qstr(rt, class::get(c).dict, q::__slots__)? {
                if slot_names_contain(rt, sl, name)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// `object.__getattribute__(self, name)`.
pub fn object_getattribute(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("expected 2 arguments, got {}", a.len())));
    }
    let name = attr_name(rt, a[1])?;
    match generic_getattr(rt, a[0], name)? {
        Some(v) => Ok(v),
        None => Err(attr_error(rt, a[0], name)),
    }
}

/// `object.__delattr__(self, name)`.
pub fn object_delattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("expected 2 arguments, got {}", a.len())));
    }
    let name = attr_name(rt, a[1])?;
    generic_delattr(rt, a[0], name)?;
    Ok(Value::NONE)
}

/// An attribute name argument as a qstr.
pub fn attr_name(rt: &mut Rt, v: Value) -> PResult<Qstr> {
    if let Some(q) = v.as_qstr() {
        return Ok(q);
    }
    if !pstr::is_str(v) {
        let tn = type_name(rt, v);
        return Err(rt.type_error(format_args!("attribute name must be string, not '{tn}'")));
    }
    let mut tmp = upy_heap::GcVec::<u8>::new();
    crate::objects::OrMem::or_mem(tmp.extend_from_slice(pstr::bytes_of(rt, v).unwrap_or(b"")), rt)?;
    rt.intern(&tmp)
}

pub fn getattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<Value> {
    match try_getattr(rt, o, name)? {
        Some(v) => Ok(v),
        None => Err(attr_error(rt, o, name)),
    }
}

pub fn has_attr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<bool> {
    match try_getattr(rt, o, name) {
        Ok(v) => Ok(v.is_some()),
        Err(e) if exception::is_exc(e) && exception::matches(e, &class::ATTRIBUTE_ERROR_CLASS) => Ok(false),
        Err(e) => Err(e),
    }
}

/// LOAD_METHOD: (method, self) when the attribute is a plain method of the
/// class, so the call needs no bound-method object; else (attribute, UNBOUND).
pub fn load_method(rt: &mut Rt, o: Value, name: Qstr) -> PResult<(Value, Value)> {
    let k = kind(o);
    if k != Kind::Class && k != Kind::Super {
        let d = instance_dict(o);
        let shadowed = d.is_ptr() && dict::get_qstr(rt, d, name)?.is_some();
        if !shadowed {
            let cls = type_of(rt, o);
            if let Some(a) = class::lookup(rt, cls, name)? {
                match kind(a) {
                    Kind::Function => return Ok((a, o)),
                    Kind::Builtin if builtin::get(a).bind == Bind::Method => {
                        return Ok((a, instance::self_for_builtin(o, a)))
                    }
                    _ => {}
                }
            }
        }
    }
    Ok((getattr(rt, o, name)?, UNBOUND))
}

pub fn setattr(rt: &mut Rt, o: Value, name: Qstr, v: Value) -> PResult<()> {
    let k = kind(o);
    match k {
        Kind::Instance | Kind::Exception => {
            let cls = type_of(rt, o);
            let hook = if rt.attr_hooks_seen { class::lookup(rt, cls, q::__setattr__)? } else { None };
            if let Some(f) = hook {
                if kind(f) == Kind::Function {
                    call(rt, f, &[o, Value::qstr(name), v], &[])?;
                    return Ok(());
                }
            }
            generic_setattr(rt, o, name, v)
        }
        Kind::Class if class::is_heap_class(o) => {
            if name == q::__setattr__ || name == q::__delattr__ || name == q::__getattribute__ {
                rt.attr_hooks_seen = true;
            }
            dict::set(rt, class::get(o).dict, Value::qstr(name), v)
        }
        Kind::Class => {
            let n = rt.st.qstr.str(name);
            let cn = class::name(rt, o);
            Err(rt.type_error(format_args!("cannot set '{n}' attribute of immutable type '{cn}'")))
        }
        Kind::Module => dict::set(rt, crate::objects::module::parts(o).1, Value::qstr(name), v),
        Kind::Function => {
            if !function::get(o).dict.is_ptr() {
                let d = dict::new(rt)?;
                function::set_dict(o, d);
            }
            dict::set(rt, function::get(o).dict, Value::qstr(name), v)
        }
        _ => {
            let n = rt.st.qstr.str(name);
            let tn = type_name(rt, o);
            Err(rt.attribute_error(format_args!("'{tn}' object has no attribute '{n}'")))
        }
    }
}

/// `object.__setattr__`: properties and user data descriptors, `__slots__`,
/// the exception attributes, then the instance dict.
pub fn generic_setattr(rt: &mut Rt, o: Value, name: Qstr, v: Value) -> PResult<()> {
    let k = kind(o);
    if k != Kind::Instance && k != Kind::Exception {
        let n = rt.st.qstr.str(name);
        let tn = type_name(rt, o);
        return Err(rt.attribute_error(format_args!("'{tn}' object attribute '{n}' is read-only")));
    }
    let cls = type_of(rt, o);
    if let Some(a) = class::lookup(rt, cls, name)? {
        if kind(a) == Kind::Property {
            let (_, s, _) = instance::property_parts(a);
            if s == Value::NONE {
                let n = rt.st.qstr.str(name);
                let tn = type_name(rt, o);
                return Err(rt.attribute_error(format_args!("property '{n}' of '{tn}' object has no setter")));
            }
            call(rt, s, &[o, v], &[])?;
            return Ok(());
        }
        if let Some(set) = desc_method(rt, a, q::__set__)? {
            call(rt, set, &[a, o, v], &[])?;
            return Ok(());
        }
    }
    if k == Kind::Exception {
        let n = rt.st.qstr.get(name);
        match n {
            b"args" => {
                let t = crate::vm::ops::to_list(rt, v)?;
                let t = tuple::new(rt, crate::objects::list::items(t))?;
                exception::set_args(o, t);
                return Ok(());
            }
            b"__cause__" => {
                exception::set_cause(o, v);
                exception::set_suppress(o, true);
                return Ok(());
            }
            b"__context__" => {
                exception::set_context(o, v);
                return Ok(());
            }
            b"__traceback__" => {
                exception::set_traceback(o, v);
                return Ok(());
            }
            _ => {}
        }
        if !exception::dict(o).is_ptr() {
            let d = dict::new(rt)?;
            exception::set_dict(o, d);
        }
    }
    if k == Kind::Instance && (!class::is_heap_class(cls) || !slots_allow(rt, cls, name)?) {
        let n = rt.st.qstr.str(name);
        let tn = type_name(rt, o);
        return Err(rt.attribute_error(format_args!("'{tn}' object has no attribute '{n}'")));
    }
    let d = instance_dict(o);
    dict::set(rt, d, Value::qstr(name), v)
}

/// May instances of `cls` get attribute `name`? Not when every class in the
/// MRO declares `__slots__` and none of them lists `name`.
fn slots_allow(rt: &mut Rt, cls: Value, name: Qstr) -> PResult<bool> {
    if !rt.slots_seen || !class::is_heap_class(cls) {
        return Ok(true);
    }
    let mut listed = false;
    for i in 0..class::mro_len(cls) {
        let c = class::mro_item(cls, i);
        if !class::is_heap_class(c) {
            continue;
        }
        let Some(sl) = dict::get_qstr(rt, class::get(c).dict, q::__slots__)? else {
            return Ok(true);
        };
        listed |= slot_names_contain(rt, sl, name)?;
    }
    Ok(listed)
}

/// Is `name` among the names of a `__slots__` value (a str, tuple or list)?
fn slot_names_contain(rt: &mut Rt, sl: Value, name: Qstr) -> PResult<bool> {
    let nv = Value::qstr(name);
    if pstr::is_str(sl) {
        return crate::vm::ops::eq(rt, sl, nv);
    }
    let items = match kind(sl) {
        Kind::Tuple | Kind::List => crate::vm::ops::to_list(rt, sl)?,
        _ => return Ok(true),
    };
    for j in 0..crate::objects::list::len(items) {
        let it = crate::objects::list::items(items)[j];
        if crate::vm::ops::eq(rt, it, nv)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn delattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<()> {
    if kind(o) == Kind::Instance && rt.attr_hooks_seen {
        let cls = type_of(rt, o);
        if let Some(f) = class::lookup(rt, cls, q::__delattr__)? {
            if kind(f) == Kind::Function {
                call(rt, f, &[o, Value::qstr(name)], &[])?;
                return Ok(());
            }
        }
    }
    generic_delattr(rt, o, name)
}

/// `object.__delattr__`: property deleters, user descriptors' `__delete__`,
/// then the instance (or class, module) dict.
pub fn generic_delattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<()> {
    let k = kind(o);
    if k == Kind::Instance {
        let cls = type_of(rt, o);
        if let Some(a) = class::lookup(rt, cls, name)? {
            if kind(a) == Kind::Property {
                let (_, _, d) = instance::property_parts(a);
                if d != Value::NONE {
                    call(rt, d, &[o], &[])?;
                    return Ok(());
                }
                let n = rt.st.qstr.str(name);
                let tn = type_name(rt, o);
                return Err(rt.attribute_error(format_args!("property '{n}' of '{tn}' object has no deleter")));
            }
            if let Some(del) = desc_method(rt, a, q::__delete__)? {
                call(rt, del, &[a, o], &[])?;
                return Ok(());
            }
        }
    }
    let d = if k == Kind::Class && class::is_heap_class(o) { class::get(o).dict } else { instance_dict(o) };
    if d.is_ptr() && dict::remove(rt, d, Value::qstr(name))?.is_some() {
        return Ok(());
    }
    if k == Kind::Instance {
        let n = rt.st.qstr.str(name);
        let tn = type_name(rt, o);
        return Err(rt.attribute_error(format_args!("'{tn}' object has no attribute '{n}'")));
    }
    Err(attr_error(rt, o, name))
}
