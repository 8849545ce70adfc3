//! The built-in namespace: functions (`print`, `len`, `isinstance`, ...),
//! the built-in classes and exceptions, and the constants. `make` builds
//! the builtins dict once at start-up; the functions are statics.
//!
//! The I/O built-ins (`print`, `input`, `open`) write to and read from
//! `sys.stdout`/`sys.stdin` as they are when called (a program may replace
//! them with any object that has `write`/`readline`); the start-up streams
//! are file objects (`objects::file`) kept in root slots.

use crate::objects::builtin::{Bind, BuiltinObj};
use crate::objects::class::{self as cls, NAMED_CLASSES};
use crate::objects::{dict, file, float, int, iter, kind, list, str as pstr, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

macro_rules! builtins {
    ($($id:ident = $name:expr, $f:ident;)*) => {
        $(static $id: BuiltinObj = BuiltinObj::new($name, $f, Bind::Static);)*
        static ALL: &[&BuiltinObj] = &[$(&$id,)*];
    };
}

builtins! {
    PRINT = "print", b_print;
    LEN = "len", b_len;
    REPR = "repr", b_repr;
    ISINSTANCE = "isinstance", b_isinstance;
    ISSUBCLASS = "issubclass", b_issubclass;
    ABS = "abs", b_abs;
    MIN = "min", b_min;
    MAX = "max", b_max;
    SUM = "sum", b_sum;
    SORTED = "sorted", b_sorted;
    REVERSED = "reversed", b_reversed;
    ENUMERATE = "enumerate", b_enumerate;
    ZIP = "zip", b_zip;
    MAP = "map", b_map;
    FILTER = "filter", b_filter;
    ITER = "iter", b_iter;
    NEXT = "next", b_next;
    HASH = "hash", b_hash;
    ID = "id", b_id;
    CHR = "chr", b_chr;
    ORD = "ord", b_ord;
    HEX = "hex", b_hex;
    OCT = "oct", b_oct;
    BIN = "bin", b_bin;
    DIVMOD = "divmod", b_divmod;
    POW = "pow", b_pow;
    ROUND = "round", b_round;
    ALL_ = "all", b_all;
    ANY = "any", b_any;
    CALLABLE = "callable", b_callable;
    GETATTR = "getattr", b_getattr;
    SETATTR = "setattr", b_setattr;
    HASATTR = "hasattr", b_hasattr;
    DELATTR = "delattr", b_delattr;
    FORMAT = "format", b_format;
    GLOBALS = "globals", b_globals;
    LOCALS = "locals", b_locals;
    EXEC = "exec", b_exec;
    EVAL = "eval", b_eval;
    COMPILE = "compile", b_compile;
    IMPORT = "__import__", b_import;
    DIR = "dir", b_dir;
    INPUT = "input", b_input;
    OPEN = "open", b_open;
    ASCII = "ascii", b_ascii;
    VARS = "vars", b_vars;
    EXIT = "exit", b_exit;
    QUIT = "quit", b_exit;
}

fn si(i: isize) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

/// Builds the builtins dict.
pub fn make(rt: &mut Rt) -> PResult<Value> {
    let d = dict::new(rt)?;
    for b in ALL {
        let q = rt.intern(b.name.as_bytes())?;
        dict::set(rt, d, Value::qstr(q), b.value())?;
    }
    let os = crate::objects::oserror::CLASSES.iter().chain(crate::objects::oserror::CONNECTION_CLASSES);
    for c in NAMED_CLASSES.iter().chain(os) {
        let q = rt.intern(c.sname.as_bytes())?;
        dict::set(rt, d, Value::qstr(q), c.value())?;
    }
    // CPython's old names for OSError.
    for n in ["IOError", "EnvironmentError"] {
        let q = rt.intern(n.as_bytes())?;
        dict::set(rt, d, Value::qstr(q), cls::OS_ERROR_CLASS.value())?;
    }
    let q = rt.intern(b"__build_class__")?;
    dict::set(rt, d, Value::qstr(q), super::classes::BUILD_CLASS.value())?;
    for (n, v) in [("NotImplemented", Value::NOT_IMPLEMENTED), ("Ellipsis", Value::ELLIPSIS)] {
        let q = rt.intern(n.as_bytes())?;
        dict::set(rt, d, Value::qstr(q), v)?;
    }
    let q = rt.intern(b"__name__")?;
    let v = pstr::from_str(rt, "builtins")?;
    dict::set(rt, d, Value::qstr(q), v)?;
    Ok(d)
}

fn arity(rt: &Rt, name: &str, a: &[Value], n: usize) -> PResult<()> {
    if a.len() != n {
        return Err(if n == 1 {
            rt.type_error(format_args!("{name}() takes exactly one argument ({} given)", a.len()))
        } else {
            rt.type_error(format_args!("{name} expected {n} arguments, got {}", a.len()))
        });
    }
    Ok(())
}

fn no_kw(rt: &Rt, name: &str, k: &[Value]) -> PResult<()> {
    if !k.is_empty() {
        return Err(rt.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Binds positional `a` and keyword pairs `k` to the parameters `names`
/// (all positional-or-keyword) in `out`, which holds the defaults; the first
/// `req` parameters are required.
fn bind(rt: &Rt, fname: &str, a: &[Value], k: &[Value], names: &[&str], out: &mut [Value], req: usize) -> PResult<()> {
    if a.len() > names.len() {
        return Err(rt.type_error(format_args!(
            "{fname}() takes at most {} arguments ({} given)",
            names.len(),
            a.len()
        )));
    }
    let mut set = [false; 8];
    out[..a.len()].copy_from_slice(a);
    set[..a.len()].iter_mut().for_each(|s| *s = true);
    for pair in k.chunks(2) {
        let n = pstr::text(rt, pair[0]);
        let Some(i) = names.iter().position(|x| *x == n) else {
            return Err(rt.type_error(format_args!("{fname}() got an unexpected keyword argument '{n}'")));
        };
        if set[i] {
            return Err(
                rt.type_error(format_args!("argument for {fname}() given by name ('{n}') and position ({})", i + 1))
            );
        }
        set[i] = true;
        out[i] = pair[1];
    }
    if let Some(i) = (0..req).find(|&i| !set[i]) {
        return Err(rt.type_error(format_args!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(())
}

/// `sys.<name>` as the program left it (`stdout`, `stdin`), or the start-up
/// stream in `slot` when `sys` was never imported.
fn sys_stream(rt: &mut Rt, name: &[u8], slot: usize) -> PResult<Value> {
    let dflt = rt.st.runtime[slot];
    let (Some(qs), Some(qn)) = (rt.st.qstr.find(b"sys"), rt.st.qstr.find(name)) else { return Ok(dflt) };
    let mods = rt.st.runtime[super::SLOT_MODULES];
    let Some(m) = dict::get_qstr(rt, mods, qs)? else { return Ok(dflt) };
    if kind(m) != Kind::Module {
        return Ok(dflt);
    }
    let d = crate::objects::module::parts(m).1;
    Ok(dict::get_qstr(rt, d, qn)?.unwrap_or(dflt))
}

/// Calls `f.name()` with `args` (for file-like objects).
fn call_method(rt: &mut Rt, f: Value, name: &str, args: &[Value]) -> PResult<Value> {
    let q = rt.intern(name.as_bytes())?;
    let m = ops::getattr(rt, f, q)?;
    ops::call(rt, m, args, &[])
}

fn b_print(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut sep = Value::NONE;
    let mut end = Value::NONE;
    let mut file = Value::NONE;
    let mut flush = Value::FALSE;
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "sep" => sep = pair[1],
            "end" => end = pair[1],
            "file" => file = pair[1],
            "flush" => flush = pair[1],
            _ => {
                let n = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("'{n}' is an invalid keyword argument for print()")));
            }
        }
    }
    for (what, v) in [("sep", sep), ("end", end)] {
        if v != Value::NONE && !pstr::is_str(v) {
            let tn = ops::type_name(rt, v);
            return Err(rt.type_error(format_args!("{what} must be None or a string, not {tn}")));
        }
    }
    if file == Value::NONE {
        file = sys_stream(rt, b"stdout", super::SLOT_STDOUT)?;
    }
    if file::is_text_file(file) {
        // A file object: the whole line in one write.
        let mut out = GcVec::<u8>::new();
        for (i, &v) in a.iter().enumerate() {
            if i > 0 {
                match pstr::bytes_of(rt, sep) {
                    Some(s) => out.extend_from_slice(s).or_mem(rt)?,
                    None => out.push(b' ').or_mem(rt)?,
                }
            }
            super::repr::str_into(rt, &mut out, v)?;
        }
        match pstr::bytes_of(rt, end) {
            Some(s) => out.extend_from_slice(s).or_mem(rt)?,
            None => out.push(b'\n').or_mem(rt)?,
        }
        file::write_bytes(rt, file, &out)?;
    } else {
        // Any object with `write`: one call per piece, as CPython makes.
        if file == Value::NONE {
            return Ok(Value::NONE);
        }
        let q = rt.intern(b"write")?;
        let w = ops::getattr(rt, file, q)?;
        let sep = if sep == Value::NONE { pstr::from_str(rt, " ")? } else { sep };
        let end = if end == Value::NONE { pstr::from_str(rt, "\n")? } else { end };
        for (i, &v) in a.iter().enumerate() {
            if i > 0 {
                ops::call(rt, w, &[sep], &[])?;
            }
            let s = ops::str(rt, v)?;
            ops::call(rt, w, &[s], &[])?;
        }
        ops::call(rt, w, &[end], &[])?;
    }
    if ops::truthy(rt, flush)? {
        call_method(rt, file, "flush", &[])?;
    }
    Ok(Value::NONE)
}

/// `input([prompt])`: the prompt to `sys.stdout`, then one line from
/// `sys.stdin` without its newline; EOFError at end of input.
fn b_input(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "input", k)?;
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("input expected at most 1 argument, got {}", a.len())));
    }
    if let Some(&p) = a.first() {
        let out = sys_stream(rt, b"stdout", super::SLOT_STDOUT)?;
        let s = ops::str(rt, p)?;
        call_method(rt, out, "write", &[s])?;
        if file::is_file(out) {
            rt.out.flush();
        } else {
            let _ = call_method(rt, out, "flush", &[]);
        }
    }
    let inp = sys_stream(rt, b"stdin", super::SLOT_STDIN)?;
    let line = if file::is_file(inp) { file::readline(rt, inp, None)? } else { call_method(rt, inp, "readline", &[])? };
    if !pstr::is_str(line) {
        let tn = ops::type_name(rt, line);
        return Err(rt.type_error(format_args!("object of type '{tn}' has no len()")));
    }
    let mut b = GcVec::<u8>::new();
    b.extend_from_slice(pstr::bytes_of(rt, line).unwrap_or(b"")).or_mem(rt)?;
    if b.is_empty() {
        return Err(rt.error(&cls::EOF_ERROR_CLASS, format_args!("EOF when reading a line")));
    }
    if b.last() == Some(&b'\n') {
        b.pop();
    }
    pstr::new(rt, &b)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`: buffering, errors and opener
/// are accepted and ignored; a `newline` other than None turns universal
/// newlines off; `file` may be an open descriptor's number.
fn b_open(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let mut v = [Value::NONE; 8];
    v[1] = pstr::from_str(rt, "r")?;
    bind(rt, "open", a, k, &names, &mut v, 1)?;
    let closefd = v[6] == Value::NONE || ops::truthy(rt, v[6])?;
    file::open(rt, v[0], v[1], v[3], v[5], closefd)
}

fn b_len(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "len", k)?;
    arity(rt, "len", a, 1)?;
    Ok(si(ops::len(rt, a[0])?))
}

fn b_repr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "repr", a, 1)?;
    ops::repr(rt, a[0])
}

/// Is class `t` a subclass of `spec` (a class or a possibly nested tuple
/// of them)? Checked left to right, as CPython does: a bad entry after a
/// match is never looked at.
fn subclass_of(rt: &Rt, t: Value, spec: Value, fname: &str) -> PResult<bool> {
    if cls::is_class(spec) {
        return Ok(cls::is_subclass(t, spec));
    }
    if tuple::is_tuple(spec) {
        for &c in tuple::items(spec) {
            if subclass_of(rt, t, c, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(if fname == "isinstance" {
        rt.type_error(format_args!("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    } else {
        rt.type_error(format_args!("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    })
}

fn b_isinstance(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "isinstance", a, 2)?;
    let t = ops::type_of(rt, a[0]);
    let r = subclass_of(rt, t, a[1], "isinstance")?;
    Ok(if r { Value::TRUE } else { Value::FALSE })
}

fn b_issubclass(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "issubclass", a, 2)?;
    if !cls::is_class(a[0]) {
        return Err(rt.type_error(format_args!("issubclass() arg 1 must be a class")));
    }
    let r = subclass_of(rt, a[0], a[1], "issubclass")?;
    Ok(if r { Value::TRUE } else { Value::FALSE })
}

fn b_abs(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "abs", a, 1)?;
    let x = a[0];
    match kind(x) {
        Kind::SmallInt | Kind::BigInt => int::abs(rt, x),
        Kind::Bool => Ok(si((x == Value::TRUE) as isize)),
        Kind::Float => float::new(rt, float::get(x).abs()),
        Kind::Complex | Kind::ConstComplex => {
            let (r, i) = crate::objects::complex::parts(x).unwrap_or((0.0, 0.0));
            float::new(rt, r.hypot(i))
        }
        _ => {
            if let Some(r) = ops::call_special(rt, x, "__abs__", &[])? {
                return Ok(r);
            }
            let tn = ops::type_name(rt, x);
            Err(rt.type_error(format_args!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn minmax(rt: &mut Rt, a: &[Value], k: &[Value], is_max: bool) -> PResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let mut key = Value::NONE;
    let mut dflt = None;
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "key" => key = pair[1],
            "default" => dflt = Some(pair[1]),
            _ => {
                let n = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("'{n}' is an invalid keyword argument for {name}()")));
            }
        }
    }
    if a.is_empty() {
        return Err(rt.type_error(format_args!("{name} expected at least 1 argument, got 0")));
    }
    let items = if a.len() == 1 {
        ops::to_list(rt, a[0])?
    } else {
        if dflt.is_some() {
            return Err(
                rt.type_error(format_args!("Cannot specify a default for {name}() with multiple positional arguments"))
            );
        }
        list::from_slice(rt, a)?
    };
    let n = list::len(items);
    if n == 0 {
        return match dflt {
            Some(d) => Ok(d),
            None => Err(rt.value_error(format_args!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = list::items(items)[0];
    let mut bk = if key == Value::NONE { best } else { ops::call(rt, key, &[best], &[])? };
    for i in 1..n {
        let v = list::items(items)[i];
        let vk = if key == Value::NONE { v } else { ops::call(rt, key, &[v], &[])? };
        let better = if is_max { ops::gt(rt, vk, bk)? } else { ops::lt(rt, vk, bk)? };
        if better {
            best = v;
            bk = vk;
        }
    }
    Ok(best)
}

fn b_min(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    minmax(rt, a, k, false)
}
fn b_max(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    minmax(rt, a, k, true)
}

fn b_sum(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut start = si(0);
    if a.len() > 1 {
        start = a[1];
    }
    for pair in k.chunks(2) {
        if pstr::text(rt, pair[0]) == "start" {
            start = pair[1];
        }
    }
    if a.is_empty() {
        return Err(rt.type_error(format_args!("sum() takes at least 1 positional argument (0 given)")));
    }
    if pstr::is_str(start) {
        return Err(rt.type_error(format_args!("sum() can't sum strings [use ''.join(seq) instead]")));
    }
    if matches!(kind(start), Kind::Bytes | Kind::ByteArray) {
        let tn = ops::type_name(rt, start);
        return Err(rt.type_error(format_args!("sum() can't sum {tn} [use b''.join(seq) instead]")));
    }
    let it = ops::get_iter(rt, a[0])?;
    let mut acc = start;
    while let Some(x) = ops::next(rt, it)? {
        acc = ops::binary(rt, 0, acc, x)?;
    }
    Ok(acc)
}

fn b_sorted(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("sorted expected 1 argument, got {}", a.len())));
    }
    let l = ops::to_list(rt, a[0])?;
    let mut key = Value::NONE;
    let mut rev = false;
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "key" => key = pair[1],
            "reverse" => rev = ops::truthy(rt, pair[1])?,
            _ => {
                let n = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("'{n}' is an invalid keyword argument for sort()")));
            }
        }
    }
    list::sort(rt, l, key, rev)?;
    Ok(l)
}

fn b_reversed(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "reversed", a, 1)?;
    let x = a[0];
    let n = match kind(x) {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Range => ops::len(rt, x)?,
        Kind::Array => {
            let l = crate::objects::array::tolist(rt, x)?;
            return iter::new(rt, iter::Sub::Reversed, l, list::len(l) as isize, Value::NONE);
        }
        Kind::Dict | Kind::Iter if kind(x) == Kind::Dict || crate::objects::iter::is_view(x) => {
            let l = ops::to_list(rt, x)?;
            return iter::new(rt, iter::Sub::Reversed, l, list::len(l) as isize, Value::NONE);
        }
        Kind::Instance => {
            if let Some(r) = ops::call_special(rt, x, "__reversed__", &[])? {
                return Ok(r);
            }
            if crate::objects::instance::native(x).is_none() {
                // The sequence protocol: __len__ and __getitem__, from the end.
                if !(ops::has_special(rt, x, "__len__")? && ops::has_special(rt, x, "__getitem__")?) {
                    let tn = ops::type_name(rt, x);
                    return Err(rt.type_error(format_args!("'{tn}' object is not reversible")));
                }
                let n = ops::len(rt, x)?;
                let l = list::new(rt, 0)?;
                for i in (0..n).rev() {
                    let v = ops::getitem(rt, x, si(i))?;
                    list::append(rt, l, v)?;
                }
                return iter::new(rt, iter::Sub::Seq, l, 0, Value::NONE);
            }
            let l = ops::to_list(rt, x)?;
            return iter::new(rt, iter::Sub::Reversed, l, list::len(l) as isize, Value::NONE);
        }
        _ => {
            let tn = ops::type_name(rt, x);
            return Err(rt.type_error(format_args!("'{tn}' object is not reversible")));
        }
    };
    iter::new(rt, iter::Sub::Reversed, x, n, Value::NONE)
}

fn b_enumerate(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut start = 0;
    if a.is_empty() {
        return Err(rt.type_error(format_args!("enumerate() missing required argument 'iterable' (pos 1)")));
    }
    if a.len() > 1 {
        start = ops::to_index(rt, a[1])?;
    }
    for pair in k.chunks(2) {
        if pstr::text(rt, pair[0]) == "start" {
            start = ops::to_index(rt, pair[1])?;
        }
    }
    let it = ops::get_iter(rt, a[0])?;
    iter::new(rt, iter::Sub::Enumerate, it, start, Value::NONE)
}

fn iters(rt: &mut Rt, a: &[Value]) -> PResult<Value> {
    let t = tuple::new_uninit(rt, a.len())?;
    for (i, &x) in a.iter().enumerate() {
        let it = ops::get_iter(rt, x)?;
        tuple::set(t, i, it);
    }
    Ok(t)
}

fn b_zip(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut strict = false;
    for pair in k.chunks(2) {
        if pstr::text(rt, pair[0]) != "strict" {
            let n = pstr::text(rt, pair[0]);
            return Err(rt.type_error(format_args!("'{n}' is an invalid keyword argument for zip()")));
        }
        strict = ops::truthy(rt, pair[1])?;
    }
    let t = iters(rt, a)?;
    iter::new(rt, iter::Sub::Zip, t, 0, if strict { Value::TRUE } else { Value::NONE })
}

fn b_map(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("map() must have at least two arguments.")));
    }
    let t = iters(rt, &a[1..])?;
    iter::new(rt, iter::Sub::Map, t, 0, a[0])
}

fn b_filter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "filter", a, 2)?;
    let it = ops::get_iter(rt, a[1])?;
    iter::new(rt, iter::Sub::Filter, it, 0, a[0])
}

fn b_iter(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "iter", k)?;
    match a.len() {
        1 => ops::get_iter(rt, a[0]),
        2 => {
            if !is_callable(rt, a[0])? {
                return Err(rt.type_error(format_args!("iter(v, w): v must be callable")));
            }
            iter::new(rt, iter::Sub::Callable, a[0], 0, a[1])
        }
        n => Err(rt.type_error(format_args!("iter expected at most 2 arguments, got {n}"))),
    }
}

fn b_next(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!("next expected at least 1 argument, got {}", a.len())));
    }
    if kind(a[0]) == Kind::File {
        return match file::next_line(rt, a[0])? {
            Some(v) => Ok(v),
            None if a.len() > 1 => Ok(a[1]),
            None => Err(rt.stop_iteration()),
        };
    }
    if !matches!(kind(a[0]), Kind::Iter | Kind::Generator | Kind::Instance) || crate::objects::iter::is_view(a[0]) {
        let tn = ops::type_name(rt, a[0]);
        return Err(rt.type_error(format_args!("'{tn}' object is not an iterator")));
    }
    if kind(a[0]) == Kind::Generator {
        match crate::vm::interp::gen_resume(rt, a[0], Value::NONE, Value::from_bits(0))? {
            crate::vm::interp::Exit::Yield(v) => return Ok(v),
            crate::vm::interp::Exit::Return(r) => {
                if a.len() > 1 {
                    return Ok(a[1]);
                }
                return Err(if r == Value::NONE {
                    rt.stop_iteration()
                } else {
                    rt.error_args(&cls::STOP_ITERATION_CLASS, &[r])
                });
            }
        }
    }
    if kind(a[0]) == Kind::Instance {
        // The iterator's own StopIteration (with its value) propagates.
        return match ops::call_special(rt, a[0], "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let tn = ops::type_name(rt, a[0]);
                Err(rt.type_error(format_args!("'{tn}' object is not an iterator")))
            }
            Err(e)
                if a.len() > 1
                    && crate::objects::exception::is_exc(e)
                    && crate::objects::exception::matches(e, &cls::STOP_ITERATION_CLASS) =>
            {
                Ok(a[1])
            }
            Err(e) => Err(e),
        };
    }
    match ops::next(rt, a[0])? {
        Some(v) => Ok(v),
        None if a.len() > 1 => Ok(a[1]),
        None => Err(rt.stop_iteration()),
    }
}

fn b_hash(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "hash", a, 1)?;
    let h = ops::hash(rt, a[0])?;
    int::from_i64(rt, h as i64)
}

fn b_id(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "id", a, 1)?;
    int::from_u64(rt, a[0].bits() as u64)
}

fn b_chr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "chr", a, 1)?;
    if int::is_int(a[0]) && int::to_i64(a[0]).is_none_or(|i| i32::try_from(i).is_err()) {
        return Err(rt.overflow_error(format_args!("Python int too large to convert to C int")));
    }
    let i = ops::to_index(rt, a[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            pstr::new(rt, c.encode_utf8(&mut b).as_bytes())
        }
        None => Err(rt.value_error(format_args!("chr() arg not in range(0x110000)"))),
    }
}

fn b_ord(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "ord", a, 1)?;
    let x = a[0];
    let d = if kind(x) == Kind::ByteArray {
        Some(&*crate::objects::bytearray::data(x))
    } else {
        crate::objects::bytes::data(x)
    };
    if let Some(d) = d {
        if d.len() == 1 {
            return Ok(si(d[0] as isize));
        }
        return Err(rt.type_error(format_args!("ord() expected a character, but string of length {} found", d.len())));
    }
    if !pstr::is_str(x) {
        let tn = ops::type_name(rt, x);
        return Err(rt.type_error(format_args!("ord() expected string of length 1, but {tn} found")));
    }
    let t = pstr::text(rt, x);
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(si(c as isize)),
        _ => {
            let n = t.chars().count();
            Err(rt.type_error(format_args!("ord() expected a character, but string of length {n} found")))
        }
    }
}

fn radix(rt: &mut Rt, a: &[Value], base: u32, prefix: &[u8], name: &str) -> PResult<Value> {
    arity(rt, name, a, 1)?;
    let mut x = a[0];
    if kind(x) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, x, "__index__", &[])? {
            x = r;
        }
    }
    if !int::is_int(x) {
        let tn = ops::type_name(rt, x);
        return Err(rt.type_error(format_args!("'{tn}' object cannot be interpreted as an integer")));
    }
    let x = if x == Value::TRUE {
        si(1)
    } else if x == Value::FALSE {
        si(0)
    } else {
        x
    };
    let mut out = GcVec::<u8>::new();
    if int::is_neg(x) {
        out.push(b'-').or_mem(rt)?;
    }
    out.extend_from_slice(prefix).or_mem(rt)?;
    let m = int::abs(rt, x)?;
    int::to_str_radix(rt, m, base, &mut out)?;
    pstr::new(rt, &out)
}

fn b_hex(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    radix(rt, a, 16, b"0x", "hex")
}
fn b_oct(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    radix(rt, a, 8, b"0o", "oct")
}
fn b_bin(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    radix(rt, a, 2, b"0b", "bin")
}

fn b_divmod(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "divmod", a, 2)?;
    let (x, y) = (a[0], a[1]);
    let num = |v: Value| matches!(kind(v), Kind::SmallInt | Kind::BigInt | Kind::Bool | Kind::Float);
    if !(num(x) && num(y)) && kind(x) != Kind::Instance && kind(y) != Kind::Instance {
        let (ta, tb) = (ops::type_name(rt, x), ops::type_name(rt, y));
        return Err(rt.type_error(format_args!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'")));
    }
    if int::is_int(x) && int::is_int(y) && int::is_zero(y) {
        return Err(rt.zero_division(format_args!("integer division or modulo by zero")));
    }
    if kind(x) == Kind::Float || kind(y) == Kind::Float {
        let q = ops::binary(rt, 12, x, y).map_err(|e| {
            if crate::objects::exception::is_exc(e)
                && crate::objects::exception::matches(e, &cls::ZERO_DIVISION_ERROR_CLASS)
            {
                rt.zero_division(format_args!("float divmod()"))
            } else {
                e
            }
        })?;
        let r = ops::binary(rt, 5, x, y)?;
        return tuple::new(rt, &[q, r]);
    }
    let q = ops::binary(rt, 12, x, y)?;
    let r = ops::binary(rt, 5, x, y)?;
    tuple::new(rt, &[q, r])
}

fn b_pow(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() == 3 && a[2] != Value::NONE {
        let (x, e, m) = (a[0], a[1], a[2]);
        if !(int::is_int(x) && int::is_int(e) && int::is_int(m)) {
            return Err(rt.type_error(format_args!("pow() 3rd argument not allowed unless all arguments are integers")));
        }
        if int::is_zero(m) {
            return Err(rt.value_error(format_args!("pow() 3rd argument cannot be 0")));
        }
        if int::is_neg(e) {
            let inv = mod_inverse(rt, x, m)?;
            let e = int::neg(rt, e)?;
            return int::pow_mod(rt, inv, e, m);
        }
        return int::pow_mod(rt, x, e, m);
    }
    if a.len() < 2 {
        return Err(rt.type_error(format_args!("pow() missing required argument 'exp' (pos 2)")));
    }
    ops::binary(rt, 6, a[0], a[1])
}

fn b_round(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!("round() takes at most 2 arguments")));
    }
    let x = a[0];
    let nd = if a.len() > 1 && a[1] != Value::NONE { Some(ops::to_index(rt, a[1])?) } else { None };
    if int::is_int(x) {
        let x = if x == Value::TRUE {
            si(1)
        } else if x == Value::FALSE {
            si(0)
        } else {
            x
        };
        match nd {
            Some(n) if n < 0 => {
                let p = int::pow(rt, si(10), (-n) as u64)?;
                // Round half to even on the quotient.
                let (q, r) = int::divmod(rt, x, p)?;
                let twice = int::add(rt, r, r)?;
                let c = int::cmp(twice, p);
                let odd = int::bitop(rt, q, si(1), 0)? == si(1);
                let up = c == core::cmp::Ordering::Greater || (c == core::cmp::Ordering::Equal && odd);
                let q = if up { int::add(rt, q, si(1))? } else { q };
                return int::mul(rt, q, p);
            }
            _ => return Ok(x),
        }
    }
    if kind(x) != Kind::Float {
        if let Some(r) = ops::call_special(rt, x, "__round__", &a[1..])? {
            return Ok(r);
        }
        let tn = ops::type_name(rt, x);
        return Err(rt.type_error(format_args!("type {tn} doesn't define __round__ method")));
    }
    let f = float::get(x);
    match nd {
        None => {
            if f.is_nan() {
                return Err(rt.value_error(format_args!("cannot convert float NaN to integer")));
            }
            if f.is_infinite() {
                return Err(rt.overflow_error(format_args!("cannot convert float infinity to integer")));
            }
            let r = f.round_ties_even();
            int::from_f64(rt, r)
        }
        Some(n) => {
            if !f.is_finite() || n > 300 {
                return Ok(x);
            }
            // Correct rounding via the shortest-repr decimal text of the scaled value.
            use core::fmt::Write;
            let mut b = crate::objects::float::StackBuf::<400>::new();
            if n >= 0 {
                let _ = write!(b, "{:.*}", n as usize, f);
                let t = core::str::from_utf8(b.as_bytes()).unwrap_or("0");
                float::new(rt, t.parse::<f64>().unwrap_or(f))
            } else {
                let p = 10f64.powi((-n) as i32);
                float::new(rt, (f / p).round_ties_even() * p)
            }
        }
    }
}

fn b_all(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "all", a, 1)?;
    let it = ops::get_iter(rt, a[0])?;
    while let Some(x) = ops::next(rt, it)? {
        if !ops::truthy(rt, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn b_any(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "any", a, 1)?;
    let it = ops::get_iter(rt, a[0])?;
    while let Some(x) = ops::next(rt, it)? {
        if ops::truthy(rt, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_callable(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "callable", a, 1)?;
    let r = is_callable(rt, a[0])?;
    Ok(if r { Value::TRUE } else { Value::FALSE })
}

fn attr_name(rt: &mut Rt, v: Value) -> PResult<crate::qstr::Qstr> {
    if let Some(q) = v.as_qstr() {
        return Ok(q);
    }
    if !pstr::is_str(v) {
        let tn = ops::type_name(rt, v);
        return Err(rt.type_error(format_args!("attribute name must be string, not '{tn}'")));
    }
    let mut tmp = GcVec::<u8>::new();
    tmp.extend_from_slice(pstr::bytes_of(rt, v).unwrap_or(b"")).or_mem(rt)?;
    rt.intern(&tmp)
}

fn b_getattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(rt.type_error(format_args!("getattr expected at least 2 arguments, got {}", a.len())));
    }
    let q = attr_name(rt, a[1])?;
    if a.len() == 3 {
        return match super::attr::try_getattr(rt, a[0], q) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(a[2]),
            Err(e)
                if crate::objects::exception::is_exc(e)
                    && crate::objects::exception::matches(e, &cls::ATTRIBUTE_ERROR_CLASS) =>
            {
                Ok(a[2])
            }
            Err(e) => Err(e),
        };
    }
    ops::getattr(rt, a[0], q)
}

fn b_setattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "setattr", a, 3)?;
    let q = attr_name(rt, a[1])?;
    ops::setattr(rt, a[0], q, a[2])?;
    Ok(Value::NONE)
}

fn b_hasattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "hasattr", a, 2)?;
    let q = attr_name(rt, a[1])?;
    Ok(if ops::has_attr(rt, a[0], q)? { Value::TRUE } else { Value::FALSE })
}

fn b_delattr(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "delattr", a, 2)?;
    let q = attr_name(rt, a[1])?;
    ops::delattr(rt, a[0], q)?;
    Ok(Value::NONE)
}

fn b_format(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!("format expected at most 2 arguments, got {}", a.len())));
    }
    let spec = a.get(1).copied().unwrap_or(Value::qstr(crate::qstr::q::EMPTY));
    if !pstr::is_str(spec) {
        let tn = ops::type_name(rt, spec);
        return Err(rt.type_error(format_args!("format() argument 2 must be str, not {tn}")));
    }
    if kind(a[0]) == Kind::Instance {
        if let Some(r) = ops::call_special(rt, a[0], "__format__", &[spec])? {
            if !pstr::is_str(r) {
                let tn = ops::type_name(rt, r);
                return Err(rt.type_error(format_args!("__format__ must return a str, not {tn}")));
            }
            return Ok(r);
        }
    }
    ops::format(rt, a[0], spec)
}

fn b_globals(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    if rt.frame != Value::NONE {
        return Ok(crate::objects::frame::globals(rt.frame));
    }
    Ok(rt.st.runtime[super::SLOT_MAIN])
}

/// `locals()`: the namespace dict of a module or class body, or a snapshot
/// of a function's bound local variables.
fn b_locals(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    let fr = rt.frame;
    if fr == Value::NONE {
        return Ok(rt.st.runtime[super::SLOT_MAIN]);
    }
    let ns = crate::objects::frame::locals(fr);
    if dict::is_dict(ns) {
        return Ok(ns);
    }
    let d = dict::new(rt)?;
    let code = crate::obj::Code::from_value(crate::objects::frame::code(fr)).expect("frame code");
    let n = code.header().n_locals as usize;
    for i in 0..n {
        let name = code.varnames()[i];
        let mut v = crate::objects::frame::slots(fr)[i];
        let is_cell = code.cells().contains(&(i as u32)) || i >= n - code.header().n_free as usize;
        if is_cell && kind(v) == Kind::Cell {
            v = crate::objects::cell::get(v);
        }
        if v != crate::objects::cell::UNBOUND {
            dict::set(rt, d, name, v)?;
        }
    }
    Ok(d)
}

/// Compiles `src` (a str) for exec/eval; a syntax error becomes SyntaxError.
fn compile_src(rt: &mut Rt, src: Value, mode: crate::Mode, fname: &str) -> PResult<Value> {
    if kind(src) == Kind::Code {
        return Ok(src);
    }
    let mut text = GcVec::<u8>::new();
    if let Some(b) = pstr::bytes_of(rt, src) {
        text.extend_from_slice(b).or_mem(rt)?;
    } else if let Some(b) = crate::objects::bytes::data(src) {
        text.extend_from_slice(b).or_mem(rt)?;
    } else {
        return Err(rt.type_error(format_args!("{fname}() arg 1 must be a string, bytes or code object")));
    }
    // eval ignores leading blanks, as CPython does.
    let k = match mode {
        crate::Mode::Eval => text.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(text.len()),
        _ => 0,
    };
    let file = crate::qstr::q::string;
    match crate::compile::compile_with(&mut rt.st.qstr, &text[k..], file, mode) {
        Ok(code) => Ok(code),
        Err(e) => Err(super::compile_error(rt, &e, "<string>")),
    }
}

/// exec/eval: run `code` with the given globals and locals (defaults: the caller's).
fn run_code(rt: &mut Rt, a: &[Value], mode: crate::Mode, fname: &str) -> PResult<Value> {
    if a.is_empty() || a.len() > 3 {
        return Err(rt.type_error(format_args!("{fname} expected from 1 to 3 arguments, got {}", a.len())));
    }
    let code = compile_src(rt, a[0], mode, fname)?;
    let g = match a.get(1) {
        Some(&g) if g != Value::NONE => {
            if !dict::is_dict(g) {
                let tn = ops::type_name(rt, g);
                return Err(if fname == "eval" {
                    rt.type_error(format_args!("globals must be a real dict; try eval(expr, {{}}, mapping)"))
                } else {
                    rt.type_error(format_args!("{fname}() globals must be a dict, not {tn}"))
                });
            }
            g
        }
        _ => b_globals(rt, &[], &[])?,
    };
    let l = match a.get(2) {
        Some(&l) if l != Value::NONE => l,
        _ if a.len() > 1 && a[1] != Value::NONE => g,
        _ => b_locals(rt, &[], &[])?,
    };
    let f = crate::objects::function::new(rt, code, g, Value::NONE, Value::NONE, Value::NONE)?;
    crate::vm::interp::call_function(rt, f, &[], &[], l)
}

fn b_exec(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    run_code(rt, a, crate::Mode::Exec, "exec")?;
    Ok(Value::NONE)
}

fn b_eval(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    run_code(rt, a, crate::Mode::Eval, "eval")
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`: a code object for exec/eval. Source is str or bytes;
/// mode is 'exec', 'eval' or 'single'.
fn b_compile(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let mut v = [Value::NONE; 6];
    bind(rt, "compile", a, k, &names, &mut v, 3)?;
    let mode = match pstr::bytes_of(rt, v[2]) {
        Some(b"exec") => crate::Mode::Exec,
        Some(b"eval") => crate::Mode::Eval,
        Some(b"single") => crate::Mode::Single,
        Some(_) => return Err(rt.value_error(format_args!("compile() mode must be 'exec', 'eval' or 'single'"))),
        None => {
            let tn = ops::type_name(rt, v[2]);
            return Err(rt.type_error(format_args!("compile() argument 'mode' must be str, not {tn}")));
        }
    };
    if kind(v[0]) == Kind::Code {
        return Ok(v[0]);
    }
    let mut text = GcVec::<u8>::new();
    if let Some(b) = pstr::bytes_of(rt, v[0]) {
        text.extend_from_slice(b).or_mem(rt)?;
    } else if let Some(b) = crate::objects::bytes::data(v[0]) {
        text.extend_from_slice(b).or_mem(rt)?;
    } else {
        let tn = ops::type_name(rt, v[0]);
        return Err(rt.type_error(format_args!("compile() arg 1 must be a string, bytes or AST object, not {tn}")));
    }
    if text.contains(&0) {
        return Err(rt.error(&cls::SYNTAX_ERROR_CLASS, format_args!("source code string cannot contain null bytes")));
    }
    let mut fname = GcVec::<u8>::new();
    match pstr::bytes_of(rt, v[1]) {
        Some(b) => fname.extend_from_slice(b).or_mem(rt)?,
        None => {
            let tn = ops::type_name(rt, v[1]);
            return Err(rt.type_error(format_args!(
                "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
            )));
        }
    }
    let fq = rt.intern(&fname)?;
    match crate::compile::compile_with(&mut rt.st.qstr, &text, fq, mode) {
        Ok(code) => Ok(code),
        Err(e) => {
            let f = rt.st.qstr.str(fq);
            Err(super::compile_error(rt, &e, f))
        }
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn b_import(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let mut v = [Value::NONE, Value::NONE, Value::NONE, Value::NONE, si(0)];
    bind(rt, "__import__", a, k, &names, &mut v, 1)?;
    if !pstr::is_str(v[0]) {
        return Err(rt.type_error(format_args!("module name must be a string")));
    }
    let level = ops::to_index(rt, v[4])?;
    if level < 0 {
        return Err(rt.value_error(format_args!("level must be >= 0")));
    }
    let mut n = GcVec::<u8>::new();
    n.extend_from_slice(pstr::bytes_of(rt, v[0]).unwrap_or(b"")).or_mem(rt)?;
    if n.is_empty() && level == 0 {
        return Err(rt.value_error(format_args!("Empty module name")));
    }
    let q = rt.intern(&n)?;
    let fromlist = if v[3] != Value::NONE && !ops::truthy(rt, v[3])? { Value::NONE } else { v[3] };
    super::import::import_name(rt, q, fromlist, level, v[1])
}

/// Adds the str keys of dict `d` to the set-like dict `acc`.
fn add_keys(rt: &mut Rt, acc: Value, d: Value) -> PResult<()> {
    if !dict::is_dict(d) {
        return Ok(());
    }
    let mut i = 0;
    while i < dict::fill(d) {
        if let Some((key, _)) = dict::entry_at(d, i) {
            if pstr::is_str(key) {
                dict::set(rt, acc, key, Value::NONE)?;
            }
        }
        i += 1;
    }
    Ok(())
}

/// `dir()`: the sorted names of the current scope; `dir(obj)`: of the
/// object's own namespace and its class's (for a class: along its mro).
fn b_dir(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "dir", k)?;
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("dir expected at most 1 argument, got {}", a.len())));
    }
    let acc = dict::new(rt)?;
    match a.first() {
        None => {
            let l = b_locals(rt, &[], &[])?;
            add_keys(rt, acc, l)?;
        }
        Some(&o) => {
            if let Some(r) = ops::call_special(rt, o, "__dir__", &[])? {
                let l = ops::to_list(rt, r)?;
                list::sort(rt, l, Value::NONE, false)?;
                return Ok(l);
            }
            let own = match kind(o) {
                Kind::Module => crate::objects::module::parts(o).1,
                Kind::Instance => crate::objects::instance::parts(o).1,
                Kind::Exception => crate::objects::exception::dict(o),
                _ => Value::NONE,
            };
            add_keys(rt, acc, own)?;
            if kind(o) != Kind::Module {
                let c = if cls::is_class(o) { o } else { ops::type_of(rt, o) };
                for i in 0..cls::mro_len(c) {
                    let ci = cls::mro_item(c, i);
                    let co = cls::get(ci);
                    if co.dict.is_ptr() {
                        add_keys(rt, acc, co.dict)?;
                    } else {
                        for m in co.methods {
                            let q = rt.intern(m.name.as_bytes())?;
                            dict::set(rt, acc, Value::qstr(q), Value::NONE)?;
                        }
                    }
                }
            }
        }
    }
    let l = list::new(rt, 0)?;
    list::extend(rt, l, acc)?;
    list::sort(rt, l, Value::NONE, false)?;
    Ok(l)
}

/// What `callable()` answers.
fn is_callable(rt: &mut Rt, v: Value) -> PResult<bool> {
    Ok(match kind(v) {
        Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Class | Kind::StaticMethod => true,
        Kind::Instance => ops::has_special(rt, v, "__call__")?,
        _ => false,
    })
}

/// The inverse of `x` modulo `m` (extended Euclid), for `pow(x, -e, m)`.
fn mod_inverse(rt: &mut Rt, x: Value, m: Value) -> PResult<Value> {
    let x = if x == Value::TRUE {
        si(1)
    } else if x == Value::FALSE {
        si(0)
    } else {
        x
    };
    let m = if m == Value::TRUE { si(1) } else { m };
    let ma = int::abs(rt, m)?;
    let mut a = int::modulo(rt, x, ma)?;
    let mut b = ma;
    let (mut x0, mut x1) = (si(1), si(0));
    while !int::is_zero(b) {
        let (q, r) = int::divmod(rt, a, b)?;
        a = b;
        b = r;
        let t = int::mul(rt, q, x1)?;
        let nx = int::sub(rt, x0, t)?;
        x0 = x1;
        x1 = nx;
    }
    if int::cmp(a, si(1)) != core::cmp::Ordering::Equal && int::cmp(ma, si(1)) != core::cmp::Ordering::Equal {
        return Err(rt.value_error(format_args!("base is not invertible for the given modulus")));
    }
    int::modulo(rt, x0, ma)
}

/// `ascii(obj)`: repr with every non-ASCII character escaped.
fn b_ascii(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "ascii", a, 1)?;
    let r = ops::repr(rt, a[0])?;
    let mut src = GcVec::<u8>::new();
    src.extend_from_slice(pstr::bytes_of(rt, r).unwrap_or(b"")).or_mem(rt)?;
    if pstr::is_ascii(&src) {
        return Ok(r);
    }
    let mut out = GcVec::<u8>::new();
    let text = core::str::from_utf8(&src).unwrap_or("");
    for ch in text.chars() {
        let c = ch as u32;
        let mut b = crate::objects::float::StackBuf::<16>::new();
        use core::fmt::Write;
        let _ = match c {
            0..=0x7f => write!(b, "{ch}"),
            0x80..=0xff => write!(b, "\\x{c:02x}"),
            0x100..=0xffff => write!(b, "\\u{c:04x}"),
            _ => write!(b, "\\U{c:08x}"),
        };
        out.extend_from_slice(b.as_bytes()).or_mem(rt)?;
    }
    pstr::new(rt, &out)
}

/// `vars()`: locals(); `vars(obj)`: the object's `__dict__`.
fn b_vars(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    no_kw(rt, "vars", k)?;
    match a {
        [] => b_locals(rt, &[], &[]),
        [o] => {
            let d = match kind(*o) {
                Kind::Module => crate::objects::module::parts(*o).1,
                Kind::Instance => crate::objects::instance::parts(*o).1,
                Kind::Class if cls::get(*o).dict.is_ptr() => cls::get(*o).dict,
                _ => Value::NONE,
            };
            if dict::is_dict(d) {
                return Ok(d);
            }
            if kind(*o) == Kind::Instance {
                return dict::new(rt);
            }
            Err(rt.type_error(format_args!("vars() argument must have __dict__ attribute")))
        }
        _ => Err(rt.type_error(format_args!("vars expected at most 1 argument, got {}", a.len()))),
    }
}

/// `exit([code])` and `quit([code])`: raise SystemExit, as CPython's do.
fn b_exit(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let code = a.first().copied().unwrap_or(Value::NONE);
    Err(rt.error_args(&cls::SYSTEM_EXIT_CLASS, &[code]))
}
