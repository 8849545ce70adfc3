//! OSError and the subclasses CPython picks by errno (FileNotFoundError,
//! FileExistsError, IsADirectoryError, NotADirectoryError, PermissionError,
//! BlockingIOError, ...), plus `io.UnsupportedOperation`; how an errno becomes one of them; and
//! CPython's text for them: `[Errno 2] No such file or directory: 'x'`.
//!
//! An OSError made here has `args == (errno, strerror)` and the attributes
//! `errno`, `strerror` and `filename` in its instance dict, as CPython's do.
//! The five most common subclasses are in `objects::class` (the `os`
//! module raises them too); the rest are statics here, which reach the
//! builtins namespace through `vm::builtins::make`.

use crate::objects::class::{ClassObj, OBJECT_CLASS, OS_ERROR_CLASS};
use crate::objects::class::{
    FILE_EXISTS_ERROR_CLASS, FILE_NOT_FOUND_ERROR_CLASS, IS_A_DIRECTORY_ERROR_CLASS, NOT_A_DIRECTORY_ERROR_CLASS,
    PERMISSION_ERROR_CLASS,
};
use crate::objects::{dict, exception, fd, int, str as pstr, tuple};
use crate::value::Value;
use crate::vm::{PResult, Rt};
use upy_heap::GcVec;

macro_rules! os_classes {
    ($($id:ident = $name:expr;)*) => {
        $(pub static $id: ClassObj = ClassObj {
            base: Some(&OS_ERROR_CLASS),
            sname: $name,
            methods: &[],
            // The other fields as every static class has them.
            ..OBJECT_CLASS
        };)*
        /// The classes above, for the builtins namespace.
        pub static CLASSES: &[&ClassObj] = &[$(&$id,)*];
    };
}

os_classes! {
    BLOCKING_IO_ERROR_CLASS = "BlockingIOError";
    BROKEN_PIPE_ERROR_CLASS = "BrokenPipeError";
    CHILD_PROCESS_ERROR_CLASS = "ChildProcessError";
    CONNECTION_ERROR_CLASS = "ConnectionError";
    INTERRUPTED_ERROR_CLASS = "InterruptedError";
    PROCESS_LOOKUP_ERROR_CLASS = "ProcessLookupError";
    TIMEOUT_ERROR_CLASS = "TimeoutError";
}

macro_rules! connection_classes {
    ($($id:ident = $name:expr;)*) => {
        $(pub static $id: ClassObj = ClassObj {
            base: Some(&CONNECTION_ERROR_CLASS),
            sname: $name,
            methods: &[],
            // The other fields as every static class has them.
            ..OBJECT_CLASS
        };)*
        /// ConnectionError's subclasses, for the builtins namespace.
        pub static CONNECTION_CLASSES: &[&ClassObj] = &[$(&$id,)*];
    };
}

connection_classes! {
    CONNECTION_ABORTED_ERROR_CLASS = "ConnectionAbortedError";
    CONNECTION_REFUSED_ERROR_CLASS = "ConnectionRefusedError";
    CONNECTION_RESET_ERROR_CLASS = "ConnectionResetError";
}

/// `io.UnsupportedOperation` (in CPython also a ValueError; here only an
/// OSError, since a static class has one base). Not a builtin name.
pub static UNSUPPORTED_OPERATION_CLASS: ClassObj = ClassObj {
    base: Some(&OS_ERROR_CLASS),
    sname: "UnsupportedOperation",
    methods: &[],
    // The other fields as every static class has them.
    ..OBJECT_CLASS
};

/// The class CPython raises for `errno`.
pub fn class_for(errno: fd::Errno) -> &'static ClassObj {
    match errno {
        fd::ENOENT => &FILE_NOT_FOUND_ERROR_CLASS,
        fd::EEXIST => &FILE_EXISTS_ERROR_CLASS,
        fd::EISDIR => &IS_A_DIRECTORY_ERROR_CLASS,
        fd::ENOTDIR => &NOT_A_DIRECTORY_ERROR_CLASS,
        fd::EACCES | libc::EPERM => &PERMISSION_ERROR_CLASS,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &BLOCKING_IO_ERROR_CLASS,
        libc::EPIPE | libc::ESHUTDOWN => &BROKEN_PIPE_ERROR_CLASS,
        libc::ECHILD => &CHILD_PROCESS_ERROR_CLASS,
        libc::ECONNABORTED => &CONNECTION_ABORTED_ERROR_CLASS,
        libc::ECONNREFUSED => &CONNECTION_REFUSED_ERROR_CLASS,
        libc::ECONNRESET => &CONNECTION_RESET_ERROR_CLASS,
        fd::EINTR => &INTERRUPTED_ERROR_CLASS,
        libc::ESRCH => &PROCESS_LOOKUP_ERROR_CLASS,
        libc::ETIMEDOUT => &TIMEOUT_ERROR_CLASS,
        _ => &OS_ERROR_CLASS,
    }
}

/// The exception for a failed system call on `filename` (NONE: no file).
pub fn from_errno(rt: &mut Rt, errno: fd::Errno, filename: Value) -> Value {
    let r = (|| {
        let n = Value::small_int(errno as isize).unwrap_or(Value::NONE);
        let msg = pstr::from_str(rt, crate::modules::errno::strerror(errno))?;
        let args = tuple::new(rt, &[n, msg])?;
        let e = exception::new(rt, class_for(errno).value(), args)?;
        let d = dict::new(rt)?;
        exception::set_dict(e, d);
        for (k, v) in [("errno", n), ("strerror", msg), ("filename", filename), ("filename2", Value::NONE)] {
            let q = rt.intern(k.as_bytes())?;
            dict::set(rt, d, Value::qstr(q), v)?;
        }
        Ok(e)
    })();
    r.unwrap_or_else(|e| e)
}

/// `str(e)` for an OSError whose args are `(errno, strerror)`:
/// `[Errno N] strerror`, then `: 'filename'` when it has one. None for any
/// other exception (the caller formats it the usual way).
pub fn str_of(rt: &mut Rt, e: Value) -> PResult<Option<Value>> {
    if !exception::matches(e, &OS_ERROR_CLASS) {
        return Ok(None);
    }
    let a = exception::args(e);
    if tuple::len(a) < 2 || tuple::len(a) > 3 || !int::is_int(tuple::items(a)[0]) {
        return Ok(None);
    }
    let mut filename = if tuple::len(a) == 3 { tuple::items(a)[2] } else { Value::NONE };
    let mut filename2 = Value::NONE;
    let d = exception::dict(e);
    if dict::is_dict(d) {
        if let Some(q) = rt.st.qstr.find(b"filename") {
            if let Some(f) = dict::get_qstr(rt, d, q)? {
                filename = f;
            }
        }
        if let Some(q) = rt.st.qstr.find(b"filename2") {
            if let Some(f) = dict::get_qstr(rt, d, q)? {
                filename2 = f;
            }
        }
    }
    let mut out = GcVec::<u8>::new();
    let items = [tuple::items(a)[0], tuple::items(a)[1]];
    out.extend_from_slice(b"[Errno ").map_err(|_| rt.memory_error())?;
    crate::vm::repr::str_into(rt, &mut out, items[0])?;
    out.extend_from_slice(b"] ").map_err(|_| rt.memory_error())?;
    crate::vm::repr::str_into(rt, &mut out, items[1])?;
    if filename != Value::NONE {
        out.extend_from_slice(b": ").map_err(|_| rt.memory_error())?;
        crate::vm::repr::repr_into(rt, &mut out, filename)?;
        if filename2 != Value::NONE {
            out.extend_from_slice(b" -> ").map_err(|_| rt.memory_error())?;
            crate::vm::repr::repr_into(rt, &mut out, filename2)?;
        }
    }
    pstr::new(rt, &out).map(Some)
}
