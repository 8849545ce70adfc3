//! Compile throughput (MB/s on a generated 10,000-line module) and the cost
//! of compiling a one-line statement (µs), as `exec('...')` in a loop pays it.
//! Prints figures; run with `cargo bench -p upy --bench compile`.

#[path = "../tests/common/gen.rs"]
mod gen;

use std::time::Instant;
use upy::qstr::Qstr;
use upy::{Mode, Vm};
use upy_heap::HeapConfig;

fn main() {
    let src = gen::module(10_000);
    let lines = src.lines().count();
    let mut vm = Vm::new(HeapConfig::with_size(64 << 20)).expect("heap");
    let arch = if cfg!(target_pointer_width = "64") { "x64" } else { "x86" };

    let mb_s = vm.enter(|cx| {
        let f = cx.state.qstr.intern(b"gen.py").unwrap();
        // Warm up (interns the names once).
        upy::compile(cx, src.as_bytes(), f, Mode::Exec).expect("generated module compiles");
        // Best of 10 single runs: the machine is shared, so the minimum is
        // the figure least disturbed by other work.
        let mut secs = f64::MAX;
        for _ in 0..10 {
            let t = Instant::now();
            upy::compile(cx, src.as_bytes(), f, Mode::Exec).unwrap();
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        src.len() as f64 / secs / 1e6
    });
    // The one-liner runs in a heap of MicroPython's unix default size (1 MB
    // per 32 bits of word): garbage code objects are collected as they
    // would be in an exec() loop.
    let small = std::env::var("UPY_BENCH_HEAP").ok().and_then(|s| upy_heap::parse_size(&s).ok());
    let mut vm = Vm::new(HeapConfig::with_size(small.unwrap_or(if cfg!(target_pointer_width = "64") {
        2 << 20
    } else {
        1 << 20
    })))
    .expect("heap");
    let (per, allocs) = vm.enter(|cx| {
        let one = b"x = y + 1\n";
        let n = 100_000;
        upy::compile(cx, one, Qstr(0), Mode::Exec).unwrap();
        let allocs = |cx: &upy::Ctx<'_>| cx.heap.counters().iter().find(|c| c.0 == "allocs").map(|c| c.1).unwrap_or(0);
        let a0 = allocs(cx);
        upy::compile(cx, one, Qstr(0), Mode::Exec).unwrap();
        let per_compile = allocs(cx) - a0;
        // Best of 5 rounds of n/5 compiles (each round long enough to fill
        // the heap with garbage and collect it several times).
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for _ in 0..n / 5 {
                upy::compile(cx, one, Qstr(0), Mode::Exec).unwrap();
            }
            best = best.min(t.elapsed().as_secs_f64() / (n / 5) as f64 * 1e6);
        }
        (best, per_compile)
    });
    println!(
        "compile [{arch}]: {:.2} MB/s on a {lines}-line module ({} bytes); one-line statement: {:.2} us per compile ({allocs} heap allocations)",
        mb_s,
        src.len(),
        per
    );
}
