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
            Bind::Method => boundmeth::new(rt, o, attr),
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
        _ => Ok(attr),
    }
}

/// Binds a class attribute looked up on the class itself.
fn bind_class(rt: &mut Rt, attr: Value, cls: Value) -> PResult<Value> {
    match kind(attr) {
        Kind::ClassMethod => boundmeth::new(rt, cls, instance::wrapped(attr)),
        Kind::StaticMethod => Ok(instance::wrapped(attr)),
        Kind::Builtin if builtin::get(attr).bind == Bind::ClassMethod => boundmeth::new(rt, cls, attr),
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
        (Kind::Exception, b"code") if exception::matches(o, &class::SYSTEM_EXIT_CLASS) => exception::arg0(o),
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
                None => qv(rt, co.sname)?,
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
        None if name == q::__class__ => Ok(Some(class::TYPE_CLASS.value())),
        None => Ok(None),
    }
}

fn super_attr(rt: &mut Rt, sup: Value, name: Qstr) -> PResult<Option<Value>> {
    let (c, this) = instance::super_parts(sup);
    let start = if class::is_class(this) { this } else { type_of(rt, this) };
    let n = class::mro_len(start);
    let mut i = 0;
    while i < n && class::mro_item(start, i) != c {
        i += 1;
    }
    i += 1;
    while i < n {
        let k = class::mro_item(start, i);
        let co = class::get(k);
        let found = if co.dict.is_ptr() {
            dict::get_qstr(rt, co.dict, name)?
        } else {
            let s = rt.st.qstr.get(name);
            co.methods.iter().find(|m| m.name.as_bytes() == s).map(|m| m.value())
        };
        if let Some(a) = found {
            if class::is_class(this) {
                return Ok(Some(bind_class(rt, a, this)?));
            }
            return Ok(Some(bind(rt, a, this, start)?));
        }
        i += 1;
    }
    Ok(None)
}

/// `getattr(o, name)` without raising: None if there is no such attribute.
pub fn try_getattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<Option<Value>> {
    let k = kind(o);
    match k {
        Kind::Class => return class_attr(rt, o, name),
        Kind::Super => return super_attr(rt, o, name),
        _ => {}
    }
    let cls = type_of(rt, o);
    let ca = class::lookup(rt, cls, name)?;
    if let Some(a) = ca {
        if kind(a) == Kind::Property {
            return Ok(Some(bind(rt, a, o, cls)?));
        }
    }
    let d = instance_dict(o);
    if d.is_ptr() {
        if let Some(v) = dict::get_qstr(rt, d, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(v) = special_attr(rt, o, name)? {
        return Ok(Some(v));
    }
    if let Some(a) = ca {
        return Ok(Some(bind(rt, a, o, cls)?));
    }
    if k == Kind::Instance || k == Kind::Exception {
        if let Some(ga) = class::lookup(rt, cls, q::__getattr__)? {
            let nm = Value::qstr(name);
            return Ok(Some(call(rt, ga, &[o, nm], &[])?));
        }
    }
    Ok(None)
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
                    Kind::Builtin if builtin::get(a).bind == Bind::Method => return Ok((a, o)),
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
            }
            if let Some(sa) = rt.st.qstr.find(b"__setattr__") {
                if let Some(f) = class::lookup(rt, cls, sa)? {
                    if kind(f) == Kind::Function {
                        call(rt, f, &[o, Value::qstr(name), v], &[])?;
                        return Ok(());
                    }
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
            let d = instance_dict(o);
            dict::set(rt, d, Value::qstr(name), v)
        }
        Kind::Class if class::is_heap_class(o) => dict::set(rt, class::get(o).dict, Value::qstr(name), v),
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

pub fn delattr(rt: &mut Rt, o: Value, name: Qstr) -> PResult<()> {
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
