//! `import`: resolving a (possibly dotted, possibly relative) module name,
//! then finding it as a built-in module (`crate::modules`), as `NAME.py` or
//! as a package `NAME/__init__.py` in the directories of `sys.path` (or of
//! the parent package's `__path__`), compiling and running it in a new
//! module namespace. Modules are cached in `sys.modules` (root slot
//! `SLOT_MODULES`) before their body runs, as CPython does, and removed again
//! if the body raises.
//!
//! Invariant: file names and source text are built in GC vectors, never in
//! Rust `String`s (running Python code makes no Rust allocation).

use crate::objects::class as cls;
use crate::objects::{dict, kind, list, module, str as pstr, Kind, OrMem};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PResult, Rt, SLOT_MODULES, SLOT_PATH};
use upy_heap::GcVec;

/// `IMPORT_NAME`: imports `name` (relative to the package of `globals` when
/// `level` > 0) and returns what the statement binds: the top-level package
/// for `import a.b`, the named module itself when there is a from-list or a
/// relative level.
pub fn import_name(rt: &mut Rt, name: Qstr, fromlist: Value, level: isize, globals: Value) -> PResult<Value> {
    let mut full = GcVec::<u8>::new();
    if level > 0 {
        resolve_relative(rt, name, level, globals, &mut full)?;
    } else {
        full.extend_from_slice(rt.st.qstr.get(name)).or_mem(rt)?;
        if full.is_empty() {
            return Err(rt.value_error(format_args!("Empty module name")));
        }
    }
    // Import every prefix: a, a.b, a.b.c.
    let mut top = Value::NONE;
    let mut m = Value::NONE;
    let mut i = 0;
    while i <= full.len() {
        if i == full.len() || full[i] == b'.' {
            let parent = m;
            m = import_one(rt, &full, i, parent)?;
            if top == Value::NONE {
                top = m;
            }
        }
        i += 1;
    }
    let has_from = fromlist != Value::NONE
        && !(crate::objects::tuple::is_tuple(fromlist) && crate::objects::tuple::len(fromlist) == 0);
    if has_from || level > 0 {
        Ok(m)
    } else {
        Ok(top)
    }
}

/// `IMPORT_FROM` fallback: `from pkg import sub` where `sub` is a submodule
/// not yet imported. Returns None when `m` is not a package or has no such
/// submodule.
pub fn import_submodule(rt: &mut Rt, m: Value, attr: Qstr) -> PResult<Option<Value>> {
    if kind(m) != Kind::Module {
        return Ok(None);
    }
    let d = module::parts(m).1;
    if dict::get_qstr(rt, d, q::__path__)?.is_none() {
        return Ok(None);
    }
    let mn = module::parts(m).0;
    let mut full = GcVec::<u8>::new();
    full.extend_from_slice(pstr::bytes_of(rt, mn).unwrap_or(b"")).or_mem(rt)?;
    full.push(b'.').or_mem(rt)?;
    full.extend_from_slice(rt.st.qstr.get(attr)).or_mem(rt)?;
    match import_one(rt, &full, full.len(), m) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_not_found(e) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_not_found(e: Value) -> bool {
    crate::objects::exception::is_exc(e) && crate::objects::exception::matches(e, &cls::MODULE_NOT_FOUND_ERROR_CLASS)
}

/// The absolute name for `from .name import ...` at `level` dots.
fn resolve_relative(rt: &mut Rt, name: Qstr, level: isize, globals: Value, out: &mut GcVec<u8>) -> PResult<()> {
    let no_parent = |rt: &Rt| {
        rt.error(&cls::IMPORT_ERROR_CLASS, format_args!("attempted relative import with no known parent package"))
    };
    let gname = if dict::is_dict(globals) { dict::get_qstr(rt, globals, q::__name__)? } else { None };
    let Some(gname) = gname.filter(|v| pstr::is_str(*v)) else { return Err(no_parent(rt)) };
    let is_pkg = dict::get_qstr(rt, globals, q::__path__)?.is_some();
    let mut pkg: &[u8] = pstr::bytes_of(rt, gname).unwrap_or(b"");
    if !is_pkg {
        pkg = match pkg.iter().rposition(|&b| b == b'.') {
            Some(k) => &pkg[..k],
            None => b"",
        };
    }
    if pkg.is_empty() || pkg == b"__main__" {
        return Err(no_parent(rt));
    }
    for _ in 1..level {
        match pkg.iter().rposition(|&b| b == b'.') {
            Some(k) => pkg = &pkg[..k],
            None => {
                return Err(rt.error(
                    &cls::IMPORT_ERROR_CLASS,
                    format_args!("attempted relative import beyond top-level package"),
                ))
            }
        }
    }
    out.extend_from_slice(pkg).or_mem(rt)?;
    if !rt.st.qstr.get(name).is_empty() {
        out.push(b'.').or_mem(rt)?;
        let n = rt.st.qstr.get(name);
        out.extend_from_slice(n).or_mem(rt)?;
    }
    Ok(())
}

/// Imports `full[..end]`, whose parent package (already imported) is
/// `parent` (NONE for a top-level name), binding it as an attribute of the
/// parent.
fn import_one(rt: &mut Rt, full: &[u8], end: usize, parent: Value) -> PResult<Value> {
    let qn = rt.intern(&full[..end])?;
    let cache = rt.st.runtime[SLOT_MODULES];
    if let Some(m) = dict::get_qstr(rt, cache, qn)? {
        return Ok(m);
    }
    let m = if parent == Value::NONE {
        if let Some(def) = crate::modules::find(&full[..end]) {
            let m = module::new(rt, qn)?;
            let d = module::parts(m).1;
            (def.init)(rt, d)?;
            dict::set(rt, cache, Value::qstr(qn), m)?;
            return Ok(m);
        }
        let path = rt.st.runtime[SLOT_PATH];
        find_and_load(rt, qn, &full[..end], path)?
    } else {
        let pd = module::parts(parent).1;
        let path = dict::get_qstr(rt, pd, q::__path__)?.unwrap_or(Value::NONE);
        let m = find_and_load(rt, qn, &full[..end], path)?;
        let short = match full[..end].iter().rposition(|&b| b == b'.') {
            Some(k) => &full[k + 1..end],
            None => &full[..end],
        };
        let sq = rt.intern(short)?;
        dict::set(rt, pd, Value::qstr(sq), m)?;
        m
    };
    Ok(m)
}

/// Searches the directories of the list `path` for the last component of
/// `name` and loads it.
fn find_and_load(rt: &mut Rt, qn: Qstr, name: &[u8], path: Value) -> PResult<Value> {
    let short_start = name.iter().rposition(|&b| b == b'.').map(|k| k + 1).unwrap_or(0);
    let n = if list::is_list(path) { list::len(path) } else { 0 };
    for i in 0..n {
        let dir = list::items(path)[i];
        let Some(dir) = pstr::bytes_of(rt, dir) else { continue };
        let mut base = GcVec::<u8>::new();
        base.extend_from_slice(dir).or_mem(rt)?;
        if !base.is_empty() && !base.ends_with(b"/") {
            base.push(b'/').or_mem(rt)?;
        }
        base.extend_from_slice(&name[short_start..]).or_mem(rt)?;
        // A package directory first, then a module file, as CPython does.
        let mut init = GcVec::<u8>::new();
        init.extend_from_slice(&base).or_mem(rt)?;
        init.extend_from_slice(b"/__init__.py").or_mem(rt)?;
        if let Some(src) = read_file(rt, &init)? {
            return load(rt, qn, &init, &src, Some(&base));
        }
        base.extend_from_slice(b".py").or_mem(rt)?;
        if let Some(src) = read_file(rt, &base)? {
            return load(rt, qn, &base, &src, None);
        }
    }
    let n = rt.st.qstr.str(qn);
    Err(rt.error(&cls::MODULE_NOT_FOUND_ERROR_CLASS, format_args!("No module named '{n}'")))
}

/// Reads a whole file into a GC vector; None if it does not exist or is a
/// directory.
pub fn read_file(rt: &Rt, path: &[u8]) -> PResult<Option<GcVec<u8>>> {
    use std::io::Read;
    use std::os::unix::ffi::OsStrExt;
    let p = std::path::Path::new(std::ffi::OsStr::from_bytes(path));
    let Ok(mut f) = std::fs::File::open(p) else { return Ok(None) };
    let mut out = GcVec::<u8>::new();
    let mut buf = [0u8; 4096];
    loop {
        match f.read(&mut buf) {
            Ok(0) => return Ok(Some(out)),
            Ok(k) => out.extend_from_slice(&buf[..k]).or_mem(rt)?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Ok(None),
        }
    }
}

/// Compiles and runs a module's source in a new module object named `qn`.
fn load(rt: &mut Rt, qn: Qstr, file: &[u8], src: &[u8], pkg_dir: Option<&[u8]>) -> PResult<Value> {
    let fq = rt.intern(file)?;
    let code = match crate::compile::compile_with(&mut rt.st.qstr, src, fq, crate::Mode::Exec) {
        Ok(c) => c,
        Err(e) => return Err(crate::vm::compile_error(rt, &e, rt.st.qstr.str(fq))),
    };
    let m = module::new(rt, qn)?;
    let g = module::parts(m).1;
    let fv = pstr::new(rt, file)?;
    dict::set(rt, g, Value::qstr(q::__file__), fv)?;
    if let Some(dir) = pkg_dir {
        let dv = pstr::new(rt, dir)?;
        let l = list::from_slice(rt, &[dv])?;
        dict::set(rt, g, Value::qstr(q::__path__), l)?;
    }
    let cache = rt.st.runtime[SLOT_MODULES];
    dict::set(rt, cache, Value::qstr(qn), m)?;
    let f = crate::objects::function::new(rt, code, g, Value::NONE, Value::NONE, Value::NONE)?;
    if let Err(e) = crate::vm::interp::call_function(rt, f, &[], &[], g) {
        let cache = rt.st.runtime[SLOT_MODULES];
        dict::remove(rt, cache, Value::qstr(qn))?;
        return Err(e);
    }
    Ok(m)
}
