//! Argument binding: built-ins' simple keyword parsing, and the full binding
//! of a call's positional and keyword arguments to a Python function's
//! parameters (defaults, `*args`, `**kwargs`, keyword-only and
//! positional-only), with CPython's error messages.

// Index loops here walk parallel arrays (limbs, slots) by position.
#![allow(clippy::needless_range_loop)]

use crate::obj::{flags, Code};
use crate::objects::cell::UNBOUND;
use crate::objects::{dict, function, str as pstr, tuple};
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{PResult, Rt};

/// Parses a built-in's arguments into `out` by position then keyword name;
/// unfilled slots stay NONE. `required` leading names must be given.
pub fn parse(
    rt: &mut Rt,
    fname: &str,
    a: &[Value],
    k: &[Value],
    names: &[&str],
    required: usize,
    out: &mut [Value],
) -> PResult<()> {
    if a.len() > names.len() {
        return Err(rt.type_error(format_args!(
            "{fname}() takes at most {} arguments ({} given)",
            names.len() - 1,
            a.len() - 1
        )));
    }
    out[..a.len()].copy_from_slice(a);
    let mut given = [false; 8];
    for g in given.iter_mut().take(a.len()) {
        *g = true;
    }
    for pair in k.chunks(2) {
        let key = pstr::text(rt, pair[0]);
        match names.iter().position(|n| *n == key) {
            Some(i) => {
                if given[i] {
                    return Err(rt.type_error(format_args!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i
                    )));
                }
                out[i] = pair[1];
                given[i] = true;
            }
            None => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("{fname}() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    for i in 0..required {
        if !given[i] {
            return Err(rt.type_error(format_args!("{fname}() missing required argument '{}' (pos {})", names[i], i)));
        }
    }
    Ok(())
}

fn qname<'a>(rt: &'a Rt, c: Code) -> &'a str {
    rt.st.qstr.str(Qstr(c.header().qualname))
}

fn slot_name<'a>(rt: &'a Rt, c: Code, i: usize) -> &'a str {
    match c.varnames().get(i).and_then(|v| v.as_qstr()) {
        Some(q) => rt.st.qstr.str(q),
        None => "?",
    }
}

/// Lists the missing names CPython-style: 'a', 'a' and 'b', 'a', 'b' and 'c'.
fn missing(rt: &mut Rt, c: Code, slots: &[usize], kind: &str) -> Value {
    let mut buf = upy_heap::GcVec::<u8>::new();
    let n = slots.len();
    for (j, &s) in slots.iter().enumerate() {
        let name = slot_name(rt, c, s);
        let _ = buf.extend_from_slice(b"'");
        let _ = buf.extend_from_slice(name.as_bytes());
        let _ = buf.extend_from_slice(b"'");
        if j + 2 < n {
            let _ = buf.extend_from_slice(b", ");
        } else if j + 2 == n {
            let _ = buf.extend_from_slice(if n > 2 { b", and " } else { b" and " });
        }
    }
    let list = core::str::from_utf8(&buf).unwrap_or("");
    let q = qname(rt, c);
    rt.type_error(format_args!("{q}() missing {n} required {kind} argument{}: {list}", if n == 1 { "" } else { "s" }))
}

/// Binds `args` and keyword pairs `kw` into the local slots `loc` of a new
/// frame for `func` (slots start UNBOUND), then makes the cells and fills the
/// free variables from the closure.
pub fn bind(rt: &mut Rt, func: Value, args: &[Value], kw: &[Value], loc: &mut [Value]) -> PResult<()> {
    let c = function::code(func);
    let f = function::get(func);
    let h = c.header();
    let argc = h.argcount as usize;
    let kwonly = h.kwonly as usize;
    let posonly = h.posonly as usize;
    let has_var = h.flags & flags::VARARGS != 0;
    let has_kw = h.flags & flags::VARKEYWORDS != 0;
    let nparams = argc + kwonly;
    let var_slot = nparams;
    let kw_slot = nparams + has_var as usize;

    // Positional.
    let npos = args.len().min(argc);
    loc[..npos].copy_from_slice(&args[..npos]);
    if args.len() > argc {
        if has_var {
            let t = tuple::new(rt, &args[argc..])?;
            loc[var_slot] = t;
        } else {
            let ndef = if f.defaults.is_ptr() { tuple::len(f.defaults) } else { 0 };
            let q = qname(rt, c);
            let given = args.len();
            let kwgiven = kw.len() / 2;
            let takes = if ndef > 0 { rt_fmt_range(argc - ndef, argc) } else { rt_fmt_num(argc) };
            let ts = core::str::from_utf8(&takes.0[..takes.1]).unwrap_or("");
            let e = if kwgiven > 0 {
                rt.type_error(format_args!(
                    "{q}() takes {ts} positional argument{} but {given} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                    if argc == 1 && ndef == 0 { "" } else { "s" },
                    if given == 1 { "" } else { "s" },
                    if kwgiven == 1 { "" } else { "s" }
                ))
            } else {
                rt.type_error(format_args!(
                    "{q}() takes {ts} positional argument{} but {given} {} given",
                    if argc == 1 && ndef == 0 { "" } else { "s" },
                    if given == 1 { "was" } else { "were" }
                ))
            };
            return Err(e);
        }
    } else if has_var {
        loc[var_slot] = tuple::empty();
    }
    let kwdict = if has_kw {
        let d = dict::new(rt)?;
        loc[kw_slot] = d;
        d
    } else {
        Value::NONE
    };

    // Keywords.
    for pair in kw.chunks(2) {
        let key = pair[0];
        let kb = pstr::bytes_of(rt, key).unwrap_or(b"");
        let mut found = None;
        for i in posonly..nparams {
            if let Some(q) = c.varnames()[i].as_qstr() {
                if rt.st.qstr.get(q) == kb {
                    found = Some(i);
                    break;
                }
            }
        }
        match found {
            Some(i) => {
                if loc[i] != UNBOUND {
                    let q = qname(rt, c);
                    let name = pstr::text(rt, key);
                    return Err(rt.type_error(format_args!("{q}() got multiple values for argument '{name}'")));
                }
                loc[i] = pair[1];
            }
            None => {
                if has_kw {
                    dict::set(rt, kwdict, key, pair[1])?;
                } else {
                    let is_posonly =
                        (0..posonly).any(|i| c.varnames()[i].as_qstr().map(|q| rt.st.qstr.get(q)) == Some(kb));
                    if is_posonly {
                        let q = qname(rt, c);
                        let name = pstr::text(rt, key);
                        return Err(rt.type_error(format_args!(
                            "{q}() got some positional-only arguments passed as keyword arguments: '{name}'"
                        )));
                    }
                    let q = qname(rt, c);
                    let name = pstr::text(rt, key);
                    return Err(rt.type_error(format_args!("{q}() got an unexpected keyword argument '{name}'")));
                }
            }
        }
    }

    // Defaults and missing arguments.
    let ndef = if f.defaults.is_ptr() { tuple::len(f.defaults) } else { 0 };
    let mut miss = [0usize; 64];
    let mut nmiss = 0;
    for i in args.len().min(argc)..argc {
        if loc[i] == UNBOUND {
            if i + ndef >= argc {
                loc[i] = tuple::items(f.defaults)[i + ndef - argc];
            } else if nmiss < 64 {
                miss[nmiss] = i;
                nmiss += 1;
            }
        }
    }
    if nmiss > 0 {
        return Err(missing(rt, c, &miss[..nmiss], "positional"));
    }
    for i in argc..nparams {
        if loc[i] == UNBOUND {
            let mut d = None;
            if f.kwdefaults.is_ptr() {
                if let Some(q) = c.varnames()[i].as_qstr() {
                    d = dict::get_qstr(rt, f.kwdefaults, q)?;
                }
            }
            match d {
                Some(v) => loc[i] = v,
                None if nmiss < 64 => {
                    miss[nmiss] = i;
                    nmiss += 1;
                }
                None => {}
            }
        }
    }
    if nmiss > 0 {
        return Err(missing(rt, c, &miss[..nmiss], "keyword-only"));
    }
    make_cells(rt, func, c, loc)
}

/// Wraps the cell slots in cells and fills the free slots from the closure.
pub fn make_cells(rt: &mut Rt, func: Value, c: Code, loc: &mut [Value]) -> PResult<()> {
    for &s in c.cells() {
        let s = s as usize;
        let cell = crate::objects::cell::new(rt, loc[s])?;
        loc[s] = cell;
    }
    let nfree = c.header().n_free as usize;
    if nfree > 0 {
        let clo = function::get(func).closure;
        let n = loc.len();
        if clo.is_ptr() {
            let items = tuple::items(clo);
            for i in 0..nfree.min(items.len()) {
                loc[n - nfree + i] = items[i];
            }
        }
    }
    Ok(())
}

fn rt_fmt_num(n: usize) -> ([u8; 48], usize) {
    use core::fmt::Write;
    let mut b = crate::objects::float::StackBuf::<48>::new();
    let _ = write!(b, "{n}");
    (b.buf, b.len)
}

fn rt_fmt_range(a: usize, b: usize) -> ([u8; 48], usize) {
    use core::fmt::Write;
    let mut s = crate::objects::float::StackBuf::<48>::new();
    let _ = write!(s, "from {a} to {b}");
    (s.buf, s.len)
}
