//! In-process fuzzing entry points, independent of any fuzzing engine: the
//! libFuzzer targets in `fuzz/` (and tests) are a few lines of glue over these.
//!
//! - [`lex_parse`]: raw bytes through the lexer, parser, scope analysis and
//!   compiler; a compile error is a fine answer, a panic or a failed heap check
//!   is a bug.
//! - [`compile_exec`]: a program compiled and run as `__main__` (fresh
//!   globals, in an interpreter kept from input to input); its own exceptions
//!   are fine, a panic, a crash or a failed heap check is a bug.
//!
//! In builds with `gc-torture` both run with a collection before every
//! allocation, poison in freed blocks and the verifier in `Record` mode, so a
//! failed check comes back as an `Err` naming it instead of aborting.
//!
//! Invariants: nothing here keeps a GC pointer outside the heap's roots between
//! calls; a reused interpreter is replaced before what accumulates in it
//! (interned names) can fill its heap, so one input's outcome does not depend
//! on how many came before it. There is no step counter in the VM: `compile_exec` relies on its
//! callers (the program generator) to produce programs whose loops and
//! recursion are bounded, and bounds the native stack and the heap itself.

use crate::state::Vm;
use crate::{compile, Mode};
use std::cell::RefCell;
use std::sync::{mpsc, Mutex};
use upy_heap::{FailureMode, HeapConfig};

/// Heap of the reused compile interpreter.
const PARSE_HEAP: usize = 128 << 10;
/// Heap of the `compile_exec` interpreter: small, so collections and
/// verifications (whose cost grows with the heap) are cheap and runaway growth
/// ends in `MemoryError` quickly. The built runtime takes about 11 KiB.
const EXEC_HEAP: usize = 128 << 10;
/// Native stack of the `compile_exec` thread, and the part Python calls may use.
const EXEC_STACK: usize = 64 << 20;
const EXEC_STACK_LIMIT: usize = 16 << 20;

/// A heap configuration for fuzzing: torture at every allocation (in
/// `gc-torture` builds), failures recorded, no dumps or signal handlers.
pub fn config(size: usize) -> HeapConfig {
    let mut c = HeapConfig::with_size(size);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    #[cfg(feature = "gc-torture")]
    {
        c.torture.mode = upy_heap::TortureMode::Every;
        c.torture.verify = true;
        c.torture.poison = true;
    }
    c
}

fn failures(vm: &Vm) -> Result<(), String> {
    match vm.heap().take_failures().first() {
        Some(f) => Err(format!("heap check failed: {}: {}", f.check, f.message)),
        None => Ok(()),
    }
}

thread_local! {
    static PARSER: RefCell<Option<Vm>> = const { RefCell::new(None) };
}

/// Compiles `src` (any bytes). `Err` only for a bug: a failed heap check or a
/// compile error without a message.
pub fn lex_parse(src: &[u8]) -> Result<(), String> {
    PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Vm::new(config(PARSE_HEAP)).map_err(|e| e.to_string())?);
        }
        let Some(vm) = slot.as_mut() else { return Ok(()) };
        let r = vm.enter(|cx| {
            let name = cx.state.qstr.intern(b"<fuzz>").map_err(|_| "out of memory interning the file name")?;
            let r = compile(cx, src, name, Mode::Exec).map(|_| ());
            cx.heap.collect();
            #[cfg(feature = "gc-torture")]
            cx.heap.verify();
            Ok::<_, &str>(r)
        });
        let checked = failures(vm);
        // Interned names stay for good: start afresh before they crowd the heap.
        if vm.heap().used() > PARSE_HEAP / 2 {
            *slot = None;
        }
        checked?;
        match r {
            Ok(Err(e)) if e.message().is_empty() => Err(format!("compile error without a message: {e:?}")),
            _ => Ok(()),
        }
    })
}

fn discard(_: &[u8]) {}

/// The thread that runs `compile_exec` programs: its large stack lets deep
/// recursion end in `RecursionError`, and it keeps one interpreter (with its
/// runtime built) from input to input, so each input pays for its own
/// program only.
struct Worker {
    tx: mpsc::Sender<Vec<u8>>,
    rx: mpsc::Receiver<Result<(), String>>,
}

static WORKER: Mutex<Option<Worker>> = Mutex::new(None);

thread_local! {
    /// The interpreter of the worker thread, and whether its runtime is built.
    static EXEC: RefCell<Option<(Vm, bool)>> = const { RefCell::new(None) };
}

/// Compiles `src` and runs it as `__main__` (fresh globals; output
/// discarded) on the worker thread. `Err` for a failed heap check; a panic in
/// the interpreter is a panic of the worker thread (libFuzzer's hook aborts on
/// it; elsewhere this returns an `Err` saying the thread died).
pub fn compile_exec(src: &[u8]) -> Result<(), String> {
    let mut w = WORKER.lock().unwrap_or_else(|p| p.into_inner());
    if w.is_none() {
        let (tx, in_rx) = mpsc::channel::<Vec<u8>>();
        let (out_tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("upy-fuzz-exec".into())
            .stack_size(EXEC_STACK)
            .spawn(move || {
                while let Ok(src) = in_rx.recv() {
                    if out_tx.send(exec_here(&src)).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| format!("cannot start the interpreter thread: {e}"))?;
        *w = Some(Worker { tx, rx });
    }
    let answer = w.as_ref().and_then(|k| k.tx.send(src.to_vec()).ok().and_then(|_| k.rx.recv().ok()));
    match answer {
        Some(r) => r,
        None => {
            *w = None;
            Err("the interpreter thread died (a panic in the interpreter)".into())
        }
    }
}

fn exec_here(src: &[u8]) -> Result<(), String> {
    EXEC.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some((Vm::new(config(EXEC_HEAP)).map_err(|e| e.to_string())?, false));
        }
        let Some((vm, ready)) = slot.as_mut() else { return Ok(()) };
        vm.enter(|cx| {
            let Ok(name) = cx.state.qstr.intern(b"<fuzz>") else { return };
            let Ok(code) = compile(cx, src, name, Mode::Exec) else { return };
            let mut out = crate::vm::out::Out::new();
            out.capture = Some(discard);
            let marker = 0u8;
            let base = core::hint::black_box(&marker) as *const u8 as usize;
            let mut rt = crate::vm::Rt::new(cx.heap, cx.state, &mut out, base, EXEC_STACK_LIMIT);
            if !*ready {
                *ready = rt.init().is_ok() && crate::vm::set_program_args(&mut rt, &["<fuzz>"]).is_ok();
            }
            if *ready {
                // The program's own uncaught exception is an answer, not a bug.
                let _ = crate::vm::run_main(&mut rt, code);
            }
            // The finished program's globals are garbage now.
            rt.st.runtime[crate::vm::SLOT_MAIN] = crate::Value::NONE;
            cx.heap.collect();
            #[cfg(feature = "gc-torture")]
            cx.heap.verify();
        });
        let checked = failures(vm);
        // What stays (interned names, imported modules) must not crowd out
        // the next program, nor may a runtime that could not be built stay.
        if !*ready || vm.heap().used() > EXEC_HEAP / 2 {
            *slot = None;
        }
        checked
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compile_errors_and_programs_are_answers() {
        assert_eq!(lex_parse(b"x = (1,\n"), Ok(()));
        assert_eq!(lex_parse(b"\xff\x00'"), Ok(()));
        assert_eq!(lex_parse(b"def f(a):\n    return [a] * 3\n"), Ok(()));
        assert_eq!(
            compile_exec(b"l = [str(i) * 3 for i in range(50)]\nprint(len(l))\nraise ValueError('x')\n"),
            Ok(())
        );
        assert_eq!(compile_exec(b"def r(n):\n    return r(n + 1)\nr(0)\n"), Ok(()));
        assert_eq!(compile_exec(b"x = [0] * 10 ** 9\n"), Ok(()));
        assert_eq!(compile_exec(b"if\n"), Ok(()));
    }

    #[test]
    fn the_parser_vm_is_renewed() {
        // About 200 bytes of new names each: the heap would fill without renewal.
        for i in 0..1000 {
            let src = format!("name_{i}_{} = {i}\n", "x".repeat(200));
            assert_eq!(lex_parse(src.as_bytes()), Ok(()));
        }
    }
}
