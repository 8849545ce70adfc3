//! The runtime: `Rt` (what every operation gets: the heap, the root state,
//! the output buffer and the interpreter's per-thread bookkeeping), the
//! exception helpers, and the entry point that runs a module.
//!
//! Submodules: `interp` (the dispatch loop and frames), `ops` (the generic
//! operations: arithmetic, comparison, attributes, calls, iteration, repr),
//! `args` (argument binding), `builtins` (the built-in namespace), `classes`
//! (class creation and instantiation), `out` (buffered standard output).
//!
//! Errors: every fallible operation returns `PResult<T>`; `Err` carries the
//! exception object. It is a plain `Value` on the native stack, which the
//! collector scans, so an exception in flight is always reachable.
//!
//! Root slots this module owns in `RootState::runtime` are the `SLOT_*`
//! constants below.

pub mod args;
pub mod attr;
pub mod builtins;
pub mod classes;
pub mod format;
pub mod hash;
pub mod import;
pub mod interp;
pub mod ops;
pub mod out;
pub mod repr;
pub mod subscr;

use crate::objects::class::{self, ClassObj};
use crate::objects::{exception, str as pstr, tuple, OrMem};
use crate::state::RootState;
use crate::value::Value;
use core::fmt;
use upy_heap::{GcVec, Heap};

pub type PResult<T> = Result<T, Value>;

/// The preallocated MemoryError instance (raised when the heap is exhausted).
pub const SLOT_MEMERR: usize = 0;
/// The builtins dict.
pub const SLOT_BUILTINS: usize = 1;
/// The `__main__` module's globals.
pub const SLOT_MAIN: usize = 2;
/// A second preallocated exception, for recursion overflow.
pub const SLOT_RECERR: usize = 3;

/// The imported modules (`sys.modules`).
pub const SLOT_MODULES: usize = 4;
/// `sys.argv` (a list).
pub const SLOT_ARGV: usize = 5;
/// `sys.path` (a list of directory names).
pub const SLOT_PATH: usize = 6;

/// The `sys.stdin`, `sys.stdout` and `sys.stderr` file objects (made at
/// start-up; `input()` and `print()` use them whether or not `sys` is imported).
pub const SLOT_STDIN: usize = 24;
pub const SLOT_STDOUT: usize = 25;
pub const SLOT_STDERR: usize = 26;

/// Set by the SIGINT handler (`objects::fd::install_sigint`); the dispatch
/// loop polls it at backward jumps and calls and raises KeyboardInterrupt.
pub static INTERRUPT: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Default bound on nested Python calls (CPython's recursion limit).
pub const MAX_DEPTH: u32 = 1000;

pub struct Rt<'a> {
    pub heap: &'a Heap,
    pub st: &'a mut RootState,
    pub out: &'a mut out::Out,
    /// Nesting of Python-level calls.
    pub depth: u32,
    /// Address of a local in the entry frame; the native stack grows down from here.
    pub stack_base: usize,
    /// Native stack bytes the interpreter may use before raising RecursionError.
    pub stack_limit: usize,
    /// The exception being handled (`sys.exc_info()`), or NONE.
    pub exc_info: Value,
    /// The innermost running frame object (for `super()`), or NONE.
    pub frame: Value,
    /// Containers whose repr is being built (for `[...]` on recursion).
    pub repr_active: [Value; 64],
    pub repr_depth: usize,
    /// `gc.isenabled()`.
    pub gc_enabled: bool,
    /// Some class made so far declares `__slots__` (until then attribute
    /// stores skip the slots check).
    pub slots_seen: bool,
    /// Some class made so far defines `__setattr__`, `__delattr__` or
    /// `__getattribute__` (until then attribute access skips those lookups).
    pub attr_hooks_seen: bool,
}

/// Writes formatted text into a GC vector (no Rust allocation).
pub struct GcWriter<'v>(pub &'v mut GcVec<u8>, pub bool);

impl fmt::Write for GcWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.0.extend_from_slice(s.as_bytes()).is_err() {
            self.1 = true;
            return Err(fmt::Error);
        }
        Ok(())
    }
}

impl<'a> Rt<'a> {
    pub fn new(
        heap: &'a Heap,
        st: &'a mut RootState,
        out: &'a mut out::Out,
        stack_base: usize,
        stack_limit: usize,
    ) -> Self {
        Rt {
            heap,
            st,
            out,
            depth: 0,
            stack_base,
            stack_limit,
            exc_info: Value::NONE,
            frame: Value::NONE,
            repr_active: [Value::NONE; 64],
            repr_depth: 0,
            gc_enabled: true,
            slots_seen: false,
            attr_hooks_seen: false,
        }
    }

    /// Builds the preallocated exceptions and the builtins. Call once, before
    /// running code.
    pub fn init(&mut self) -> PResult<()> {
        let empty = tuple::empty();
        let e = exception::new(self, class::MEMORY_ERROR_CLASS.value(), empty)?;
        self.st.runtime[SLOT_MEMERR] = e;
        let msg = pstr::from_str(self, "maximum recursion depth exceeded")?;
        let args = tuple::new(self, &[msg])?;
        let r = exception::new(self, class::RECURSION_ERROR_CLASS.value(), args)?;
        self.st.runtime[SLOT_RECERR] = r;
        let b = builtins::make(self)?;
        self.st.runtime[SLOT_BUILTINS] = b;
        let m = crate::objects::dict::new(self)?;
        self.st.runtime[SLOT_MODULES] = m;
        let argv = crate::objects::list::new(self, 0)?;
        self.st.runtime[SLOT_ARGV] = argv;
        let empty = pstr::from_str(self, "")?;
        let path = crate::objects::list::from_slice(self, &[empty])?;
        self.st.runtime[SLOT_PATH] = path;
        for (slot, fd) in [(SLOT_STDIN, 0), (SLOT_STDOUT, 1), (SLOT_STDERR, 2)] {
            let f = crate::objects::file::std_stream(self, fd)?;
            self.st.runtime[slot] = f;
        }
        Ok(())
    }

    /// The preallocated MemoryError (its traceback is reset).
    pub fn memory_error(&self) -> Value {
        let e = self.st.runtime[SLOT_MEMERR];
        if exception::is_exc(e) {
            exception::set_traceback(e, Value::NONE);
            exception::set_context(e, Value::NONE);
        }
        e
    }

    pub fn builtins(&self) -> Value {
        self.st.runtime[SLOT_BUILTINS]
    }

    /// A new exception of `cls` with a formatted message.
    pub fn error(&self, cls: &'static ClassObj, args: fmt::Arguments<'_>) -> Value {
        let mut buf = GcVec::<u8>::new();
        let mut w = GcWriter(&mut buf, false);
        if fmt::write(&mut w, args).is_err() || w.1 {
            return self.memory_error();
        }
        let r = (|| {
            let s = pstr::new(self, &buf)?;
            let t = tuple::new(self, &[s])?;
            exception::new(self, cls.value(), t)
        })();
        r.unwrap_or_else(|e| e)
    }

    /// A new exception of `cls` with the given args.
    pub fn error_args(&self, cls: &'static ClassObj, args: &[Value]) -> Value {
        let r = (|| {
            let t = tuple::new(self, args)?;
            exception::new(self, cls.value(), t)
        })();
        r.unwrap_or_else(|e| e)
    }

    pub fn type_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::TYPE_ERROR_CLASS, a)
    }
    pub fn value_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::VALUE_ERROR_CLASS, a)
    }
    pub fn index_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::INDEX_ERROR_CLASS, a)
    }
    pub fn overflow_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::OVERFLOW_ERROR_CLASS, a)
    }
    pub fn zero_division(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::ZERO_DIVISION_ERROR_CLASS, a)
    }
    pub fn name_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::NAME_ERROR_CLASS, a)
    }
    pub fn attribute_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::ATTRIBUTE_ERROR_CLASS, a)
    }
    pub fn runtime_error(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::RUNTIME_ERROR_CLASS, a)
    }
    pub fn key_error(&self, key: Value) -> Value {
        self.error_args(&class::KEY_ERROR_CLASS, &[key])
    }
    pub fn key_error_msg(&self, a: fmt::Arguments<'_>) -> Value {
        self.error(&class::KEY_ERROR_CLASS, a)
    }
    /// Raises KeyboardInterrupt if Ctrl-C was pressed since the last check.
    #[inline]
    pub fn check_interrupt(&self) -> PResult<()> {
        use core::sync::atomic::Ordering;
        if INTERRUPT.load(Ordering::Relaxed) {
            INTERRUPT.store(false, Ordering::Relaxed);
            return Err(self.error_args(&class::KEYBOARD_INTERRUPT_CLASS, &[]));
        }
        Ok(())
    }
    pub fn stop_iteration(&self) -> Value {
        self.error_args(&class::STOP_ITERATION_CLASS, &[])
    }

    /// Is there native stack left for one more level of calls?
    #[inline]
    pub fn check_stack(&self) -> PResult<()> {
        let marker = 0u8;
        let here = core::hint::black_box(&marker) as *const u8 as usize;
        if self.stack_base.saturating_sub(here) > self.stack_limit || self.depth > MAX_DEPTH {
            let e = self.st.runtime[SLOT_RECERR];
            if exception::is_exc(e) {
                exception::set_traceback(e, Value::NONE);
                exception::set_context(e, Value::NONE);
                return Err(e);
            }
            return Err(self.memory_error());
        }
        Ok(())
    }

    pub fn intern(&mut self, s: &[u8]) -> PResult<crate::qstr::Qstr> {
        let r = self.st.qstr.intern(s);
        r.or_mem(self)
    }
}

/// The exception a compile error raises at run time (exec, eval, compile of
/// an imported file): SyntaxError/IndentationError/TabError with the text
/// `msg (file, line N)`, or the MemoryError.
pub fn compile_error(rt: &Rt, e: &crate::CompileError, file: &str) -> Value {
    let c = match e.kind {
        crate::ErrorKind::Memory => return rt.memory_error(),
        crate::ErrorKind::Indentation => &class::INDENTATION_ERROR_CLASS,
        crate::ErrorKind::Tab => &class::TAB_ERROR_CLASS,
        _ => &class::SYNTAX_ERROR_CLASS,
    };
    rt.error(c, format_args!("{} ({file}, line {})", e.message(), e.line))
}

/// The `__main__` module's globals, made on first use (a REPL after a
/// program keeps the program's namespace).
pub fn main_globals(rt: &mut Rt) -> PResult<Value> {
    let g = rt.st.runtime[SLOT_MAIN];
    if crate::objects::dict::is_dict(g) {
        return Ok(g);
    }
    let g = crate::objects::dict::new(rt)?;
    rt.st.runtime[SLOT_MAIN] = g;
    let name = Value::qstr(crate::qstr::q::__name__);
    let main = Value::qstr(crate::qstr::q::__main__);
    crate::objects::dict::set(rt, g, name, main)?;
    Ok(g)
}

/// Runs a compiled module (or REPL input) in the `__main__` namespace.
pub fn exec_main(rt: &mut Rt, code: Value) -> PResult<()> {
    let g = main_globals(rt)?;
    let f = crate::objects::function::new(rt, code, g, Value::NONE, Value::NONE, Value::NONE)?;
    interp::call_function(rt, f, &[], &[], g)?;
    Ok(())
}

/// Runs a compiled module in a fresh `__main__` namespace. Returns the
/// uncaught exception, if any.
pub fn run_main(rt: &mut Rt, code: Value) -> PResult<()> {
    rt.st.runtime[SLOT_MAIN] = Value::NONE;
    exec_main(rt, code)
}

/// Writes to stderr after flushing stdout, so the two interleave as an
/// unbuffered run would.
pub fn write_stderr(rt: &mut Rt, b: &[u8]) {
    rt.out.flush();
    let _ = crate::objects::fd::write_all(2, b);
}

/// Is `e` an instance of `c`?
pub fn exc_is(e: Value, c: &'static ClassObj) -> bool {
    exception::is_exc(e) && exception::matches(e, c)
}

/// What an uncaught exception means for the process, as in CPython:
/// SystemExit gives its code (None: 0, an int: that int, anything else is
/// printed on stderr and gives 1); KeyboardInterrupt prints its traceback
/// and gives 130 (MicroPython's unix port; CPython dies by SIGINT instead);
/// any other exception prints its traceback and gives 1. `file`/`src` name
/// the main source, for the source lines of its frames.
pub fn report_uncaught(rt: &mut Rt, e: Value, file: &str, src: &[u8]) -> u8 {
    // A program that left the heap locked (micropython.heap_lock) still gets
    // its traceback, which needs the heap.
    while rt.heap.is_locked() {
        rt.heap.unlock();
    }
    if exc_is(e, &class::SYSTEM_EXIT_CLASS) {
        let code = exception::arg0(e);
        if code == Value::NONE {
            return 0;
        }
        if code == Value::TRUE || code == Value::FALSE {
            return (code == Value::TRUE) as u8;
        }
        if crate::objects::int::is_int(code) {
            return match code.as_small_int() {
                Some(n) => n as u8,
                None => 1,
            };
        }
        let mut text = GcVec::<u8>::new();
        if repr::str_into(rt, &mut text, code).is_ok() && text.push(b'\n').is_ok() {
            write_stderr(rt, &text);
        }
        return 1;
    }
    let mut text = GcVec::<u8>::new();
    format_traceback(rt, e, file, src, &mut text);
    write_stderr(rt, &text);
    drop(text);
    if exc_is(e, &class::KEYBOARD_INTERRUPT_CLASS) {
        130
    } else {
        1
    }
}

/// Writes an uncaught exception's traceback and message, as CPython does, to
/// `w`; source lines are taken from `src` for frames in `file`.
pub fn format_traceback(rt: &mut Rt, exc: Value, file: &str, src: &[u8], w: &mut GcVec<u8>) {
    use core::fmt::Write as _;
    let mut depth = 0;
    format_chain(rt, exc, file, src, w, &mut depth);
    let _ = GcWriter(w, false).write_str("");
}

fn format_chain(rt: &mut Rt, exc: Value, file: &str, src: &[u8], w: &mut GcVec<u8>, depth: &mut u32) {
    use core::fmt::Write as _;
    *depth += 1;
    if *depth < 20 && exception::is_exc(exc) {
        let cause = exception::cause(exc);
        let ctx = exception::context(exc);
        if exception::is_exc(cause) {
            format_chain(rt, cause, file, src, w, depth);
            let _ = GcWriter(w, false)
                .write_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if exception::is_exc(ctx) && !exception::suppress(exc) {
            format_chain(rt, ctx, file, src, w, depth);
            let _ = GcWriter(w, false)
                .write_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    let mut tb = if exception::is_exc(exc) { exception::traceback(exc) } else { Value::NONE };
    if tb != Value::NONE {
        let _ = GcWriter(w, false).write_str("Traceback (most recent call last):\n");
    }
    while tb != Value::NONE {
        let (next, code, line) = crate::objects::traceback::parts(tb);
        if let Some(c) = crate::obj::Code::from_value(code) {
            let h = c.header();
            let fname = rt.st.qstr.str(crate::qstr::Qstr(h.filename));
            let func = rt.st.qstr.str(crate::qstr::Qstr(h.name));
            let _ = writeln!(GcWriter(w, false), "  File \"{fname}\", line {line}, in {func}");
            if fname == file && line > 0 {
                if let Some(text) = src.split(|&b| b == b'\n').nth(line as usize - 1) {
                    let t = core::str::from_utf8(text).unwrap_or("").trim();
                    if !t.is_empty() {
                        let _ = writeln!(GcWriter(w, false), "    {t}");
                    }
                }
            }
        }
        tb = next;
    }
    let line = ops::exception_line(rt, exc);
    if let Ok(s) = line {
        let t = pstr::text(rt, s);
        let _ = writeln!(GcWriter(w, false), "{t}");
    }
}

/// Sets `sys.argv` to `argv` and `sys.path[0]` to the directory of the
/// script `argv[0]` names ('' — the current directory — for `-c`, `-m`
/// and stdin, whose `argv[0]` has no slash).
pub fn set_program_args(rt: &mut Rt, argv: &[&str]) -> PResult<()> {
    let l = rt.st.runtime[SLOT_ARGV];
    crate::objects::list::truncate(l, 0);
    for a in argv {
        let s = pstr::from_str(rt, a)?;
        let l = rt.st.runtime[SLOT_ARGV];
        crate::objects::list::append(rt, l, s)?;
    }
    let dir = match argv.first().and_then(|a| a.rfind('/').map(|k| &a[..k])) {
        Some("") => "/",
        Some(d) => d,
        None => "",
    };
    set_path0(rt, dir)
}

/// Sets `sys.path[0]` (`upy -m` puts the current directory there, as
/// CPython does, whatever directory the module was found in).
pub fn set_path0(rt: &mut Rt, dir: &str) -> PResult<()> {
    let d = pstr::from_str(rt, dir)?;
    let path = rt.st.runtime[SLOT_PATH];
    if crate::objects::list::len(path) > 0 {
        crate::objects::list::items(path)[0] = d;
    }
    Ok(())
}

/// Starts the runtime inside `Vm::enter`: builds the runtime, sets
/// `sys.argv` (and `sys.path[0]` from `argv[0]`), then calls `f`, whose
/// result is the exit status. The frame of this function is the base the
/// native-stack limit is measured from.
#[inline(never)]
pub fn start(
    cx: &mut crate::state::Ctx<'_>,
    out: &mut out::Out,
    stack_limit: usize,
    argv: &[&str],
    f: impl FnOnce(&mut Rt) -> u8,
) -> u8 {
    let marker = 0u8;
    let base = core::hint::black_box(&marker) as *const u8 as usize;
    let mut rt = Rt::new(cx.heap, cx.state, out, base, stack_limit);
    rt.heap.set_finaliser(Some(finalise));
    if rt.init().and_then(|_| set_program_args(&mut rt, argv)).is_err() {
        write_stderr(&mut rt, b"MemoryError: heap too small to start the runtime\n");
        return 1;
    }
    let r = f(&mut rt);
    rt.out.flush();
    r
}

/// The heap's finaliser: dispatches on the dying object's type (only file
/// objects ask for one).
fn finalise(p: *mut u8) {
    let v = Value::from_ptr(p as *const u8);
    if crate::objects::kind(v) == crate::objects::Kind::File {
        crate::objects::file::finalise(p);
    }
}

/// Runs a compiled program (inside `Vm::enter`) and reports an uncaught
/// exception on stderr. Returns the exit status (see `report_uncaught`).
pub fn run_program(
    cx: &mut crate::state::Ctx<'_>,
    out: &mut out::Out,
    code: Value,
    file: &str,
    src: &[u8],
    stack_limit: usize,
    argv: &[&str],
) -> u8 {
    start(cx, out, stack_limit, argv, |rt| match run_main(rt, code) {
        Ok(()) => 0,
        Err(e) => report_uncaught(rt, e, file, src),
    })
}
