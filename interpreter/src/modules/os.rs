//! `os` and its submodule `os.path` (POSIX only).
//!
//! `os`: getcwd, chdir, listdir, remove/unlink, rename, mkdir, makedirs,
//! rmdir, walk, stat,
//! getenv, environ (a dict snapshot taken at import), urandom, strerror,
//! getpid, the descriptor calls open/read/write/close with the O_* flags,
//! and the constants sep, name, curdir, pardir, extsep, linesep,
//! devnull. `os.path`: exists, isfile, isdir, islink, getsize, getmtime,
//! expanduser, relpath, commonprefix, normcase, splitdrive, join, split,
//! basename, dirname, splitext, isabs, normpath, abspath — the name
//! manipulations as CPython's posixpath does them. `os.path` is made with
//! `os` and entered in `sys.modules` as `"os.path"`, so `import os.path`
//! finds it.
//!
//! Memory rule: system calls go through `libc` with the path copied,
//! NUL-terminated, into a GC buffer (std's path APIs build `CString`s and
//! `PathBuf`s through Rust's allocator). A failing call raises OSError (or
//! the subclass for its errno) with CPython's text, `[Errno 2] No such file
//! or directory: 'x'`, and `errno`, `strerror` and `filename` attributes.

// The C types (time_t, off_t, ...) are 32 bits on i686 and 64 on x86-64:
// casts that are no-ops on one are needed on the other.
#![allow(clippy::unnecessary_cast, clippy::useless_conversion)]

use super::{structseq, ModuleDef};
use crate::objects::class::{self as cls};
use crate::objects::{bytes, dict, float, int, list, module, str as pstr, tuple, OrMem};
use crate::value::Value;
use crate::vm::{attr, ops, PResult, Rt, SLOT_MODULES};
use upy_heap::GcVec;

pub static DEF: ModuleDef = ModuleDef { name: "os", init };

crate::methods! { FNS:
    GETCWD = "getcwd", getcwd, Static;
    CHDIR = "chdir", chdir, Static;
    LISTDIR = "listdir", listdir, Static;
    REMOVE = "remove", remove, Static;
    UNLINK = "unlink", unlink, Static;
    RENAME = "rename", rename, Static;
    MKDIR = "mkdir", mkdir, Static;
    RMDIR = "rmdir", rmdir, Static;
    MAKEDIRS = "makedirs", makedirs, Static;
    WALK = "walk", walk, Static;
    STAT = "stat", stat, Static;
    GETENV = "getenv", getenv, Static;
    URANDOM = "urandom", urandom, Static;
    STRERROR = "strerror", strerror, Static;
    GETPID = "getpid", getpid, Static;
    OPEN = "open", fd_open, Static;
    READ = "read", fd_read, Static;
    WRITE = "write", fd_write, Static;
    CLOSE = "close", fd_close, Static;
}

crate::methods! { PATH_FNS:
    EXISTS = "exists", p_exists, Static;
    ISFILE = "isfile", p_isfile, Static;
    ISDIR = "isdir", p_isdir, Static;
    GETSIZE = "getsize", p_getsize, Static;
    JOIN = "join", p_join, Static;
    SPLIT = "split", p_split, Static;
    BASENAME = "basename", p_basename, Static;
    DIRNAME = "dirname", p_dirname, Static;
    SPLITEXT = "splitext", p_splitext, Static;
    ISABS = "isabs", p_isabs, Static;
    NORMPATH = "normpath", p_normpath, Static;
    ABSPATH = "abspath", p_abspath, Static;
    ISLINK = "islink", p_islink, Static;
    GETMTIME = "getmtime", p_getmtime, Static;
    EXPANDUSER = "expanduser", p_expanduser, Static;
    RELPATH = "relpath", p_relpath, Static;
    COMMONPREFIX = "commonprefix", p_commonprefix, Static;
    NORMCASE = "normcase", p_normcase, Static;
    SPLITDRIVE = "splitdrive", p_splitdrive, Static;
}

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    for (k, v) in [("sep", "/"), ("name", "posix"), ("curdir", "."), ("pardir", ".."), ("extsep", ".")] {
        let s = pstr::from_str(rt, v)?;
        super::set(rt, d, k, s)?;
    }
    for (k, v) in [("linesep", "\n"), ("devnull", "/dev/null")] {
        let s = pstr::from_str(rt, v)?;
        super::set(rt, d, k, s)?;
    }
    for (k, v) in [
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_CREAT", libc::O_CREAT),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_APPEND", libc::O_APPEND),
        ("O_EXCL", libc::O_EXCL),
    ] {
        super::set(rt, d, k, Value::small_int(v as isize).unwrap_or(Value::NONE))?;
    }
    let env = environ_dict(rt)?;
    super::set(rt, d, "environ", env)?;
    let sr = structseq::make_class(rt, "os", "stat_result", &STAT_FIELDS)?;
    super::set(rt, d, "stat_result", sr)?;

    let q = rt.intern(b"os.path")?;
    let p = module::new(rt, q)?;
    let pd = module::parts(p).1;
    super::add_fns(rt, pd, PATH_FNS)?;
    for (k, v) in [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("extsep", ".")] {
        let s = pstr::from_str(rt, v)?;
        super::set(rt, pd, k, s)?;
    }
    super::set(rt, pd, "altsep", Value::NONE)?;
    super::set(rt, d, "path", p)?;
    let mods = rt.st.runtime[SLOT_MODULES];
    dict::set(rt, mods, Value::qstr(q), p)
}

// ---- paths and errors ----

/// The bytes of a path argument (str or bytes), NUL-terminated in a GC
/// buffer for the C library.
fn cpath(rt: &mut Rt, fname: &str, v: Value) -> PResult<GcVec<u8>> {
    let v = super::plain(rt, v)?;
    let src = if pstr::is_str(v) { pstr::bytes_of(rt, v) } else { bytes::data(v) };
    let Some(src) = src else {
        let tn = ops::type_name(rt, v);
        return Err(rt.type_error(format_args!("{fname}: path should be string, bytes or os.PathLike, not {tn}")));
    };
    if src.contains(&0) {
        return Err(rt.value_error(format_args!("embedded null byte")));
    }
    let mut out = GcVec::with_capacity(src.len() + 1).or_mem(rt)?;
    out.extend_from_slice(src).or_mem(rt)?;
    out.push(0).or_mem(rt)?;
    Ok(out)
}

fn cptr(p: &GcVec<u8>) -> *const libc::c_char {
    p.as_slice().as_ptr() as *const libc::c_char
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// The OSError for `errno` about `f1` (and `f2`, for two-path calls), as
/// CPython makes it: `args == (errno, strerror)`, the subclass the errno
/// picks, `errno`/`strerror`/`filename`/`filename2` attributes.
pub fn os_error(rt: &mut Rt, errno: i32, f1: Value, f2: Value) -> Value {
    let e = crate::objects::oserror::from_errno(rt, errno, f1);
    if f2 != Value::NONE && crate::objects::exception::is_exc(e) {
        if let Ok(q) = rt.intern(b"filename2") {
            if let Err(err) = attr::setattr(rt, e, q, f2) {
                return err;
            }
        }
    }
    e
}

/// Ok, or the OSError of the last failed call about `f1`/`f2`.
fn check(rt: &mut Rt, rc: libc::c_int, f1: Value, f2: Value) -> PResult<Value> {
    if rc == 0 {
        Ok(Value::NONE)
    } else {
        Err(os_error(rt, last_errno(), f1, f2))
    }
}

fn arity(rt: &Rt, name: &str, a: &[Value], lo: usize, hi: usize) -> PResult<()> {
    if a.len() < lo || a.len() > hi {
        return Err(if lo == hi {
            rt.type_error(format_args!(
                "{name}() takes exactly {lo} argument{} ({} given)",
                if lo == 1 { "" } else { "s" },
                a.len()
            ))
        } else {
            rt.type_error(format_args!("{name}() takes from {lo} to {hi} arguments ({} given)", a.len()))
        });
    }
    Ok(())
}

/// A str (or bytes, for byte paths) from raw bytes.
fn text_like(rt: &Rt, b: &[u8], as_bytes: bool) -> PResult<Value> {
    if as_bytes {
        bytes::new(rt, b)
    } else if core::str::from_utf8(b).is_ok() {
        pstr::new(rt, b)
    } else {
        let lossy: GcVec<u8> = lossy_utf8(rt, b)?;
        pstr::new(rt, &lossy)
    }
}

fn lossy_utf8(rt: &Rt, b: &[u8]) -> PResult<GcVec<u8>> {
    let mut out = GcVec::new();
    for chunk in b.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes()).or_mem(rt)?;
        if !chunk.invalid().is_empty() {
            out.extend_from_slice("\u{fffd}".as_bytes()).or_mem(rt)?;
        }
    }
    Ok(out)
}

// ---- os ----

fn cwd_bytes(rt: &mut Rt) -> PResult<GcVec<u8>> {
    let mut buf: GcVec<u8> = GcVec::with_capacity(4096).or_mem(rt)?;
    buf.extend_from_slice(&[0u8; 4096]).or_mem(rt)?;
    // SAFETY: `buf` is a writable buffer of exactly the length passed.
    let p = unsafe { libc::getcwd(buf.as_mut_slice().as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if p.is_null() {
        return Err(os_error(rt, last_errno(), Value::NONE, Value::NONE));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf.truncate(n);
    Ok(buf)
}

fn getcwd(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "getcwd", a, 0, 0)?;
    let b = cwd_bytes(rt)?;
    text_like(rt, &b, false)
}

fn chdir(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "chdir", a, 1, 1)?;
    let p = cpath(rt, "chdir", a[0])?;
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let rc = unsafe { libc::chdir(cptr(&p)) };
    check(rt, rc, a[0], Value::NONE)
}

fn listdir(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "listdir", a, 0, 1)?;
    let arg = a.first().copied().unwrap_or(Value::NONE);
    let as_bytes = bytes::data(arg).is_some();
    let p = if arg == Value::NONE {
        let mut v = GcVec::new();
        v.extend_from_slice(b".\0").or_mem(rt)?;
        v
    } else {
        cpath(rt, "listdir", arg)?
    };
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let dir = unsafe { libc::opendir(cptr(&p)) };
    if dir.is_null() {
        let f = if arg == Value::NONE { pstr::from_str(rt, ".")? } else { arg };
        return Err(os_error(rt, last_errno(), f, Value::NONE));
    }
    let out = list::new(rt, 0);
    let r = (|| {
        let out = out?;
        loop {
            // SAFETY: `dir` is an open directory stream, used by this loop only.
            let ent = unsafe { libc::readdir(dir) };
            if ent.is_null() {
                return Ok(out);
            }
            // SAFETY: readdir returned a valid entry, alive until the next
            // readdir/closedir on `dir`; d_name is NUL-terminated.
            let name = unsafe { core::ffi::CStr::from_ptr((*ent).d_name.as_ptr()) }.to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let s = text_like(rt, name, as_bytes)?;
            list::append(rt, out, s)?;
        }
    })();
    // SAFETY: `dir` came from opendir and is closed exactly once.
    unsafe { libc::closedir(dir) };
    r
}

fn remove(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "remove", a, 1, 1)?;
    let p = cpath(rt, "remove", a[0])?;
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let rc = unsafe { libc::unlink(cptr(&p)) };
    check(rt, rc, a[0], Value::NONE)
}

fn unlink(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    remove(rt, a, k)
}

fn rename(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "rename", a, 2, 2)?;
    let p = cpath(rt, "rename", a[0])?;
    let q = cpath(rt, "rename", a[1])?;
    // SAFETY: both paths are NUL-terminated and alive for the call.
    let rc = unsafe { libc::rename(cptr(&p), cptr(&q)) };
    check(rt, rc, a[0], a[1])
}

fn mkdir(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "mkdir", a, 1, 2)?;
    let p = cpath(rt, "mkdir", a[0])?;
    let mode = if a.len() > 1 { ops::to_index(rt, a[1])? as libc::mode_t } else { 0o777 };
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let rc = unsafe { libc::mkdir(cptr(&p), mode) };
    check(rt, rc, a[0], Value::NONE)
}

/// mkdir of a NUL-terminated path; the errno on failure.
fn mkdir_raw(p: &GcVec<u8>, mode: libc::mode_t) -> Result<(), i32> {
    // SAFETY: `p` is NUL-terminated and alive for the call.
    if unsafe { libc::mkdir(cptr(p), mode) } == 0 {
        Ok(())
    } else {
        Err(last_errno())
    }
}

fn is_dir_path(p: &GcVec<u8>) -> bool {
    raw_stat(p).is_ok_and(|s| s.st_mode & libc::S_IFMT == libc::S_IFDIR)
}

/// `makedirs(name, mode=0o777, exist_ok=False)`: every missing directory
/// along the path, parents first.
fn makedirs(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE, Value::NONE, Value::FALSE];
    if a.is_empty() || a.len() > 3 {
        return Err(
            rt.type_error(format_args!("makedirs() takes from 1 to 3 positional arguments but {} were given", a.len()))
        );
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "mode" => v[1] = pair[1],
            "exist_ok" => v[2] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("makedirs() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let mode = if v[1] == Value::NONE { 0o777 } else { ops::to_index(rt, v[1])? as libc::mode_t };
    let exist_ok = ops::truthy(rt, v[2])?;
    let p = cpath(rt, "makedirs", v[0])?;
    let full = &p[..p.len() - 1];
    // Each prefix ending before a '/' (not the trailing ones), then the
    // whole path.
    let mut end = full.len();
    while end > 1 && full[end - 1] == b'/' {
        end -= 1;
    }
    let mut prefix: GcVec<u8> = GcVec::new();
    for (i, &b) in full[..end].iter().enumerate() {
        if b == b'/' && i > 0 && full[i - 1] != b'/' {
            prefix.clear();
            prefix.extend_from_slice(&full[..i]).or_mem(rt)?;
            prefix.push(0).or_mem(rt)?;
            if !is_dir_path(&prefix) {
                if let Err(e) = mkdir_raw(&prefix, mode) {
                    if e != libc::EEXIST {
                        let name = text_like(rt, &full[..i], bytes::data(v[0]).is_some())?;
                        return Err(os_error(rt, e, name, Value::NONE));
                    }
                }
            }
        }
    }
    match mkdir_raw(&p, mode) {
        Ok(()) => Ok(Value::NONE),
        Err(e) if e == libc::EEXIST && exist_ok && is_dir_path(&p) => Ok(Value::NONE),
        Err(e) => Err(os_error(rt, e, v[0], Value::NONE)),
    }
}

/// `walk(top)`: the (dirpath, dirnames, filenames) triples, top-down, all
/// gathered before the first is returned (pruning `dirnames` in place has
/// no effect). Unreadable directories are skipped, as by default in CPython.
fn walk(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "walk", a, 1, 1)?;
    let out = list::new(rt, 0)?;
    walk_into(rt, a[0], out)?;
    ops::get_iter(rt, out)
}

fn walk_into(rt: &mut Rt, top: Value, out: Value) -> PResult<()> {
    let names = match listdir(rt, &[top], &[]) {
        Ok(n) => n,
        Err(e)
            if crate::objects::exception::is_exc(e) && crate::objects::exception::matches(e, &cls::OS_ERROR_CLASS) =>
        {
            return Ok(())
        }
        Err(e) => return Err(e),
    };
    let (dirs, files) = (list::new(rt, 0)?, list::new(rt, 0)?);
    for i in 0..list::len(names) {
        let n = list::items(names)[i];
        let full = p_join(rt, &[top, n], &[])?;
        let p = cpath(rt, "walk", full)?;
        list::append(rt, if is_dir_path(&p) { dirs } else { files }, n)?;
    }
    let t = tuple::new(rt, &[top, dirs, files])?;
    list::append(rt, out, t)?;
    for i in 0..list::len(dirs) {
        let n = list::items(dirs)[i];
        let full = p_join(rt, &[top, n], &[])?;
        walk_into(rt, full, out)?;
    }
    Ok(())
}

fn rmdir(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "rmdir", a, 1, 1)?;
    let p = cpath(rt, "rmdir", a[0])?;
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let rc = unsafe { libc::rmdir(cptr(&p)) };
    check(rt, rc, a[0], Value::NONE)
}

/// `stat(2)` of a path argument; Err(errno) when it fails.
fn raw_stat(p: &GcVec<u8>) -> Result<libc::stat, i32> {
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: `p` is NUL-terminated; `st` is writable; both live for the call.
    let rc = unsafe { libc::stat(cptr(p), &mut st) };
    if rc == 0 {
        Ok(st)
    } else {
        Err(last_errno())
    }
}

const STAT_FIELDS: [&str; 10] =
    ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];

fn stat(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "stat", a, 1, 1)?;
    let p = cpath(rt, "stat", a[0])?;
    let st = match raw_stat(&p) {
        Ok(st) => st,
        Err(e) => return Err(os_error(rt, e, a[0], Value::NONE)),
    };
    let ints: [i64; 10] = [
        st.st_mode as i64,
        st.st_ino as i64,
        st.st_dev as i64,
        st.st_nlink as i64,
        st.st_uid as i64,
        st.st_gid as i64,
        st.st_size as i64,
        st.st_atime as i64,
        st.st_mtime as i64,
        st.st_ctime as i64,
    ];
    let mut v = [Value::NONE; 10];
    for (i, x) in ints.iter().enumerate() {
        v[i] = int::from_i64(rt, *x)?;
    }
    // The attributes give the times as floats with their nanoseconds.
    let ns = [st.st_atime_nsec as i64, st.st_mtime_nsec as i64, st.st_ctime_nsec as i64];
    let mut f = [Value::NONE; 3];
    for k in 0..3 {
        f[k] = float::new(rt, ints[7 + k] as f64 + ns[k] as f64 * 1e-9)?;
    }
    let c = structseq::class_in(rt, "os", "stat_result")?;
    structseq::new(rt, c, &v, &[("st_atime", f[0]), ("st_mtime", f[1]), ("st_ctime", f[2])])
}

fn getenv(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "getenv", a, 1, 2)?;
    let default = a.get(1).copied().unwrap_or(Value::NONE);
    if !pstr::is_str(a[0]) {
        let tn = ops::type_name(rt, a[0]);
        return Err(rt.type_error(format_args!("str expected, not {tn}")));
    }
    let p = cpath(rt, "getenv", a[0])?;
    // SAFETY: `p` is NUL-terminated; nothing in this process changes the
    // environment while the result is copied.
    let v = unsafe { libc::getenv(cptr(&p)) };
    if v.is_null() {
        return Ok(default);
    }
    // SAFETY: getenv returned a NUL-terminated string.
    let b = unsafe { core::ffi::CStr::from_ptr(v) }.to_bytes();
    text_like(rt, b, false)
}

extern "C" {
    static environ: *const *const libc::c_char;
}

/// A dict of the process environment as it is now.
fn environ_dict(rt: &mut Rt) -> PResult<Value> {
    let d = dict::new(rt)?;
    // SAFETY: `environ` is the C library's NULL-terminated array of
    // NUL-terminated strings; nothing changes it while it is read here.
    let mut p = unsafe { environ };
    while !p.is_null() {
        // SAFETY: `p` points into the array, before or at its NULL end.
        let e = unsafe { *p };
        if e.is_null() {
            break;
        }
        // SAFETY: each entry is a NUL-terminated string.
        let kv = unsafe { core::ffi::CStr::from_ptr(e) }.to_bytes();
        if let Some(eq) = kv.iter().position(|&b| b == b'=') {
            let k = text_like(rt, &kv[..eq], false)?;
            let v = text_like(rt, &kv[eq + 1..], false)?;
            dict::set(rt, d, k, v)?;
        }
        // SAFETY: not past the NULL terminator (checked above).
        p = unsafe { p.add(1) };
    }
    Ok(d)
}

fn urandom(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "urandom", a, 1, 1)?;
    let n = ops::to_index(rt, a[0])?;
    if n < 0 {
        return Err(rt.value_error(format_args!("negative argument not allowed")));
    }
    let mut buf: GcVec<u8> = GcVec::with_capacity(n as usize).or_mem(rt)?;
    while buf.len() < n as usize {
        let k = (n as usize - buf.len()).min(256);
        buf.extend_from_slice(&[0u8; 256][..k]).or_mem(rt)?;
    }
    let mut got = 0;
    while got < buf.len() {
        let rest = &mut buf.as_mut_slice()[got..];
        // SAFETY: `rest` is a writable buffer of the length passed.
        let r = unsafe { libc::getrandom(rest.as_mut_ptr() as *mut libc::c_void, rest.len(), 0) };
        if r < 0 {
            let e = last_errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_error(rt, e, Value::NONE, Value::NONE));
        }
        got += r as usize;
    }
    bytes::new(rt, &buf)
}

fn strerror(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "strerror", a, 1, 1)?;
    let n = ops::to_index(rt, a[0])?;
    let m = super::errno::strerror(n as i32);
    if m == "Unknown error" {
        let mut b = GcVec::new();
        let _ = core::fmt::write(&mut crate::vm::GcWriter(&mut b, false), format_args!("Unknown error {n}"));
        return pstr::new(rt, &b);
    }
    pstr::from_str(rt, m)
}

fn getpid(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "getpid", a, 0, 0)?;
    int::from_i64(rt, std::process::id() as i64)
}

// ---- file descriptors ----

fn fd_open(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "open", a, 2, 3)?;
    let p = cpath(rt, "open", a[0])?;
    let flags = ops::to_index(rt, a[1])? as libc::c_int;
    let mode = if a.len() > 2 { ops::to_index(rt, a[2])? as libc::c_uint } else { 0o777 };
    // SAFETY: `p` is NUL-terminated and alive for the call.
    let fd = unsafe { libc::open(cptr(&p), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(os_error(rt, last_errno(), a[0], Value::NONE));
    }
    Ok(Value::small_int(fd as isize).unwrap_or(Value::NONE))
}

fn fd_arg(rt: &mut Rt, v: Value) -> PResult<libc::c_int> {
    let fd = ops::to_index(rt, v)?;
    libc::c_int::try_from(fd).map_err(|_| rt.overflow_error(format_args!("fd is greater than maximum")))
}

fn fd_read(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "read", a, 2, 2)?;
    let fd = fd_arg(rt, a[0])?;
    let n = ops::to_index(rt, a[1])?;
    if n < 0 {
        return Err(os_error(rt, libc::EINVAL, Value::NONE, Value::NONE));
    }
    let mut buf: GcVec<u8> = GcVec::with_capacity(n as usize).or_mem(rt)?;
    while buf.len() < n as usize {
        let k = (n as usize - buf.len()).min(256);
        buf.extend_from_slice(&[0u8; 256][..k]).or_mem(rt)?;
    }
    let dst = buf.as_mut_slice();
    // SAFETY: `dst` is a writable buffer of the length passed.
    let r = unsafe { libc::read(fd, dst.as_mut_ptr() as *mut libc::c_void, dst.len()) };
    if r < 0 {
        return Err(os_error(rt, last_errno(), Value::NONE, Value::NONE));
    }
    bytes::new(rt, &buf[..r as usize])
}

fn fd_write(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "write", a, 2, 2)?;
    let fd = fd_arg(rt, a[0])?;
    let data = match bytes::data(a[1]) {
        Some(b) => b,
        None if crate::objects::bytearray::is_bytearray(a[1]) => crate::objects::bytearray::data(a[1]),
        None => {
            let tn = ops::type_name(rt, a[1]);
            return Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")));
        }
    };
    // SAFETY: `data` is a readable buffer of the length passed.
    let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if r < 0 {
        return Err(os_error(rt, last_errno(), Value::NONE, Value::NONE));
    }
    int::from_i64(rt, r as i64)
}

fn fd_close(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "close", a, 1, 1)?;
    let fd = fd_arg(rt, a[0])?;
    // SAFETY: closing a descriptor number has no memory effects here; a
    // bad number gives EBADF.
    let rc = unsafe { libc::close(fd) };
    check(rt, rc, Value::NONE, Value::NONE)
}

// ---- os.path ----

/// A path argument's bytes (copied) and whether it was bytes.
fn path_bytes(rt: &mut Rt, fname: &str, v: Value) -> PResult<(GcVec<u8>, bool)> {
    let v = super::plain(rt, v)?;
    let is_b = bytes::data(v).is_some();
    let src = if pstr::is_str(v) { pstr::bytes_of(rt, v) } else { bytes::data(v) };
    let Some(src) = src else {
        let tn = ops::type_name(rt, v);
        if fname == "join" {
            return Err(
                rt.type_error(format_args!("join() argument must be str, bytes, or os.PathLike object, not '{tn}'"))
            );
        }
        return Err(rt.type_error(format_args!("expected str, bytes or os.PathLike object, not {tn}")));
    };
    let mut out = GcVec::new();
    out.extend_from_slice(src).or_mem(rt)?;
    Ok((out, is_b))
}

fn stat_of(rt: &mut Rt, v: Value) -> PResult<Option<libc::stat>> {
    if !pstr::is_str(v) && bytes::data(v).is_none() {
        let tn = ops::type_name(rt, v);
        return Err(rt.type_error(format_args!("stat: path should be string, bytes, os.PathLike or integer, not {tn}")));
    }
    let p = cpath(rt, "stat", v)?;
    Ok(raw_stat(&p).ok())
}

fn bool_v(b: bool) -> Value {
    if b {
        Value::TRUE
    } else {
        Value::FALSE
    }
}

fn p_exists(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "exists", a, 1, 1)?;
    Ok(bool_v(stat_of(rt, a[0])?.is_some()))
}
fn p_isfile(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "isfile", a, 1, 1)?;
    Ok(bool_v(stat_of(rt, a[0])?.is_some_and(|s| s.st_mode & libc::S_IFMT == libc::S_IFREG)))
}
fn p_isdir(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "isdir", a, 1, 1)?;
    Ok(bool_v(stat_of(rt, a[0])?.is_some_and(|s| s.st_mode & libc::S_IFMT == libc::S_IFDIR)))
}
fn p_getsize(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "getsize", a, 1, 1)?;
    let p = cpath(rt, "stat", a[0])?;
    match raw_stat(&p) {
        Ok(st) => int::from_i64(rt, st.st_size as i64),
        Err(e) => Err(os_error(rt, e, a[0], Value::NONE)),
    }
}

fn p_islink(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "islink", a, 1, 1)?;
    let p = cpath(rt, "lstat", a[0])?;
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: `p` is NUL-terminated; `st` is writable; both live for the call.
    let rc = unsafe { libc::lstat(cptr(&p), &mut st) };
    Ok(bool_v(rc == 0 && st.st_mode & libc::S_IFMT == libc::S_IFLNK))
}

fn p_getmtime(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "getmtime", a, 1, 1)?;
    let p = cpath(rt, "stat", a[0])?;
    match raw_stat(&p) {
        Ok(st) => float::new(rt, st.st_mtime as f64 + st.st_mtime_nsec as f64 * 1e-9),
        Err(e) => Err(os_error(rt, e, a[0], Value::NONE)),
    }
}

/// `expanduser(path)`: a leading `~` (alone or before '/') becomes $HOME.
fn p_expanduser(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "expanduser", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "expanduser", a[0])?;
    if p.first() != Some(&b'~') || (p.len() > 1 && p[1] != b'/') {
        return Ok(a[0]);
    }
    let home_key = pstr::from_str(rt, "HOME")?;
    let home = getenv(rt, &[home_key], &[])?;
    let Some(h) = pstr::bytes_of(rt, home) else { return Ok(a[0]) };
    let mut out: GcVec<u8> = GcVec::new();
    out.extend_from_slice(h).or_mem(rt)?;
    while out.len() > 1 && out.last() == Some(&b'/') {
        out.pop();
    }
    let rest = &p[1..];
    if out.as_slice() == b"/" && rest.first() == Some(&b'/') {
        out.clear();
    }
    out.extend_from_slice(rest).or_mem(rt)?;
    text_like(rt, &out, is_b)
}

fn p_join(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.is_empty() {
        return Err(rt.type_error(format_args!("join() missing 1 required positional argument: 'a'")));
    }
    let (mut out, is_b) = path_bytes(rt, "os.path", a[0])?;
    for &p in &a[1..] {
        let (b, pb) = path_bytes(rt, "join", p)?;
        if pb != is_b {
            return Err(rt.type_error(format_args!("Can't mix strings and bytes in path components")));
        }
        if b.first() == Some(&b'/') {
            out.clear();
        } else if !out.is_empty() && out.last() != Some(&b'/') {
            out.push(b'/').or_mem(rt)?;
        }
        out.extend_from_slice(&b).or_mem(rt)?;
    }
    text_like(rt, &out, is_b)
}

/// (head, tail) as posixpath.split: the head loses trailing slashes unless
/// it is all slashes.
fn split_at(p: &[u8]) -> (&[u8], &[u8]) {
    let i = p.iter().rposition(|&b| b == b'/').map(|k| k + 1).unwrap_or(0);
    let (mut head, tail) = (&p[..i], &p[i..]);
    if !head.is_empty() && head.iter().any(|&b| b != b'/') {
        while head.last() == Some(&b'/') {
            head = &head[..head.len() - 1];
        }
    }
    (head, tail)
}

fn p_split(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "split", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "split", a[0])?;
    let (h, t) = split_at(&p);
    let hv = text_like(rt, h, is_b)?;
    let tv = text_like(rt, t, is_b)?;
    tuple::new(rt, &[hv, tv])
}
fn p_basename(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "basename", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "basename", a[0])?;
    text_like(rt, split_at(&p).1, is_b)
}
fn p_dirname(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "dirname", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "dirname", a[0])?;
    text_like(rt, split_at(&p).0, is_b)
}

fn p_splitext(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "splitext", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "splitext", a[0])?;
    let sep = p.iter().rposition(|&b| b == b'/').map(|k| k as isize).unwrap_or(-1);
    let dot = p.iter().rposition(|&b| b == b'.').map(|k| k as isize).unwrap_or(-1);
    let mut at = p.len();
    if dot > sep {
        // A leading run of dots (".bashrc", "..x") is part of the name.
        let start = (sep + 1) as usize;
        if p[start..dot as usize].iter().any(|&b| b != b'.') {
            at = dot as usize;
        }
    }
    let r = text_like(rt, &p[..at], is_b)?;
    let e = text_like(rt, &p[at..], is_b)?;
    tuple::new(rt, &[r, e])
}

fn p_isabs(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "isabs", a, 1, 1)?;
    let (p, _) = path_bytes(rt, "isabs", a[0])?;
    Ok(bool_v(p.first() == Some(&b'/')))
}

/// posixpath.normpath on bytes.
fn normalize(rt: &Rt, p: &[u8]) -> PResult<GcVec<u8>> {
    let mut out: GcVec<u8> = GcVec::new();
    if p.is_empty() {
        out.push(b'.').or_mem(rt)?;
        return Ok(out);
    }
    let slashes = if p.starts_with(b"//") && !p.starts_with(b"///") {
        2
    } else if p.starts_with(b"/") {
        1
    } else {
        0
    };
    // Component boundaries (start, end) of the kept components.
    let mut comps: GcVec<(usize, usize)> = GcVec::new();
    let mut i = 0;
    while i <= p.len() {
        let j = p[i..].iter().position(|&b| b == b'/').map(|k| i + k).unwrap_or(p.len());
        let c = &p[i..j];
        if !c.is_empty() && c != b"." {
            let last_dotdot = comps.last().is_some_and(|&(s, e)| &p[s..e] == b"..");
            if c != b".." || (slashes == 0 && comps.is_empty()) || last_dotdot {
                comps.push((i, j)).or_mem(rt)?;
            } else if !comps.is_empty() {
                comps.pop();
            }
        }
        i = j + 1;
    }
    for _ in 0..slashes {
        out.push(b'/').or_mem(rt)?;
    }
    for (k, &(s, e)) in comps.iter().enumerate() {
        if k > 0 {
            out.push(b'/').or_mem(rt)?;
        }
        out.extend_from_slice(&p[s..e]).or_mem(rt)?;
    }
    if out.is_empty() {
        out.push(b'.').or_mem(rt)?;
    }
    Ok(out)
}

fn p_normpath(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "normpath", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "normpath", a[0])?;
    let n = normalize(rt, &p)?;
    text_like(rt, &n, is_b)
}

fn p_abspath(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "abspath", a, 1, 1)?;
    let (p, is_b) = path_bytes(rt, "abspath", a[0])?;
    let full = if p.first() == Some(&b'/') {
        p
    } else {
        let mut c = cwd_bytes(rt)?;
        if c.last() != Some(&b'/') {
            c.push(b'/').or_mem(rt)?;
        }
        c.extend_from_slice(&p).or_mem(rt)?;
        c
    };
    let n = normalize(rt, &full)?;
    text_like(rt, &n, is_b)
}

/// `relpath(path, start=os.curdir)`: `path` relative to `start`, both made
/// absolute first.
fn p_relpath(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "relpath", a, 1, 2)?;
    let (p0, is_b) = path_bytes(rt, "relpath", a[0])?;
    if p0.is_empty() {
        return Err(rt.value_error(format_args!("no path specified")));
    }
    let start = match a.get(1) {
        Some(&s) => s,
        None => pstr::from_str(rt, ".")?,
    };
    let p = p_abspath(rt, &a[..1], &[])?;
    let s = p_abspath(rt, &[start], &[])?;
    let (pb, _) = path_bytes(rt, "relpath", p)?;
    let (sb, _) = path_bytes(rt, "relpath", s)?;
    let parts = |b: &[u8]| -> usize { b.split(|&c| c == b'/').filter(|x| !x.is_empty()).count() };
    let mut common = 0;
    for (x, y) in
        pb.split(|&c| c == b'/').filter(|x| !x.is_empty()).zip(sb.split(|&c| c == b'/').filter(|x| !x.is_empty()))
    {
        if x != y {
            break;
        }
        common += 1;
    }
    let mut out: GcVec<u8> = GcVec::new();
    for _ in common..parts(&sb) {
        if !out.is_empty() {
            out.push(b'/').or_mem(rt)?;
        }
        out.extend_from_slice(b"..").or_mem(rt)?;
    }
    for x in pb.split(|&c| c == b'/').filter(|x| !x.is_empty()).skip(common) {
        if !out.is_empty() {
            out.push(b'/').or_mem(rt)?;
        }
        out.extend_from_slice(x).or_mem(rt)?;
    }
    if out.is_empty() {
        out.push(b'.').or_mem(rt)?;
    }
    text_like(rt, &out, is_b)
}

/// `commonprefix(list)`: the longest common leading part of the strs (by
/// characters, not path components).
fn p_commonprefix(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "commonprefix", a, 1, 1)?;
    let l = ops::to_list(rt, a[0])?;
    let items = list::items(l);
    if items.is_empty() {
        return pstr::from_str(rt, "");
    }
    let (first, is_b) = path_bytes(rt, "commonprefix", items[0])?;
    let mut n = first.len();
    for i in 1..list::len(l) {
        let (b, _) = path_bytes(rt, "commonprefix", list::items(l)[i])?;
        n = n.min(first.iter().zip(b.iter()).take_while(|(x, y)| x == y).count());
    }
    // Never cut a UTF-8 sequence in two.
    while !is_b && n > 0 && n < first.len() && (first[n] & 0xc0) == 0x80 {
        n -= 1;
    }
    text_like(rt, &first[..n], is_b)
}

fn p_normcase(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "normcase", a, 1, 1)?;
    path_bytes(rt, "normcase", a[0])?;
    Ok(a[0])
}

fn p_splitdrive(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    arity(rt, "splitdrive", a, 1, 1)?;
    let (_, is_b) = path_bytes(rt, "splitdrive", a[0])?;
    let empty = text_like(rt, b"", is_b)?;
    tuple::new(rt, &[empty, a[0]])
}

#[cfg(test)]
mod tests {
    use super::split_at;

    #[test]
    fn split_keeps_root_slashes() {
        assert_eq!(split_at(b"/a/b"), (&b"/a"[..], &b"b"[..]));
        assert_eq!(split_at(b"//"), (&b"//"[..], &b""[..]));
        assert_eq!(split_at(b"a//b"), (&b"a"[..], &b"b"[..]));
        assert_eq!(split_at(b"x"), (&b""[..], &b"x"[..]));
    }
}
