//! The memory rule, proven: while Python code runs (compiling it included),
//! nothing goes through Rust's global allocator. A counting allocator wraps
//! the system one; every corpus program is compiled and run in-process with
//! counting switched on from just inside `Vm::enter` to just before it
//! returns, and the count must stay zero.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
static COUNT: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if ON.load(Ordering::Relaxed) {
            COUNT.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: the caller's contract is passed through.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if ON.load(Ordering::Relaxed) {
            COUNT.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn discard(_: &[u8]) {}

/// Runs one program; returns the number of Rust allocations made while it ran.
fn run_counted(src: &[u8], name: &str) -> usize {
    let mut config = upy_heap::HeapConfig::with_size(8 << 20);
    config.crash_dumps = false;
    let mut vm = upy::Vm::new(config).expect("heap");
    let mut out = upy::vm::out::Out::new();
    out.capture = Some(discard);
    let _ = std::io::stderr();
    vm.enter(|cx| {
        COUNT.store(0, Ordering::SeqCst);
        ON.store(true, Ordering::SeqCst);
        let q = cx.state.qstr.intern(name.as_bytes()).expect("intern");
        if let Ok(code) = upy::compile(cx, src, q, upy::Mode::Exec) {
            upy::vm::run_program(cx, &mut out, code, name, src, 100 << 20, &[name]);
        }
        ON.store(false, Ordering::SeqCst);
    });
    COUNT.load(Ordering::SeqCst)
}

#[test]
fn no_rust_allocation_while_python_runs() {
    // The counter itself works.
    ON.store(true, Ordering::SeqCst);
    let b = std::hint::black_box(Box::new(7u64));
    ON.store(false, Ordering::SeqCst);
    drop(b);
    assert!(COUNT.swap(0, Ordering::SeqCst) > 0, "the counting allocator saw nothing");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora");
    let mut progs = Vec::new();
    collect(&root, &mut progs);
    assert!(!progs.is_empty());
    let srcs: Vec<(String, Vec<u8>)> = progs
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
        .collect();
    let bad = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut bad = Vec::new();
            for (name, src) in &srcs {
                let n = run_counted(src, name);
                if n != 0 {
                    bad.push(format!("{name}: {n} allocations"));
                }
            }
            bad
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(bad.is_empty(), "Rust allocations while Python code ran:\n{}", bad.join("\n"));
}
