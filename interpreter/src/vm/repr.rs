//! Text conversions: `repr`, `str`, `format` with the format-spec
//! mini-language, `%`-formatting, and the last line of a traceback.
//! Everything is built in GC vectors; nothing goes through Rust's allocator.

use crate::objects::float::StackBuf;
use crate::objects::{
    boundmeth, builtin, bytes, class, dict, exception, float, function, int, iter, kind, list, range, set, slice,
    str as pstr, tuple, Kind, OrMem,
};
use crate::qstr::Qstr;
use crate::value::Value;
pub use crate::vm::format::{format, percent_format};
use crate::vm::ops::{call_special, type_name, type_of};
use crate::vm::{GcWriter, PResult, Rt};
use core::fmt::Write;
use upy_heap::GcVec;

type Buf = GcVec<u8>;

fn put(rt: &Rt, out: &mut Buf, s: &[u8]) -> PResult<()> {
    out.extend_from_slice(s).or_mem(rt)
}

fn put_fmt(rt: &Rt, out: &mut Buf, a: core::fmt::Arguments<'_>) -> PResult<()> {
    let mut w = GcWriter(out, false);
    if w.write_fmt(a).is_err() {
        return Err(rt.memory_error());
    }
    Ok(())
}

fn addr(rt: &Rt, out: &mut Buf, v: Value) -> PResult<()> {
    put_fmt(rt, out, format_args!(" at 0x{:x}>", v.bits()))
}

fn seq_into(rt: &mut Rt, out: &mut Buf, items_of: Value, open: &[u8], close: &[u8]) -> PResult<()> {
    put(rt, out, open)?;
    let n = if list::is_list(items_of) { list::len(items_of) } else { tuple::len(items_of) };
    let mut i = 0;
    while i < n {
        let cur = if list::is_list(items_of) {
            if i >= list::len(items_of) {
                break;
            }
            list::items(items_of)[i]
        } else {
            tuple::items(items_of)[i]
        };
        if i > 0 {
            put(rt, out, b", ")?;
        }
        repr_into(rt, out, cur)?;
        i += 1;
    }
    put(rt, out, close)
}

fn class_repr(rt: &Rt, out: &mut Buf, c: Value) -> PResult<()> {
    if class::is_heap_class(c) {
        let mut module: &[u8] = b"__main__";
        let d = class::get(c).dict;
        let modv = dict::get_qstr(rt, d, crate::qstr::q::__module__)?;
        if let Some(m) = modv {
            if let Some(b) = pstr::bytes_of(rt, m) {
                module = b;
            }
        }
        let mut tmp = Buf::new();
        tmp.extend_from_slice(module).or_mem(rt)?;
        put(rt, out, b"<class '")?;
        put(rt, out, &tmp)?;
        put(rt, out, b".")?;
        let n = class::name(rt, c);
        put(rt, out, n.as_bytes())?;
        put(rt, out, b"'>")
    } else {
        // A static class's `sname` may carry its module (`collections.OrderedDict`).
        let n = class::get(c).sname;
        put_fmt(rt, out, format_args!("<class '{n}'>"))
    }
}

/// Appends `repr(v)` to `out`; a list, dict or set already being printed
/// further up shows as `[...]`, `{...}`.
pub fn repr_into(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    rt.check_stack()?;
    let k = kind(v);
    if matches!(k, Kind::List | Kind::Dict | Kind::Set | Kind::FrozenSet) {
        if rt.repr_active[..rt.repr_depth].contains(&v) {
            return put(rt, out, if k == Kind::List { b"[...]" } else { b"{...}" });
        }
        if rt.repr_depth < rt.repr_active.len() {
            let d = rt.repr_depth;
            rt.repr_active[d] = v;
            rt.repr_depth += 1;
            let r = repr_inner(rt, out, v);
            rt.repr_depth = d;
            rt.repr_active[d] = Value::NONE;
            return r;
        }
    }
    repr_inner(rt, out, v)
}

fn repr_inner(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    match kind(v) {
        Kind::None => put(rt, out, b"None"),
        Kind::Bool => put(rt, out, if v == Value::TRUE { b"True" } else { b"False" }),
        Kind::Ellipsis => put(rt, out, b"Ellipsis"),
        Kind::NotImplemented => put(rt, out, b"NotImplemented"),
        Kind::SmallInt | Kind::BigInt => int::to_str_radix(rt, v, 10, out),
        Kind::Float => {
            let mut b = StackBuf::<64>::new();
            float::repr(float::get(v), &mut b);
            put(rt, out, b.as_bytes())
        }
        Kind::Str => {
            let mut tmp = Buf::new();
            let s = pstr::bytes_of(rt, v).unwrap_or(b"");
            pstr::repr_into(rt, s, &mut tmp)?;
            put(rt, out, &tmp)
        }
        Kind::Bytes => bytes::repr_into(rt, bytes::data(v).unwrap_or(&[]), out),
        Kind::ByteArray => {
            let mut tmp = Buf::new();
            tmp.extend_from_slice(crate::objects::bytearray::data(v)).or_mem(rt)?;
            put(rt, out, b"bytearray(")?;
            bytes::repr_into(rt, &tmp, out)?;
            put(rt, out, b")")
        }
        Kind::Array => crate::objects::array::repr_into(rt, v, out),
        Kind::Tuple => {
            if tuple::len(v) == 1 {
                put(rt, out, b"(")?;
                repr_into(rt, out, tuple::items(v)[0])?;
                put(rt, out, b",)")
            } else {
                seq_into(rt, out, v, b"(", b")")
            }
        }
        Kind::List => seq_into(rt, out, v, b"[", b"]"),
        Kind::Dict if !dict::is_plain(v) => match crate::vm::ops::call_special(rt, v, "__repr__", &[])? {
            Some(r) => {
                let mut tmp = Buf::new();
                tmp.extend_from_slice(pstr::bytes_of(rt, r).unwrap_or(b"")).or_mem(rt)?;
                put(rt, out, &tmp)
            }
            None => put(rt, out, b"{...}"),
        },
        Kind::Dict => {
            put(rt, out, b"{")?;
            let mut i = 0;
            let mut first = true;
            while i < dict::fill(v) {
                if let Some((k, x)) = dict::entry_at(v, i) {
                    if !first {
                        put(rt, out, b", ")?;
                    }
                    first = false;
                    repr_into(rt, out, k)?;
                    put(rt, out, b": ")?;
                    repr_into(rt, out, x)?;
                }
                i += 1;
            }
            put(rt, out, b"}")
        }
        Kind::Set | Kind::FrozenSet => {
            let frozen = kind(v) == Kind::FrozenSet;
            if set::len(v) == 0 {
                return put(rt, out, if frozen { b"frozenset()" } else { b"set()" });
            }
            if frozen {
                put(rt, out, b"frozenset(")?;
            }
            put(rt, out, b"{")?;
            let mut i = 0;
            let mut first = true;
            while i < set::slots(v) {
                if let Some(x) = set::item_at(v, i) {
                    if !first {
                        put(rt, out, b", ")?;
                    }
                    first = false;
                    repr_into(rt, out, x)?;
                }
                i += 1;
            }
            put(rt, out, b"}")?;
            if frozen {
                put(rt, out, b")")?;
            }
            Ok(())
        }
        Kind::Range => {
            let (a, b, s) = range::parts(v);
            if s == 1 {
                put_fmt(rt, out, format_args!("range({a}, {b})"))
            } else {
                put_fmt(rt, out, format_args!("range({a}, {b}, {s})"))
            }
        }
        Kind::Slice => {
            let (a, b, c) = slice::parts(v);
            put(rt, out, b"slice(")?;
            repr_into(rt, out, a)?;
            put(rt, out, b", ")?;
            repr_into(rt, out, b)?;
            put(rt, out, b", ")?;
            repr_into(rt, out, c)?;
            put(rt, out, b")")
        }
        Kind::Function => {
            let q = Qstr(function::code(v).header().qualname);
            let n = rt.st.qstr.str(q);
            put_fmt(rt, out, format_args!("<function {n}"))?;
            addr(rt, out, v)
        }
        Kind::Builtin => {
            let n = builtin::get(v).name;
            put_fmt(rt, out, format_args!("<built-in function {n}>"))
        }
        Kind::BoundMethod => {
            let (this, f) = boundmeth::parts(v);
            let fname = match kind(f) {
                Kind::Function => rt.st.qstr.str(Qstr(function::code(f).header().qualname)),
                Kind::Builtin => builtin::get(f).name,
                _ => "?",
            };
            let mut tmp = Buf::new();
            tmp.extend_from_slice(fname.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<bound method ")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" of ")?;
            repr_into(rt, out, this)?;
            put(rt, out, b">")
        }
        Kind::Class => class_repr(rt, out, v),
        Kind::Exception => {
            if let Some(r) = user_method(rt, v, "__repr__")? {
                return put_str(rt, out, r);
            }
            let c = exception::class_of(v);
            let n = class::name(rt, c);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, &tmp)?;
            let a = exception::args(v);
            if tuple::len(a) == 1 {
                put(rt, out, b"(")?;
                repr_into(rt, out, tuple::items(a)[0])?;
                put(rt, out, b")")
            } else {
                repr_into(rt, out, a)
            }
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__repr__", &[])? {
                return put_str(rt, out, r);
            }
            if let Some(n) = crate::objects::instance::native(v) {
                return repr_into(rt, out, n);
            }
            let c = type_of(rt, v);
            let n = class::name(rt, c);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<__main__.")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
        Kind::Iter if iter::is_view(v) => {
            let (d, _, _) = iter::parts(v);
            let name: &[u8] = match iter::sub(v) {
                iter::Sub::ViewKeys => b"dict_keys(",
                iter::Sub::ViewValues => b"dict_values(",
                _ => b"dict_items(",
            };
            put(rt, out, name)?;
            let it = crate::objects::iter::view_iter(rt, v)?;
            let l = crate::vm::ops::to_list(rt, it)?;
            let _ = d;
            repr_into(rt, out, l)?;
            put(rt, out, b")")
        }
        Kind::Generator => {
            let n = crate::objects::frame::gen_name(v);
            let t = pstr::text(rt, n);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(t.as_bytes()).or_mem(rt)?;
            put(
                rt,
                out,
                if crate::objects::frame::is_coroutine(v) { b"<coroutine object " } else { b"<generator object " },
            )?;
            put(rt, out, &tmp)?;
            addr(rt, out, v)
        }
        Kind::Property | Kind::StaticMethod | Kind::ClassMethod | Kind::Super | Kind::Cell | Kind::Iter => {
            let tn = type_name(rt, v);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(tn.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
        Kind::File => crate::objects::file::repr_into(rt, out, v),
        Kind::Module => {
            let n = pstr::text(rt, crate::objects::module::parts(v).0);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<module '")?;
            put(rt, out, &tmp)?;
            put(rt, out, b"' (built-in)>")
        }
        Kind::Complex | Kind::ConstComplex => {
            let (r, i) = crate::objects::complex::parts(v).unwrap_or((0.0, 0.0));
            let mut b = StackBuf::<128>::new();
            crate::objects::complex::repr(r, i, &mut b);
            put(rt, out, b.as_bytes())
        }
        Kind::Code | Kind::Traceback | Kind::Frame => {
            let tn = type_name(rt, v);
            let mut tmp = Buf::new();
            tmp.extend_from_slice(tn.as_bytes()).or_mem(rt)?;
            put(rt, out, b"<")?;
            put(rt, out, &tmp)?;
            put(rt, out, b" object")?;
            addr(rt, out, v)
        }
    }
}

/// A user-defined (non-built-in) method result, for exceptions' repr/str.
fn user_method(rt: &mut Rt, v: Value, name: &str) -> PResult<Option<Value>> {
    let cls = type_of(rt, v);
    if !class::is_heap_class(cls) {
        return Ok(None);
    }
    let q = match rt.st.qstr.find(name.as_bytes()) {
        Some(q) => q,
        None => return Ok(None),
    };
    match class::lookup(rt, cls, q)? {
        Some(f) if kind(f) == Kind::Function => Ok(Some(crate::vm::ops::call(rt, f, &[v], &[])?)),
        _ => Ok(None),
    }
}

fn put_str(rt: &mut Rt, out: &mut Buf, r: Value) -> PResult<()> {
    if !pstr::is_str(r) {
        let tn = type_name(rt, r);
        return Err(rt.type_error(format_args!("__repr__ returned non-string (type {tn})")));
    }
    let mut tmp = Buf::new();
    tmp.extend_from_slice(pstr::bytes_of(rt, r).unwrap_or(b"")).or_mem(rt)?;
    put(rt, out, &tmp)
}

pub fn repr(rt: &mut Rt, v: Value) -> PResult<Value> {
    let mut out = Buf::new();
    repr_into(rt, &mut out, v)?;
    pstr::new(rt, &out)
}

/// Appends `str(v)` to `out`.
pub fn str_into(rt: &mut Rt, out: &mut Buf, v: Value) -> PResult<()> {
    match kind(v) {
        Kind::Str => {
            let mut tmp = Buf::new();
            tmp.extend_from_slice(pstr::bytes_of(rt, v).unwrap_or(b"")).or_mem(rt)?;
            put(rt, out, &tmp)
        }
        Kind::Exception => {
            if let Some(r) = user_method(rt, v, "__str__")? {
                return put_str(rt, out, r);
            }
            if let Some(r) = crate::objects::oserror::str_of(rt, v)? {
                return put_str(rt, out, r);
            }
            let a = exception::args(v);
            match tuple::len(a) {
                0 => Ok(()),
                1 if exception::matches(v, &class::KEY_ERROR_CLASS) => repr_into(rt, out, tuple::items(a)[0]),
                1 => str_into(rt, out, tuple::items(a)[0]),
                _ => repr_into(rt, out, a),
            }
        }
        Kind::Instance => {
            if let Some(r) = call_special(rt, v, "__str__", &[])? {
                if !pstr::is_str(r) {
                    let tn = type_name(rt, r);
                    return Err(rt.type_error(format_args!("__str__ returned non-string (type {tn})")));
                }
                return put_str(rt, out, r);
            }
            // Only str has its own __str__ among the built-in bases; the
            // others' str() is their repr (a subclass's own __repr__ included).
            repr_into(rt, out, v)
        }
        _ => repr_into(rt, out, v),
    }
}

pub fn str(rt: &mut Rt, v: Value) -> PResult<Value> {
    if pstr::is_exact_str(v) {
        return Ok(v);
    }
    let mut out = Buf::new();
    str_into(rt, &mut out, v)?;
    pstr::new(rt, &out)
}

/// "ValueError: message" (or just the name), for an uncaught exception.
pub fn exception_line(rt: &mut Rt, e: Value) -> PResult<Value> {
    let mut out = Buf::new();
    let c = type_of(rt, e);
    if class::is_heap_class(c) {
        put(rt, &mut out, b"__main__.")?;
    }
    let n = class::name(rt, c);
    let mut tmp = Buf::new();
    tmp.extend_from_slice(n.as_bytes()).or_mem(rt)?;
    put(rt, &mut out, &tmp)?;
    let mut msg = Buf::new();
    str_into(rt, &mut msg, e)?;
    if !msg.is_empty() {
        put(rt, &mut out, b": ")?;
        put(rt, &mut out, &msg)?;
    }
    pstr::new(rt, &out)
}
