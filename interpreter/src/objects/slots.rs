//! The special methods of the built-in types as attributes: `list.__repr__`,
//! `dict.__setitem__`, `int.__add__`, ... — what `super().__setitem__(k, v)`
//! in a subclass of `dict`, or `list.__repr__(self)`, find.
//!
//! Each is a static built-in method applying the interpreter's generic
//! operation to the built-in value: for an instance of a subclass of a
//! built-in type, the wrapped value (so the subclass's own override is not
//! called again). Only the built-in types a class may subclass have them,
//! each only the ones its values support.
//!
//! Invariant: a wrapper never dispatches back to the instance's class.

use crate::objects::builtin::BuiltinObj;
use crate::objects::class::{self as cls, ClassObj};
use crate::objects::instance;
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};

fn this(a: &[Value]) -> Value {
    let v = a.first().copied().unwrap_or(Value::NONE);
    instance::native(v).unwrap_or(v)
}

fn arg(rt: &Rt, a: &[Value], n: usize, name: &str) -> PResult<()> {
    if a.len() != n + 1 {
        let s = if n == 1 { "" } else { "s" };
        return Err(
            rt.type_error(format_args!("expected {n} argument{s} for {name}, got {}", a.len().saturating_sub(1)))
        );
    }
    Ok(())
}

fn b(v: bool) -> Value {
    if v {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

macro_rules! binop {
    ($($f:ident = $op:expr;)*) => {
        $(fn $f(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
            arg(rt, a, 1, "binary operation")?;
            let other = instance::native(a[1]).unwrap_or(a[1]);
            match ops::binary(rt, $op, this(a), other) {
                Err(e) if crate::objects::exception::is_exc(e)
                    && crate::objects::exception::matches(e, &cls::TYPE_ERROR_CLASS) => Ok(Value::NOT_IMPLEMENTED),
                r => r,
            }
        })*
    };
}
binop! {
    s_add = 0; s_sub = 1; s_mul = 2; s_truediv = 4; s_mod = 5; s_pow = 6; s_lshift = 7; s_rshift = 8;
    s_or = 9; s_xor = 10; s_and = 11; s_floordiv = 12;
}

macro_rules! cmpop {
    ($($f:ident = $op:expr;)*) => {
        $(fn $f(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
            arg(rt, a, 1, "comparison")?;
            let other = instance::native(a[1]).unwrap_or(a[1]);
            match ops::compare(rt, $op, this(a), other) {
                Err(e) if crate::objects::exception::is_exc(e)
                    && crate::objects::exception::matches(e, &cls::TYPE_ERROR_CLASS) => Ok(Value::NOT_IMPLEMENTED),
                r => r,
            }
        })*
    };
}
cmpop! { s_lt = 0; s_gt = 1; s_eq = 2; s_ne = 3; s_le = 4; s_ge = 5; }

fn s_repr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__repr__")?;
    let n = this(a);
    let r = ops::repr(rt, n)?;
    if n != a[0] && crate::objects::kind(n) == crate::objects::Kind::ByteArray {
        // bytearray's repr names the subclass: `Sub(b'...')`.
        let mut out = upy_heap::GcVec::<u8>::new();
        let c = ops::type_of(rt, a[0]);
        crate::objects::OrMem::or_mem(out.extend_from_slice(cls::name(rt, c).as_bytes()), rt)?;
        let t = crate::objects::str::bytes_of(rt, r).unwrap_or(b"");
        crate::objects::OrMem::or_mem(out.extend_from_slice(t.get(b"bytearray".len()..).unwrap_or(b"")), rt)?;
        return crate::objects::str::new(rt, &out);
    }
    Ok(r)
}
fn s_str(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__str__")?;
    ops::str(rt, this(a))
}
fn s_hash(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__hash__")?;
    let h = ops::hash(rt, this(a))?;
    crate::objects::int::from_i64(rt, h as i64)
}
fn s_len(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__len__")?;
    let n = ops::len(rt, this(a))?;
    crate::objects::int::from_i64(rt, n as i64)
}
fn s_contains(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 1, "__contains__")?;
    Ok(b(ops::contains(rt, this(a), a[1])?))
}
fn s_iter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__iter__")?;
    ops::get_iter(rt, this(a))
}
fn s_getitem(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 1, "__getitem__")?;
    let n = this(a);
    if n != a[0] && crate::objects::kind(n) == crate::objects::Kind::Dict {
        // dict.__getitem__ on a subclass instance consults its __missing__.
        return match crate::objects::dict::get(rt, n, a[1])? {
            Some(v) => Ok(v),
            None => match ops::call_special(rt, a[0], "__missing__", &[a[1]])? {
                Some(v) => Ok(v),
                None => Err(rt.key_error(a[1])),
            },
        };
    }
    ops::getitem(rt, n, a[1])
}
fn s_setitem(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 2, "__setitem__")?;
    ops::setitem(rt, this(a), a[1], a[2])?;
    Ok(Value::NONE)
}
fn s_delitem(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 1, "__delitem__")?;
    ops::delitem(rt, this(a), a[1])?;
    Ok(Value::NONE)
}
fn s_bool(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__bool__")?;
    Ok(b(ops::truthy(rt, this(a))?))
}
fn s_int(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__int__")?;
    crate::vm::classes::to_int(rt, this(a), None)
}
fn s_float(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__float__")?;
    crate::vm::classes::to_float(rt, this(a))
}
fn s_neg(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__neg__")?;
    ops::unary(rt, crate::emit::bytecode::Op::UNARY_NEGATIVE, this(a))
}
fn s_pos(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__pos__")?;
    ops::unary(rt, crate::emit::bytecode::Op::UNARY_POSITIVE, this(a))
}
fn s_abs(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 0, "__abs__")?;
    let n = this(a);
    match crate::objects::kind(n) {
        crate::objects::Kind::Float => crate::objects::float::new(rt, crate::objects::float::get(n).abs()),
        crate::objects::Kind::Complex | crate::objects::Kind::ConstComplex => {
            let (r, i) = crate::objects::complex::parts(n).unwrap_or((0.0, 0.0));
            crate::objects::float::new(rt, crate::objects::fmath::hypot(r, i))
        }
        _ => {
            let zero = Value::small_int(0).unwrap_or(Value::NONE);
            if ops::lt(rt, n, zero)? {
                ops::unary(rt, crate::emit::bytecode::Op::UNARY_NEGATIVE, n)
            } else {
                ops::unary(rt, crate::emit::bytecode::Op::UNARY_POSITIVE, n)
            }
        }
    }
}
fn s_format(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arg(rt, a, 1, "__format__")?;
    ops::format(rt, this(a), a[1])
}

crate::methods! { COMMON:
    REPR = "__repr__", s_repr, Method;
    FORMAT = "__format__", s_format, Method;
    EQ = "__eq__", s_eq, Method;
    NE = "__ne__", s_ne, Method;
    LT = "__lt__", s_lt, Method;
    LE = "__le__", s_le, Method;
    GT = "__gt__", s_gt, Method;
    GE = "__ge__", s_ge, Method;
}
crate::methods! { STR_ONLY:
    STR = "__str__", s_str, Method;
}
crate::methods! { HASHABLE:
    HASH = "__hash__", s_hash, Method;
}
crate::methods! { CONTAINER:
    LEN = "__len__", s_len, Method;
    CONTAINS = "__contains__", s_contains, Method;
    ITER = "__iter__", s_iter, Method;
}
crate::methods! { SUBSCRIPT:
    GETITEM = "__getitem__", s_getitem, Method;
}
crate::methods! { MUTABLE:
    SETITEM = "__setitem__", s_setitem, Method;
    DELITEM = "__delitem__", s_delitem, Method;
}
crate::methods! { SEQ_ARITH:
    ADD = "__add__", s_add, Method;
    MUL = "__mul__", s_mul, Method;
}
crate::methods! { NUMBER:
    N_ADD = "__add__", s_add, Method;
    N_SUB = "__sub__", s_sub, Method;
    N_MUL = "__mul__", s_mul, Method;
    N_TRUEDIV = "__truediv__", s_truediv, Method;
    N_FLOORDIV = "__floordiv__", s_floordiv, Method;
    N_MOD = "__mod__", s_mod, Method;
    N_POW = "__pow__", s_pow, Method;
    N_BOOL = "__bool__", s_bool, Method;
    N_NEG = "__neg__", s_neg, Method;
    N_POS = "__pos__", s_pos, Method;
    N_ABS = "__abs__", s_abs, Method;
    N_INT = "__int__", s_int, Method;
    N_FLOAT = "__float__", s_float, Method;
}
crate::methods! { INT_BITS:
    I_LSHIFT = "__lshift__", s_lshift, Method;
    I_RSHIFT = "__rshift__", s_rshift, Method;
    I_OR = "__or__", s_or, Method;
    I_XOR = "__xor__", s_xor, Method;
    I_AND = "__and__", s_and, Method;
}
crate::methods! { SET_OPS:
    SET_OR = "__or__", s_or, Method;
    SET_XOR = "__xor__", s_xor, Method;
    SET_AND = "__and__", s_and, Method;
    SET_SUB = "__sub__", s_sub, Method;
}

/// The special method `name` of the built-in class `c`, if it has one here.
pub fn find(c: &'static ClassObj, name: &[u8]) -> Option<Value> {
    if !name.starts_with(b"__") {
        return None;
    }
    let is = |x: &'static ClassObj| core::ptr::eq(c, x);
    let num = is(&cls::INT_CLASS) || is(&cls::FLOAT_CLASS) || is(&cls::COMPLEX_CLASS) || is(&cls::BOOL_CLASS);
    let seq = is(&cls::LIST_CLASS)
        || is(&cls::TUPLE_CLASS)
        || is(&cls::STR_CLASS)
        || is(&cls::BYTES_CLASS)
        || is(&cls::BYTEARRAY_CLASS);
    let set = is(&cls::SET_CLASS) || is(&cls::FROZENSET_CLASS);
    let dict = is(&cls::DICT_CLASS);
    if !(num || seq || set || dict) {
        return None;
    }
    let mutable = is(&cls::LIST_CLASS) || is(&cls::DICT_CLASS) || is(&cls::BYTEARRAY_CLASS);
    let hashable = !(mutable || is(&cls::SET_CLASS));
    let int_like = is(&cls::INT_CLASS) || is(&cls::BOOL_CLASS);
    let tables: [(bool, &[&'static BuiltinObj]); 10] = [
        (true, COMMON),
        (is(&cls::STR_CLASS), STR_ONLY),
        (hashable, HASHABLE),
        (seq || set || dict, CONTAINER),
        (seq || dict, SUBSCRIPT),
        (mutable, MUTABLE),
        (seq, SEQ_ARITH),
        (num, NUMBER),
        (int_like, INT_BITS),
        (set, SET_OPS),
    ];
    for (on, t) in tables {
        if on {
            if let Some(m) = t.iter().find(|m| m.name.as_bytes() == name) {
                return Some(m.value());
            }
        }
    }
    None
}
