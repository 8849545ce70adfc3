//! The memory rule, proven: while lexing, parsing and compiling (a large
//! generated program, a program with every construct, and programs that fail
//! with syntax errors) nothing goes through Rust's global allocator. This
//! file replaces the global allocator for its own test binary with one that
//! counts the allocations made on a thread while counting is switched on.

mod common;
#[path = "common/gen.rs"]
mod gen;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    // Per thread: the tests run in parallel, and one test's allocations
    // must not count against another's.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

fn note() {
    if COUNTING.with(|c| c.get()) {
        ALLOCS.with(|n| n.set(n.get() + 1));
    }
}

// SAFETY: every method forwards to the system allocator unchanged; counting
// touches only an atomic and a const-initialised thread-local (no allocation).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        note();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        note();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        note();
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(p, l, n) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        note();
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` with counting on and returns how many allocations it made.
fn counted(f: impl FnOnce()) -> usize {
    let before = ALLOCS.with(|n| n.get());
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCS.with(|n| n.get()) - before
}

#[test]
fn compiling_makes_no_rust_allocations() {
    // Everything that may allocate (the heap, the sources, the snapshot
    // programs) is made before counting starts.
    // Under gc-torture every allocation collects the whole heap: a smaller
    // program and heap keep the run in seconds.
    let torture = cfg!(feature = "gc-torture");
    let big = gen::module(if torture { 400 } else { 10_000 });
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut programs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    programs.push(big.into_bytes());
    let bad: Vec<&[u8]> = vec![
        b"x = (1,\n2",
        b"def f(:\n pass",
        b"  x = 1",
        b"f'{x!z}'",
        b"\xff\xfe",
        b"x = 1\0",
        b"'unterminated",
        b"nonlocal x",
        b"def f():\n  x = 1\n  global x",
        b"0x",
    ];
    let mut vm = common::vm(if torture { 2 << 20 } else { 64 << 20 });
    let n = vm.enter(|cx| {
        let f = cx.state.qstr.intern(b"big.py").unwrap();
        let mut ok = 0;
        let mut errs = 0;
        let n = counted(|| {
            for p in &programs {
                if upy::compile(cx, p, f, upy::Mode::Exec).is_ok() {
                    ok += 1;
                }
            }
            for b in &bad {
                if let Err(e) = upy::compile(cx, b, f, upy::Mode::Exec) {
                    errs += e.line as usize + 1;
                }
            }
            // Eval and single modes too.
            let _ = upy::compile(cx, b"1 + 2 * x", f, upy::Mode::Eval);
            let _ = upy::compile(cx, b"x = 1", f, upy::Mode::Single);
        });
        assert_eq!(ok, programs.len(), "every program compiles");
        assert!(errs >= bad.len());
        n
    });
    assert_eq!(n, 0, "Rust allocations while compiling");
}

#[test]
fn the_counter_counts() {
    let n = counted(|| {
        let v: Vec<u8> = Vec::with_capacity(10);
        std::hint::black_box(v);
    });
    assert!(n >= 1);
}
