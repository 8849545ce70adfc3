//! `heap-selftest`: the heap's root-scanning and torture self-test, in the
//! spirit of bdwgc's gctest, meant to run as a release build with fat LTO.
//!
//! The workload keeps heap pointers only where a real interpreter keeps them —
//! locals, arguments, callee-saved registers across allocations, stack arrays
//! near the top, the root section, other heap blocks — and checks after every
//! step that every object still holds what was written into it. Run with the
//! `UPY_GC_*` knobs (see the README); with `UPY_GC_FAULT=<name>` in a
//! fault-injection build it must die with a heap dump. A content check that
//! fails is a finding too: it writes a dump and aborts.
//!
//! Exit: 0 clean; 2 bad usage or configuration; death by SIGABRT (with a dump)
//! on any failed check.

use core::hint::black_box;
use std::process::ExitCode;
use upy_heap::layout::{BLOCK_SIZE, WORD};
use upy_heap::{parse_size, GcVec, Heap, HeapConfig, TypeInfo};

const MAGIC: usize = 0x5EED_0000;
const FAN: usize = 64;

/// Node layout: [type descriptor, id, next, MAGIC ^ id]. Field 2 is a pointer.
static NODE_DESC: u64 = 0;
static NODE: TypeInfo = TypeInfo { name: "selftest-node", letter: b'n', fields: &[2], all_from: None };

struct Ctx<'a> {
    h: &'a Heap,
    failures: usize,
}

/// Allocates a node. Always inlined, so the caller's live pointers stay in its
/// registers across the allocation (the path to the collector is thin).
#[inline(always)]
fn node(h: &Heap, id: usize, next: usize) -> usize {
    let p = match h.alloc(4 * WORD, false) {
        Ok(p) => p.as_ptr() as *mut usize,
        Err(e) => die(h, &format!("allocation failed: {e}")),
    };
    // SAFETY: p is a fresh allocation of four words.
    unsafe {
        p.write(&NODE_DESC as *const u64 as usize);
        p.add(1).write(id);
        p.add(2).write(next);
        p.add(3).write(MAGIC ^ id);
    }
    p as usize
}

#[inline(always)]
fn check(c: &mut Ctx, p: usize, id: usize) {
    // SAFETY: p was returned by `node`; if the collector freed it, the words
    // hold poison or another object, which is what this detects.
    let (d, i, m) = unsafe {
        let q = p as *const usize;
        (q.read_volatile(), q.add(1).read_volatile(), q.add(3).read_volatile())
    };
    if d != &NODE_DESC as *const u64 as usize || i != id || m != MAGIC ^ id {
        c.failures += 1;
        die(
            c.h,
            &format!(
                "content check failed: node {id} at 0x{p:x} holds [0x{d:x}, {i}, _, 0x{m:x}]: it was freed while reachable"
            ),
        );
    }
}

#[cold]
fn die(h: &Heap, msg: &str) -> ! {
    eprintln!("heap-selftest: {msg}");
    match h.dump(msg, None) {
        Ok(p) => eprintln!("heap-selftest: heap dump written to {}", p.as_str()),
        Err(e) => eprintln!("heap-selftest: could not write a heap dump: {e}"),
    }
    std::process::abort()
}

/// Several heap pointers live at once across consecutive allocations, with no
/// deep non-inlined helper in between: they live in callee-saved registers,
/// where only the register capture can find them.
#[inline(never)]
fn juggle(c: &mut Ctx, rounds: usize) {
    let h = c.h;
    let mut a = node(h, 1, 0);
    let mut b = node(h, 2, 0);
    let mut d = node(h, 3, 0);
    let mut e = node(h, 4, 0);
    let (mut ia, mut ib, mut id, mut ie) = (1, 2, 3, 4);
    for i in 0..rounds {
        let n = node(h, 100 + i, a);
        let m = node(h, 200 + i, n);
        check(c, a, ia);
        check(c, b, ib);
        check(c, d, id);
        check(c, e, ie);
        check(c, n, 100 + i);
        (a, b, d, e) = (b, d, e, m);
        (ia, ib, id, ie) = (ib, id, ie, 200 + i);
    }
    black_box((a, b, d, e));
}

/// A chain built through arguments and return values.
#[inline(never)]
fn chain(c: &mut Ctx, depth: usize, next: usize) -> usize {
    if depth == 0 {
        return next;
    }
    let mine = node(c.h, depth, next);
    let rest = chain(c, depth - 1, mine);
    check(c, mine, depth);
    rest
}

fn walk(c: &mut Ctx, mut p: usize, expect: usize) {
    let mut n = 0;
    while p != 0 && n <= expect {
        // SAFETY: node layout; a freed node fails `check` before being followed.
        let id = unsafe { (p as *const usize).add(1).read_volatile() };
        check(c, p, id);
        p = unsafe { (p as *const usize).add(2).read_volatile() };
        n += 1;
    }
    if n != expect {
        c.failures += 1;
        die(c.h, &format!("content check failed: a chain of {expect} nodes has {n}"));
    }
}

/// Containers churn: growth by realloc, nested vectors, explicit frees.
fn churn(c: &mut Ctx, rounds: usize) {
    let mut outer: GcVec<GcVec<usize>> = GcVec::new();
    for i in 0..rounds {
        let mut v = GcVec::new();
        for j in 0..(i % 23) {
            if v.push(i * 1000 + j).is_err() {
                die(c.h, "allocation failed in churn");
            }
        }
        if outer.push(v).is_err() {
            die(c.h, "allocation failed in churn");
        }
        if outer.len() > 40 {
            outer.remove(i % 40);
        }
        // multi-block garbage for the sweep
        black_box(node(c.h, i, 0));
        black_box(c.h.alloc(BLOCK_SIZE * (2 + i % 5), false).ok());
    }
    for v in outer.iter() {
        for (j, &x) in v.iter().enumerate() {
            if x % 1000 != j {
                die(c.h, &format!("content check failed: vector element {j} holds {x}"));
            }
        }
    }
}

/// Objects with finalisers, some reachable (from the root section), some not.
fn finalisers(c: &mut Ctx, roots: &mut [usize], rounds: usize) {
    for i in 0..rounds {
        let p = match c.h.alloc(4 * WORD, true) {
            Ok(p) => p.as_ptr() as *mut usize,
            Err(e) => die(c.h, &format!("allocation failed: {e}")),
        };
        // SAFETY: fresh 4-word allocation.
        unsafe {
            p.write(&NODE_DESC as *const u64 as usize);
            p.add(1).write(7000 + i);
            p.add(3).write(MAGIC ^ (7000 + i));
        }
        if i % 4 == 0 {
            // SAFETY: the root section slot is ours; volatile so it is really stored.
            unsafe { core::ptr::write_volatile(&mut roots[2 + (i / 4) % 6], p as usize) };
        }
    }
    for (k, &r) in roots[2..8].iter().enumerate() {
        if r != 0 {
            // SAFETY: node layout.
            let id = unsafe { (r as *const usize).add(1).read_volatile() };
            let fin = unsafe { (r as *const usize).add(2).read_volatile() };
            check(c, r, id);
            if fin == 0xF1 {
                die(c.h, &format!("content check failed: reachable object in root slot {} was finalised", k + 2));
            }
        }
    }
}

fn finaliser(p: *mut u8) {
    // SAFETY: the heap calls this with the HEAD address of a 4-word node.
    unsafe { (p as *mut usize).add(2).write(0xF1) };
}

/// Structures reachable only from the root section. Built in a frame of its
/// own (then scrubbed) so that no stack slot keeps them alive as well.
#[inline(never)]
fn build_rooted(h: &Heap, roots: &mut [usize]) {
    // A root-section list, deep enough to overflow a small mark stack.
    let mut head = 0usize;
    for i in 0..300 {
        head = node(h, 300 - i, head);
    }
    // SAFETY: the root section is ours; volatile so the store really happens.
    unsafe { core::ptr::write_volatile(&mut roots[0], head) };
    // A wide hub: 64 nodes side by side, each with a child reachable only
    // through it, so a small mark stack overflows with work still below it.
    let hub = match h.alloc(FAN * WORD, false) {
        Ok(p) => p.as_ptr() as *mut usize,
        Err(e) => die(h, &format!("allocation failed: {e}")),
    };
    // SAFETY: as above.
    unsafe { core::ptr::write_volatile(&mut roots[1], hub as usize) };
    for k in 0..FAN {
        let child = node(h, 5000 + k, 0);
        let parent = node(h, 4000 + k, child);
        // SAFETY: hub has FAN words.
        unsafe { hub.add(k).write(parent) };
    }
}

#[inline(never)]
fn scrub_stack() {
    black_box([0usize; 2048]);
}

#[inline(never)]
fn workload(h: &Heap, roots: &mut [usize], iterations: usize) -> usize {
    let mut c = Ctx { h, failures: 0 };
    // Pointers in an array at the very top of the interpreter's stack.
    let mut top = [0usize; 6];
    for (k, slot) in top.iter_mut().enumerate() {
        *slot = node(h, 9000 + k, 0);
    }
    let top = black_box(&mut top);
    build_rooted(h, roots);
    scrub_stack();
    for it in 0..iterations {
        juggle(&mut c, 64);
        let ch = chain(&mut c, 40, 0);
        walk(&mut c, ch, 40);
        churn(&mut c, 50);
        finalisers(&mut c, roots, 16);
        // SAFETY: reading our own root slot.
        let l = unsafe { core::ptr::read_volatile(&roots[0]) };
        walk(&mut c, l, 300);
        for (k, &p) in top.iter().enumerate() {
            check(&mut c, p, 9000 + k);
        }
        // SAFETY: reading our own root slot and the hub's FAN words.
        let hub = unsafe { core::ptr::read_volatile(&roots[1]) } as *const usize;
        for k in 0..FAN {
            let parent = unsafe { hub.add(k).read_volatile() };
            check(&mut c, parent, 4000 + k);
            walk(&mut c, parent, 2);
        }
        if it % 8 == 0 {
            h.collect();
        }
    }
    c.failures
}

fn usage() -> ExitCode {
    eprintln!("usage: heap-selftest [--iterations N] [--heap-size SIZE] [--crash]  (knobs: UPY_GC_TORTURE, UPY_GC_VERIFY, UPY_GC_POISON, UPY_GC_MARK_STACK, UPY_GC_FAULT, UPY_HEAPDUMP_DIR)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut iterations = 20usize;
    let mut size = 256 * 1024;
    let mut crash = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iterations" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => iterations = n,
                None => return usage(),
            },
            "--heap-size" => match args.next().map(|v| parse_size(&v)) {
                Some(Ok(n)) => size = n,
                Some(Err(e)) => {
                    eprintln!("heap-selftest: {e}");
                    return ExitCode::from(2);
                }
                None => return usage(),
            },
            // Dies by SIGSEGV inside the heap, to exercise the crash-dump path.
            "--crash" => crash = true,
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("heap-selftest: unknown argument '{other}'");
                return ExitCode::from(2);
            }
        }
    }
    let config = match HeapConfig::from_env(size) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("heap-selftest: {e}");
            return ExitCode::from(2);
        }
    };
    let heap = match Heap::new(config) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("heap-selftest: {e}");
            return ExitCode::from(2);
        }
    };
    heap.register_type(&NODE_DESC as *const u64 as *const (), &NODE);
    heap.set_finaliser(Some(finaliser));
    let mut roots = [0usize; 8];
    // SAFETY: `roots` outlives every collection (the heap is dropped first below).
    unsafe { heap.set_root_section(roots.as_ptr(), roots.len()) };
    let start = std::time::Instant::now();
    if crash {
        heap.enter(|h| {
            let _keep = node(h, 1, 0);
            // SAFETY: deliberately not sound: a write to an unmapped address,
            // so the process dies by SIGSEGV with the heap entered.
            unsafe { core::ptr::write_volatile(black_box(16usize) as *mut usize, 1) };
        });
    }
    let failures = heap.enter(|h| workload(h, &mut roots, iterations));
    let info = heap.info();
    let verify_failures = heap.enter(|h| h.verify());
    let elapsed = start.elapsed();
    let overflows = heap.counters().iter().find(|c| c.0 == "mark_stack_overflows").map(|c| c.1).unwrap_or(0);
    println!(
        "heap-selftest: {} iterations, {} collections ({} mark-stack overflows), {} bytes in use, {:.3}s, {} failures",
        iterations,
        info.collections,
        overflows,
        info.used,
        elapsed.as_secs_f64(),
        failures + verify_failures
    );
    drop(heap);
    if failures + verify_failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
