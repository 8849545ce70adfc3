//! File objects: what `open()` returns (text: `TextIOWrapper`; binary:
//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`) and `sys.stdin`,
//! `sys.stdout`, `sys.stderr`.
//!
//! Layout:
//!   word 0  &one of the four descriptors below (it gives the class)
//!   1       name: the path as given (str), or the fd (int) for std streams
//!   2       mode: str, as given to open()
//!   3       rbuf: HEAD of a GC block of RBUF bytes (read-ahead), or null
//!   4       fd: the descriptor, or -1 once closed
//!   5       flags: F_* below
//!   6-7     rpos, rlen: the unread part of rbuf is rbuf[rpos..rlen]
//!
//! Invariants: words 1-3 are the only pointers; rpos <= rlen <= RBUF. The OS
//! position is always at rbuf[rlen]: a write, seek or tell first accounts
//! for the read-ahead. Writes are not buffered here (flush has nothing to
//! do), except that fds 1 and 2 of the std streams go through the VM's
//! stdout buffer (`rt.out`), so `print` and `sys.stdout.write` interleave.

use crate::obj::TypeDesc;
use crate::objects::class::{ClassObj, OBJECT_CLASS, UNICODE_ERROR_CLASS};
use crate::objects::oserror::{self, UNSUPPORTED_OPERATION_CLASS};
use crate::objects::{bytearray, bytes, fd, int, kind, list, raw, str as pstr, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use upy_heap::GcVec;

const F_READ: usize = 1;
const F_WRITE: usize = 2;
const F_APPEND: usize = 4;
const F_BINARY: usize = 8;
/// A std stream: close() does not close the OS descriptor.
const F_STD: usize = 16;
/// Text read as it is (`newline` given): no universal newlines.
const F_RAW_NL: usize = 32;
/// The last byte read was a "\r" (read as "\n"): a "\n" right after it
/// belongs to the same line end and is skipped.
const F_CR: usize = 64;

const RBUF: usize = 4096;

#[repr(C)]
struct FileObj {
    ty: &'static TypeDesc,
    name: Value,
    mode: Value,
    rbuf: *mut u8,
    fd: isize,
    flags: usize,
    rpos: usize,
    rlen: usize,
}

crate::rt_type!(TEXT_TYPE, TEXT_INFO, "TextIOWrapper", b'F', &[1, 2, 3], None, File, TEXTIO_CLASS);
crate::rt_type!(READER_TYPE, READER_INFO, "BufferedReader", b'F', &[1, 2, 3], None, File, BUFFERED_READER_CLASS);
crate::rt_type!(WRITER_TYPE, WRITER_INFO, "BufferedWriter", b'F', &[1, 2, 3], None, File, BUFFERED_WRITER_CLASS);
crate::rt_type!(RANDOM_TYPE, RANDOM_INFO, "BufferedRandom", b'F', &[1, 2, 3], None, File, BUFFERED_RANDOM_CLASS);

crate::methods! { METHODS:
    READ = "read", m_read, Method;
    READLINE = "readline", m_readline, Method;
    READLINES = "readlines", m_readlines, Method;
    WRITE = "write", m_write, Method;
    WRITELINES = "writelines", m_writelines, Method;
    SEEK = "seek", m_seek, Method;
    TELL = "tell", m_tell, Method;
    FLUSH = "flush", m_flush, Method;
    CLOSE = "close", m_close, Method;
    FILENO = "fileno", m_fileno, Method;
    READABLE = "readable", m_readable, Method;
    WRITABLE = "writable", m_writable, Method;
    SEEKABLE = "seekable", m_seekable, Method;
    ISATTY = "isatty", m_isatty, Method;
    ENTER = "__enter__", m_enter, Method;
    EXIT = "__exit__", m_exit, Method;
    ITER = "__iter__", m_enter, Method;
    NEXT = "__next__", m_next, Method;
}

macro_rules! file_class {
    ($($id:ident = $name:expr;)*) => {
        $(pub static $id: ClassObj = ClassObj {
            base: Some(&OBJECT_CLASS),
            sname: $name,
            methods: METHODS,
            // The other fields as every static class has them.
            ..OBJECT_CLASS
        };)*
    };
}

file_class! {
    TEXTIO_CLASS = "TextIOWrapper";
    BUFFERED_READER_CLASS = "BufferedReader";
    BUFFERED_WRITER_CLASS = "BufferedWriter";
    BUFFERED_RANDOM_CLASS = "BufferedRandom";
}

/// The descriptors, for `objects::RUNTIME_TYPES`.
pub static TYPES: [&TypeDesc; 4] = [&TEXT_TYPE, &READER_TYPE, &WRITER_TYPE, &RANDOM_TYPE];

pub fn is_file(v: Value) -> bool {
    kind(v) == Kind::File
}

/// A text-mode file object (print writes its line in one piece).
pub fn is_text_file(v: Value) -> bool {
    is_file(v) && flags(v) & F_BINARY == 0
}

fn obj(v: Value) -> *mut FileObj {
    raw::<FileObj>(v)
}

fn fdesc(v: Value) -> isize {
    // SAFETY: a live file object (the caller checked Kind::File).
    unsafe { (*obj(v)).fd }
}

fn flags(v: Value) -> usize {
    // SAFETY: as above.
    unsafe { (*obj(v)).flags }
}

fn si(i: isize) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

/// A new file object, with the heap's finaliser bit set so that a file the
/// program drops without closing gets its descriptor closed (`finalise`).
fn new(rt: &Rt, ty: &'static TypeDesc, name: Value, mode: Value, fdn: i32, fl: usize) -> PResult<Value> {
    let f = FileObj { ty, name, mode, rbuf: core::ptr::null_mut(), fd: fdn as isize, flags: fl, rpos: 0, rlen: 0 };
    let p = rt.heap.alloc(core::mem::size_of::<FileObj>(), true).map_err(|_| rt.memory_error())?;
    let p = p.as_ptr() as *mut FileObj;
    // SAFETY: a fresh, block-aligned allocation big enough for a FileObj.
    unsafe { core::ptr::write(p, f) };
    Ok(Value::from_ptr(p))
}

/// The heap's finaliser for file objects: closes the descriptor of an
/// unreachable, still open file (not a std stream). Runs during a sweep
/// with the heap locked, so it only makes a system call.
pub fn finalise(p: *mut u8) {
    let o = p as *mut FileObj;
    // SAFETY: the heap calls this for a block of a file object (the caller
    // checked its descriptor), before freeing it; nothing else uses it now.
    unsafe {
        if (*o).fd >= 0 && (*o).flags & F_STD == 0 {
            fd::close((*o).fd as i32);
        }
        (*o).fd = -1;
    }
}

/// `sys.stdin` (fd 0), `sys.stdout` (1) or `sys.stderr` (2): text streams.
pub fn std_stream(rt: &Rt, fdn: i32) -> PResult<Value> {
    let (mode, fl) = if fdn == 0 { ("r", F_READ) } else { ("w", F_WRITE) };
    let mode = pstr::from_str(rt, mode)?;
    let name = match fdn {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    let name = pstr::from_str(rt, name)?;
    new(rt, &TEXT_TYPE, name, mode, fdn, fl | F_STD)
}

/// `open(file, mode='r', encoding=None)`.
/// `closefd` false keeps the descriptor open when the file is closed (only
/// with a descriptor number for `path`).
pub fn open(rt: &mut Rt, path: Value, mode: Value, encoding: Value, newline: Value, closefd: bool) -> PResult<Value> {
    if !pstr::is_str(mode) {
        let tn = ops::type_name(rt, mode);
        return Err(rt.type_error(format_args!("open() argument 'mode' must be str, not {tn}")));
    }
    let mut m = GcVec::<u8>::new();
    m.extend_from_slice(pstr::bytes_of(rt, mode).unwrap_or(b"")).or_mem(rt)?;
    let (mut rwxa, mut plus, mut b, mut t) = (0u8, false, false, false);
    let mut seen = [false; 128];
    for &c in m.iter() {
        let dup = (c as usize) < 128 && core::mem::replace(&mut seen[c as usize], true);
        if !b"rwxa+bt".contains(&c) || dup {
            let ms = pstr::text(rt, mode);
            return Err(rt.value_error(format_args!("invalid mode: '{ms}'")));
        }
        match c {
            b'+' => plus = true,
            b'b' => b = true,
            b't' => t = true,
            _ => {
                if rwxa != 0 {
                    return Err(rt.value_error(format_args!("must have exactly one of create/read/write/append mode")));
                }
                rwxa = c;
            }
        }
    }
    if b && t {
        return Err(rt.value_error(format_args!("can't have text and binary mode at once")));
    }
    if rwxa == 0 {
        return Err(
            rt.value_error(format_args!("Must have exactly one of create/read/write/append mode and at most one plus"))
        );
    }
    if b && encoding != Value::NONE {
        return Err(rt.value_error(format_args!("binary mode doesn't take an encoding argument")));
    }
    if encoding != Value::NONE && !pstr::is_str(encoding) {
        let tn = ops::type_name(rt, encoding);
        return Err(rt.type_error(format_args!("open() argument 'encoding' must be str or None, not {tn}")));
    }
    let (mut os, mut fl) = match rwxa {
        b'r' => (fd::O_RDONLY, F_READ),
        b'w' => (fd::O_WRONLY | fd::O_CREAT | fd::O_TRUNC, F_WRITE),
        b'x' => (fd::O_WRONLY | fd::O_CREAT | fd::O_EXCL, F_WRITE),
        _ => (fd::O_WRONLY | fd::O_CREAT | fd::O_APPEND, F_WRITE | F_APPEND),
    };
    if plus {
        os = (os & !fd::O_WRONLY) | fd::O_RDWR;
        fl |= F_READ | F_WRITE;
    }
    if b {
        fl |= F_BINARY;
    }
    if newline != Value::NONE {
        if !pstr::is_str(newline) {
            let tn = ops::type_name(rt, newline);
            return Err(rt.type_error(format_args!("open() argument 'newline' must be str or None, not {tn}")));
        }
        match pstr::bytes_of(rt, newline).unwrap_or(b"") {
            b"" | b"\n" | b"\r" | b"\r\n" => {}
            _ => {
                let t = pstr::text(rt, newline);
                return Err(rt.value_error(format_args!("illegal newline value: {t}")));
            }
        }
        if b {
            return Err(rt.value_error(format_args!("binary mode doesn't take a newline argument")));
        }
        fl |= F_RAW_NL;
    }
    let ty: &'static TypeDesc = match (b, fl & (F_READ | F_WRITE)) {
        (false, _) => &TEXT_TYPE,
        (true, F_READ) => &READER_TYPE,
        (true, F_WRITE) => &WRITER_TYPE,
        _ => &RANDOM_TYPE,
    };
    if int::is_int(path) && kind(path) != Kind::Bool {
        // An open descriptor, wrapped as it is.
        let n = ops::to_index(rt, path)?;
        if n < 0 {
            return Err(rt.value_error(format_args!("negative file descriptor")));
        }
        let n = i32::try_from(n).map_err(|_| rt.overflow_error(format_args!("fd is greater than maximum")))?;
        if !fd::is_open(n) {
            return Err(oserror::from_errno(rt, fd::EBADF, Value::NONE));
        }
        return new(rt, ty, path, mode, n, fl | if closefd { 0 } else { F_STD });
    }
    if !closefd {
        return Err(rt.value_error(format_args!("Cannot use closefd=False with file name")));
    }
    let mut p = GcVec::<u8>::new();
    if pstr::is_str(path) {
        p.extend_from_slice(pstr::bytes_of(rt, path).unwrap_or(b"")).or_mem(rt)?;
    } else if let Some(d) = bytes::data(path) {
        p.extend_from_slice(d).or_mem(rt)?;
    } else {
        let tn = ops::type_name(rt, path);
        return Err(rt.type_error(format_args!("expected str, bytes or os.PathLike object, not {tn}")));
    }
    if p.contains(&0) {
        return Err(rt.value_error(format_args!("embedded null byte")));
    }
    let mut r = fd::open(&p, os);
    if matches!(r, Err(libc::EMFILE) | Err(libc::ENFILE)) {
        // Out of descriptors: a collection finalises the files the program
        // dropped without closing them, then try once more.
        rt.heap.collect();
        r = fd::open(&p, os);
    }
    let fdn = match r {
        Ok(n) => n,
        Err(e) => return Err(oserror::from_errno(rt, e, path)),
    };
    match new(rt, ty, path, mode, fdn, fl) {
        Ok(f) => Ok(f),
        Err(e) => {
            fd::close(fdn);
            Err(e)
        }
    }
}

/// `name`, `mode`, `closed` (None: not a file attribute).
pub fn attr(f: Value, name: &[u8]) -> Option<Value> {
    // SAFETY: a live file object.
    let o = unsafe { &*obj(f) };
    match name {
        b"name" => Some(o.name),
        b"mode" => Some(o.mode),
        b"closed" => Some(if o.fd < 0 { Value::TRUE } else { Value::FALSE }),
        _ => None,
    }
}

fn check_open(rt: &Rt, f: Value) -> PResult<i32> {
    let n = fdesc(f);
    if n < 0 {
        return Err(rt.value_error(format_args!("I/O operation on closed file.")));
    }
    Ok(n as i32)
}

fn unsupported(rt: &Rt, what: &str) -> Value {
    rt.error(&UNSUPPORTED_OPERATION_CLASS, format_args!("{what}"))
}

fn check_readable(rt: &Rt, f: Value) -> PResult<i32> {
    let n = check_open(rt, f)?;
    if flags(f) & F_READ == 0 {
        return Err(unsupported(rt, "not readable"));
    }
    Ok(n)
}

fn check_writable(rt: &Rt, f: Value) -> PResult<i32> {
    let n = check_open(rt, f)?;
    if flags(f) & F_WRITE == 0 {
        return Err(unsupported(rt, "not writable"));
    }
    Ok(n)
}

// ---- reading --------------------------------------------------------------------------

/// The unread read-ahead, refilled from the descriptor when empty; an empty
/// slice at end of file. Ctrl-C during a blocking read raises
/// KeyboardInterrupt.
fn avail(rt: &mut Rt, f: Value) -> PResult<&'static [u8]> {
    let fdn = check_readable(rt, f)?;
    // SAFETY: a live file object; rbuf is null or a HEAD block of RBUF bytes
    // this object owns, and rpos <= rlen <= RBUF.
    unsafe {
        let o = obj(f);
        if (*o).rpos < (*o).rlen {
            return Ok(core::slice::from_raw_parts((*o).rbuf.add((*o).rpos), (*o).rlen - (*o).rpos));
        }
        if (*o).rbuf.is_null() {
            let p = rt.heap.alloc(RBUF, false).map_err(|_| rt.memory_error())?;
            (*o).rbuf = p.as_ptr();
        }
        (*o).rpos = 0;
        (*o).rlen = 0;
        if fdn == 0 {
            // A prompt written to stdout must show before stdin blocks.
            rt.out.flush();
        }
        loop {
            let buf = core::slice::from_raw_parts_mut((*o).rbuf, RBUF);
            match fd::read(fdn, buf) {
                Ok(n) => {
                    (*o).rlen = n;
                    return Ok(core::slice::from_raw_parts((*o).rbuf, n));
                }
                Err(fd::EINTR) => rt.check_interrupt()?,
                Err(e) => {
                    let name = (*o).name;
                    return Err(oserror::from_errno(rt, e, if fdn > 2 { Value::NONE } else { name }));
                }
            }
        }
    }
}

fn consume(f: Value, n: usize) {
    // SAFETY: a live file object; n is at most the unread length.
    unsafe { (*obj(f)).rpos += n }
}

/// Appends up to `limit` characters (text) or bytes (binary; None: all) to
/// `out`, stopping after a newline when `line`.
fn read_into(rt: &mut Rt, f: Value, limit: Option<usize>, line: bool, out: &mut GcVec<u8>) -> PResult<()> {
    let fl = flags(f);
    let text = fl & F_BINARY == 0;
    // Universal newlines (text mode, newline=None): "\r\n" and "\r" read as "\n".
    let translate = text && fl & F_RAW_NL == 0;
    let mut count = 0usize;
    loop {
        let a = avail(rt, f)?;
        if a.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        // a[seg..i] is copied unchanged when a "\r" or the end interrupts it.
        let mut seg = 0;
        let mut done = false;
        while i < a.len() {
            let c = a[i];
            if translate && flags(f) & F_CR != 0 {
                set_flag(f, F_CR, false);
                if c == b'\n' {
                    // The "\n" of a "\r\n" whose "\r" was already read as "\n".
                    out.extend_from_slice(&a[seg..i]).or_mem(rt)?;
                    i += 1;
                    seg = i;
                    continue;
                }
            }
            let starts = !text || c & 0xc0 != 0x80;
            if starts && limit.is_some_and(|l| count >= l) {
                done = true;
                break;
            }
            if starts {
                count += 1;
            }
            if translate && c == b'\r' {
                out.extend_from_slice(&a[seg..i]).or_mem(rt)?;
                out.push(b'\n').or_mem(rt)?;
                set_flag(f, F_CR, true);
                i += 1;
                seg = i;
                if line {
                    done = true;
                    break;
                }
                continue;
            }
            i += 1;
            if line && c == b'\n' {
                done = true;
                break;
            }
        }
        out.extend_from_slice(&a[seg..i]).or_mem(rt)?;
        consume(f, i);
        if done {
            return Ok(());
        }
    }
}

fn set_flag(f: Value, bit: usize, on: bool) {
    // SAFETY: a live file object.
    unsafe {
        if on {
            (*obj(f)).flags |= bit;
        } else {
            (*obj(f)).flags &= !bit;
        }
    }
}

/// The bytes read as the file's kind of value: str (text) or bytes.
fn make(rt: &mut Rt, f: Value, b: &[u8]) -> PResult<Value> {
    if flags(f) & F_BINARY != 0 {
        return bytes::new(rt, b);
    }
    if core::str::from_utf8(b).is_err() {
        return Err(rt.error(&UNICODE_ERROR_CLASS, format_args!("'utf-8' codec can't decode bytes")));
    }
    pstr::new(rt, b)
}

/// A size argument: None or negative means "all".
fn size_arg(rt: &mut Rt, a: &[Value], name: &str) -> PResult<Option<usize>> {
    if a.len() > 2 {
        return Err(rt.type_error(format_args!("{name}() takes at most 1 argument ({} given)", a.len() - 1)));
    }
    match a.get(1) {
        None => Ok(None),
        Some(&v) if v == Value::NONE => Ok(None),
        Some(&v) => {
            if !int::is_int(v) {
                let tn = ops::type_name(rt, v);
                return Err(rt.type_error(format_args!("argument should be integer or None, not '{tn}'")));
            }
            let n = ops::to_index(rt, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn m_read(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = size_arg(rt, a, "read")?;
    check_readable(rt, a[0])?;
    let mut out = GcVec::<u8>::new();
    read_into(rt, a[0], n, false, &mut out)?;
    make(rt, a[0], &out)
}

/// One line (with its newline), or an empty value at end of file.
pub fn readline(rt: &mut Rt, f: Value, limit: Option<usize>) -> PResult<Value> {
    check_readable(rt, f)?;
    let mut out = GcVec::<u8>::new();
    read_into(rt, f, limit, true, &mut out)?;
    make(rt, f, &out)
}

fn m_readline(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let n = size_arg(rt, a, "readline")?;
    readline(rt, a[0], n)
}

fn m_readlines(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    check_readable(rt, a[0])?;
    let l = list::new(rt, 0)?;
    loop {
        let s = readline(rt, a[0], None)?;
        if ops::len(rt, s)? == 0 {
            return Ok(l);
        }
        list::append(rt, l, s)?;
    }
}

/// Iteration: the next line, or None at end of file.
pub fn next_line(rt: &mut Rt, f: Value) -> PResult<Option<Value>> {
    let s = readline(rt, f, None)?;
    Ok(if ops::len(rt, s)? == 0 { None } else { Some(s) })
}

fn m_next(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    match next_line(rt, a[0])? {
        Some(s) => Ok(s),
        None => Err(rt.stop_iteration()),
    }
}

// ---- writing and positioning ------------------------------------------------------------

/// Gives back the unread read-ahead: moves the OS position to the logical
/// one and empties the buffer.
fn drop_readahead(rt: &mut Rt, f: Value, fdn: i32) -> PResult<()> {
    // SAFETY: a live file object.
    let left = unsafe { (*obj(f)).rlen - (*obj(f)).rpos };
    // SAFETY: as above.
    unsafe {
        (*obj(f)).rpos = 0;
        (*obj(f)).rlen = 0;
    }
    if left > 0 {
        if let Err(e) = fd::lseek(fdn, -(left as i64), fd::SEEK_CUR) {
            return Err(oserror::from_errno(rt, e, Value::NONE));
        }
    }
    Ok(())
}

/// Writes raw bytes to the file (std streams through the stdout buffer).
pub fn write_bytes(rt: &mut Rt, f: Value, b: &[u8]) -> PResult<()> {
    let fdn = check_writable(rt, f)?;
    if flags(f) & F_STD != 0 && fdn == 1 {
        rt.out.write(b);
        return Ok(());
    }
    if fdn <= 2 {
        // Behind what print() has buffered for stdout.
        rt.out.flush();
    }
    if fdn != 2 {
        drop_readahead(rt, f, fdn)?;
    }
    fd::write_all(fdn, b).map_err(|e| oserror::from_errno(rt, e, Value::NONE))
}

fn m_write(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("write() takes exactly one argument ({} given)", a.len() - 1)));
    }
    let (f, x) = (a[0], a[1]);
    check_writable(rt, f)?;
    let mut tmp = GcVec::<u8>::new();
    let n = if flags(f) & F_BINARY != 0 {
        let d = match kind(x) {
            Kind::Bytes => bytes::data(x).unwrap_or(&[]),
            Kind::ByteArray => bytearray::data(x),
            _ => {
                let tn = ops::type_name(rt, x);
                return Err(rt.type_error(format_args!("a bytes-like object is required, not '{tn}'")));
            }
        };
        tmp.extend_from_slice(d).or_mem(rt)?;
        tmp.len()
    } else {
        if !pstr::is_str(x) {
            let tn = ops::type_name(rt, x);
            return Err(rt.type_error(format_args!("write() argument must be str, not {tn}")));
        }
        tmp.extend_from_slice(pstr::bytes_of(rt, x).unwrap_or(b"")).or_mem(rt)?;
        pstr::char_len(&tmp)
    };
    write_bytes(rt, f, &tmp)?;
    Ok(si(n as isize))
}

fn m_writelines(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(rt.type_error(format_args!("writelines() takes exactly one argument ({} given)", a.len() - 1)));
    }
    check_writable(rt, a[0])?;
    let it = ops::get_iter(rt, a[1])?;
    while let Some(x) = ops::next(rt, it)? {
        m_write(rt, &[a[0], x], &[])?;
    }
    Ok(Value::NONE)
}

fn m_seek(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(rt.type_error(format_args!("seek expected at least 1 argument, got {}", a.len() - 1)));
    }
    let fdn = check_open(rt, a[0])?;
    let off = ops::to_index(rt, a[1])?;
    let whence = if a.len() > 2 { ops::to_index(rt, a[2])? } else { 0 };
    let w = match whence {
        0 => fd::SEEK_SET,
        1 => fd::SEEK_CUR,
        2 => fd::SEEK_END,
        _ => return Err(rt.value_error(format_args!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    if whence == 0 && off < 0 {
        return Err(rt.value_error(format_args!("negative seek position {off}")));
    }
    if flags(a[0]) & F_BINARY == 0 && whence != 0 && off != 0 {
        let what =
            if whence == 1 { "can't do nonzero cur-relative seeks" } else { "can't do nonzero end-relative seeks" };
        return Err(unsupported(rt, what));
    }
    drop_readahead(rt, a[0], fdn)?;
    set_flag(a[0], F_CR, false);
    match fd::lseek(fdn, off as i64, w) {
        Ok(p) => int::from_i64(rt, p),
        Err(e) => Err(oserror::from_errno(rt, e, Value::NONE)),
    }
}

fn m_tell(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let fdn = check_open(rt, a[0])?;
    // SAFETY: a live file object.
    let left = unsafe { (*obj(a[0])).rlen - (*obj(a[0])).rpos };
    match fd::lseek(fdn, 0, fd::SEEK_CUR) {
        Ok(p) => int::from_i64(rt, p - left as i64),
        Err(e) => Err(oserror::from_errno(rt, e, Value::NONE)),
    }
}

fn m_flush(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let fdn = check_open(rt, a[0])?;
    if fdn == 1 || fdn == 2 {
        rt.out.flush();
    }
    Ok(Value::NONE)
}

/// Closes the file (again: nothing happens). A std stream keeps its OS
/// descriptor.
pub fn close(rt: &mut Rt, f: Value) {
    let fdn = fdesc(f);
    if fdn < 0 {
        return;
    }
    if fdn == 1 || fdn == 2 {
        rt.out.flush();
    }
    if flags(f) & F_STD == 0 {
        fd::close(fdn as i32);
    }
    // SAFETY: a live file object; the read-ahead block is freed explicitly
    // (nothing else points at it).
    unsafe {
        let o = obj(f);
        (*o).fd = -1;
        if !(*o).rbuf.is_null() {
            let p = core::mem::replace(&mut (*o).rbuf, core::ptr::null_mut());
            rt.heap.free(p);
        }
        (*o).rpos = 0;
        (*o).rlen = 0;
    }
}

fn m_close(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    close(rt, a[0]);
    Ok(Value::NONE)
}

fn m_fileno(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(si(check_open(rt, a[0])? as isize))
}

fn m_readable(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    check_open(rt, a[0])?;
    Ok(if flags(a[0]) & F_READ != 0 { Value::TRUE } else { Value::FALSE })
}

fn m_writable(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    check_open(rt, a[0])?;
    Ok(if flags(a[0]) & F_WRITE != 0 { Value::TRUE } else { Value::FALSE })
}

fn m_seekable(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let fdn = check_open(rt, a[0])?;
    Ok(if fd::lseek(fdn, 0, fd::SEEK_CUR).is_ok() { Value::TRUE } else { Value::FALSE })
}

fn m_isatty(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    let fdn = check_open(rt, a[0])?;
    Ok(if fd::isatty(fdn) { Value::TRUE } else { Value::FALSE })
}

/// `__enter__` and `__iter__`: the file itself, if open.
fn m_enter(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    check_open(rt, a[0])?;
    Ok(a[0])
}

fn m_exit(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    close(rt, a[0]);
    Ok(Value::NONE)
}

/// `iter(f)`: the file itself (a closed file raises ValueError).
pub fn iter(rt: &mut Rt, f: Value) -> PResult<Value> {
    check_open(rt, f)?;
    Ok(f)
}

/// `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`, or
/// `<_io.BufferedReader name='x'>` for binary files.
pub fn repr_into(rt: &mut Rt, out: &mut GcVec<u8>, f: Value) -> PResult<()> {
    // SAFETY: a live file object.
    let (ty, name, mode) = unsafe { ((*obj(f)).ty, (*obj(f)).name, (*obj(f)).mode) };
    out.extend_from_slice(b"<_io.").or_mem(rt)?;
    out.extend_from_slice(ty.name.as_bytes()).or_mem(rt)?;
    out.extend_from_slice(b" name=").or_mem(rt)?;
    crate::vm::repr::repr_into(rt, out, name)?;
    if flags(f) & F_BINARY == 0 {
        out.extend_from_slice(b" mode=").or_mem(rt)?;
        crate::vm::repr::repr_into(rt, out, mode)?;
        out.extend_from_slice(b" encoding='UTF-8'").or_mem(rt)?;
    }
    out.push(b'>').or_mem(rt)
}
