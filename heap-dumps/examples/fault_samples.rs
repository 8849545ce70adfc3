//! Writes the sample dumps in `heap-dumps/samples/`: one run per injected fault
//! of the heap crate, each in a child process with the heap in Abort mode, so
//! the dump is exactly what a failing torture run leaves behind.
//!
//! Usage: `cargo run --release --features fault-samples --example fault_samples -- OUT_DIR`
//! (add `--target i686-unknown-linux-gnu` for the x86 samples). Release builds
//! are needed for `skip-registers`: debug builds spill every register anyway.

use core::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use upy_heap::heap_testing as t;
use upy_heap::layout::{BLOCK_SIZE, WORDS_PER_BLOCK};
use upy_heap::{FailureMode, Fault, GcVec, Heap, HeapConfig, TortureMode};

const FAULTS: [&str; 6] =
    ["skip-registers", "short-stack-scan", "double-free", "tail-left-behind", "mark-overflow-drop", "early-finaliser"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("child") {
        let (Some(fault), Some(dir)) = (args.get(2), args.get(3)) else {
            eprintln!("usage: fault_samples child FAULT DIR");
            std::process::exit(2);
        };
        child(fault, Path::new(dir));
        eprintln!("fault {fault} was not detected");
        std::process::exit(3);
    }
    let out = PathBuf::from(args.get(1).cloned().unwrap_or_else(|| ".".into()));
    let arch = if cfg!(target_pointer_width = "64") { "x64" } else { "x86" };
    let exe = std::env::current_exe().expect("own path");
    for fault in FAULTS {
        let tmp = out.join(format!(".tmp-{fault}-{arch}"));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).expect("temp dir");
        let status = Command::new(&exe).args(["child", fault]).arg(&tmp).status().expect("run child");
        let dump = std::fs::read_dir(&tmp)
            .expect("read temp dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "heapdump"));
        match dump {
            Some(p) => {
                let dest = out.join(format!("{fault}-{arch}.heapdump"));
                std::fs::rename(&p, &dest).expect("move dump");
                println!("{fault}: {} ({status})", dest.display());
            }
            None => println!("{fault}: no dump ({status})"),
        }
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

fn config(fault: Fault, dir: &Path) -> HeapConfig {
    let mut c = HeapConfig::with_size(16 * 1024);
    c.failure_mode = FailureMode::Abort;
    c.crash_dumps = false;
    c.torture.mode = TortureMode::Every;
    c.torture.verify = true;
    c.torture.poison = true;
    c.torture.snapshot = true;
    c.dump_dir = Some(dir.to_path_buf());
    c.fault = Some(fault);
    c
}

fn child(name: &str, dir: &Path) {
    let fault = Fault::parse(name).expect("known fault");
    let mut c = config(fault, dir);
    if fault == Fault::MarkOverflowDrop {
        c.mark_stack_entries = 2;
        c.torture.mode = TortureMode::Off;
    }
    let h = Heap::new(c).expect("heap");
    if fault == Fault::EarlyFinaliser {
        h.set_finaliser(Some(|_| {}));
    }
    h.enter(|h| match fault {
        Fault::SkipRegisters => registers(h),
        Fault::ShortStackScan => short_stack(h),
        Fault::DoubleFree => {
            let mut v: GcVec<u8> = GcVec::new();
            v.push(1).expect("push");
        }
        Fault::TailLeftBehind => {
            for _ in 0..8 {
                black_box(h.alloc(BLOCK_SIZE * 3, false).expect("alloc"));
            }
            scrub();
            h.alloc(8, false).expect("alloc");
        }
        Fault::MarkOverflowDrop => overflow(h),
        Fault::EarlyFinaliser => {
            let p = h.alloc(BLOCK_SIZE, true).expect("alloc");
            for _ in 0..4 {
                black_box(h.alloc(8, false).expect("alloc"));
            }
            black_box(p);
        }
        Fault::ForgetRoot => {}
    });
}

/// Several pointers live at once across consecutive allocations, with no deep
/// helpers in between: the shape most likely to keep one only in a register.
#[inline(never)]
fn registers(h: &Heap) {
    // x86 has four callee-saved registers: a chain whose newest link is the
    // one pointer live across each allocation fits.
    for _ in 0..200 {
        let mut prev = h.alloc(16, false).expect("alloc").as_ptr();
        for _ in 0..100 {
            let next = h.alloc(16, false).expect("alloc").as_ptr();
            let ni = t::block_index(h, next).unwrap_or(0);
            t::write_pool_word(h, ni * WORDS_PER_BLOCK + 1, prev as usize);
            prev = next;
        }
        black_box(prev);
    }
    for _ in 0..20_000 {
        let a = h.alloc(16, false).expect("alloc").as_ptr();
        let b = h.alloc(16, false).expect("alloc").as_ptr();
        let c = h.alloc(32, false).expect("alloc").as_ptr();
        let d = h.alloc(16, false).expect("alloc").as_ptr();
        let ia = t::block_index(h, a).unwrap_or(0);
        t::write_pool_word(h, ia * WORDS_PER_BLOCK + 1, b as usize ^ c as usize ^ d as usize);
        black_box((a, b, c, d));
    }
}

/// Pointers kept only in the outermost frames, then many collections deeper down.
#[inline(never)]
fn short_stack(h: &Heap) {
    let keep = [h.alloc(16, false).expect("alloc").as_ptr(); 2];
    black_box(&keep);
    deep(h, 8);
    black_box(&keep);
}

#[inline(never)]
fn deep(h: &Heap, n: u32) {
    if n == 0 {
        for _ in 0..64 {
            black_box(h.alloc(16, false).expect("alloc"));
        }
        return;
    }
    let pad = [n as usize; 8];
    black_box(&pad);
    deep(h, n - 1);
}

/// A hub pointing at four chains: the marker's two-entry stack overflows and
/// the fault drops the pointers instead of rescanning.
#[inline(never)]
fn overflow(h: &Heap) {
    let hub = h.alloc(BLOCK_SIZE, false).expect("alloc").as_ptr();
    let hi = t::block_index(h, hub).unwrap_or(0);
    for k in 0..4 {
        let mut head = 0usize;
        for _ in 0..6 {
            let n = h.alloc(BLOCK_SIZE, false).expect("alloc").as_ptr();
            let ni = t::block_index(h, n).unwrap_or(0);
            t::write_pool_word(h, ni * WORDS_PER_BLOCK, head);
            head = n as usize;
        }
        t::write_pool_word(h, hi * WORDS_PER_BLOCK + k, head);
    }
    black_box(&hub);
    h.collect();
    black_box(&hub);
}

#[inline(never)]
fn scrub() {
    black_box([0usize; 512]);
}
