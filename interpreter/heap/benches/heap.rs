//! Heap benchmark: prints figures, asserts nothing.
//!
//!   cargo bench -p upy-heap --features gc-torture [--target i686-unknown-linux-gnu]
//!
//! 1. alloc+free throughput for mixed sizes (torture off);
//! 2. one collection's time on a 2 MiB heap at 10% and 50% live, and on a
//!    64 MiB heap at 50% live, live data in mixed small objects (1–3 blocks)
//!    reached through pointer arrays from the root section, the rest of the
//!    used space garbage for the sweep;
//! 3. torture mode (collect + full verification before every allocation) on a
//!    64 KiB live set: time per allocation.

use core::hint::black_box;
use std::time::{Duration, Instant};
use upy_heap::layout::{ARCH_NAME, BLOCK_SIZE, WORD};
use upy_heap::{Heap, HeapConfig};

fn heap(size: usize) -> Box<Heap> {
    let mut c = HeapConfig::with_size(size);
    c.crash_dumps = false;
    Heap::new(c).expect("heap")
}

/// Deterministic sizes: mostly 1 block, some 2, a few 3.
fn size_for(i: usize) -> usize {
    match i % 8 {
        0..=4 => BLOCK_SIZE,
        5 | 6 => BLOCK_SIZE * 2,
        _ => BLOCK_SIZE * 3,
    }
}

fn throughput() {
    let h = heap(4 << 20);
    h.enter(|h| {
        const LIVE: usize = 1024;
        let mut ring = [0usize; LIVE];
        let n = 2_000_000;
        let t = Instant::now();
        for i in 0..n {
            let slot = i % LIVE;
            if ring[slot] != 0 {
                h.free(ring[slot] as *mut u8);
            }
            ring[slot] = h.alloc(size_for(i.wrapping_mul(2654435761)), false).unwrap().as_ptr() as usize;
        }
        let el = t.elapsed();
        println!(
            "alloc+free, mixed 1-3 blocks, {} live: {:.1} M pairs/s ({:.0} ns per pair)",
            LIVE,
            n as f64 / el.as_secs_f64() / 1e6,
            el.as_nanos() as f64 / n as f64
        );
        for p in ring {
            h.free(p as *mut u8);
        }
    });
}

/// Fills `h` with `live` bytes of reachable objects (pointer arrays of 3
/// blocks, chained, rooted at `roots[0]`) and garbage up to `fill` bytes.
fn populate(h: &Heap, roots: &mut [usize; 1], live: usize, fill: usize) {
    let per_array = 3 * BLOCK_SIZE / WORD - 1; // last word chains to the next array
    let mut used = 0;
    let mut i = 0;
    let mut array = 0usize;
    let mut slot = per_array;
    while used < live {
        if slot == per_array {
            let a = h.alloc(3 * BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
            // SAFETY: fresh 3-block allocation; the last word links the previous array.
            unsafe { a.add(per_array).write(array) };
            array = a as usize;
            used += 3 * BLOCK_SIZE;
            slot = 0;
        }
        let sz = size_for(i);
        let o = h.alloc(sz, false).unwrap().as_ptr() as usize;
        // SAFETY: `array` has per_array+1 words.
        unsafe { (array as *mut usize).add(slot).write(o) };
        slot += 1;
        used += sz;
        i += 1;
    }
    roots[0] = array;
    while used < fill {
        let sz = size_for(i);
        if h.alloc(sz, false).is_err() {
            break;
        }
        used += sz;
        i += 1;
    }
}

#[inline(never)]
fn scrub() {
    black_box([0usize; 4096]);
}

fn collection(size: usize, live_fraction: f64, reps: usize) {
    let h = heap(size);
    let mut roots = [0usize; 1];
    // SAFETY: roots outlives the heap's use below.
    unsafe { h.set_root_section(roots.as_ptr(), 1) };
    let pool = h.info().total;
    let live = (pool as f64 * live_fraction) as usize;
    let mut times = Vec::new();
    let mut marked = 0;
    h.enter(|h| {
        populate(h, &mut roots, live, pool * 9 / 10);
        scrub();
        for _ in 0..reps {
            let t = Instant::now();
            h.collect();
            times.push(t.elapsed());
            marked = h.history().last().map(|r| r.marked).unwrap_or(0);
            // refill the freed space with garbage for the next sweep
            let mut i = 0;
            while h.used() < pool * 9 / 10 && h.alloc(size_for(i), false).is_ok() {
                i += 1;
            }
            scrub();
        }
    });
    times.sort();
    let med = times[times.len() / 2];
    println!(
        "collect {:>3} MiB heap, {:>2.0}% live ({} objects marked): median {:.3} ms, best {:.3} ms",
        size >> 20,
        live_fraction * 100.0,
        marked,
        ms(med),
        ms(times[0])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[cfg(feature = "gc-torture")]
fn torture() {
    let mut c = HeapConfig::with_size(256 * 1024);
    c.crash_dumps = false;
    c.torture.mode = upy_heap::TortureMode::Every;
    c.torture.verify = true;
    c.torture.poison = true;
    for snapshot in [false, true] {
        c.torture.snapshot = snapshot;
        let h = Heap::new(c.clone()).expect("heap");
        let mut roots = [0usize; 1];
        // SAFETY: roots outlives the heap's use below.
        unsafe { h.set_root_section(roots.as_ptr(), 1) };
        h.enter(|h| {
            populate(h, &mut roots, 64 * 1024, 0);
            let n = 2000;
            let t = Instant::now();
            for i in 0..n {
                black_box(h.alloc(size_for(i), false).unwrap());
            }
            let el = t.elapsed();
            println!(
                "torture (collect + full verify before every allocation{}), 64 KiB live in a 256 KiB heap: {:.1} us per allocation",
                if snapshot { " + pre-collection snapshot" } else { "" },
                el.as_secs_f64() * 1e6 / n as f64
            );
        });
    }
}

#[cfg(not(feature = "gc-torture"))]
fn torture() {
    println!("torture: skipped (build with --features gc-torture)");
}

fn main() {
    // `cargo bench` passes --bench; a plain `cargo test` of benches passes nothing
    // but we run the same short figures either way.
    // `cargo bench -p upy-heap -- NAME` runs only the sections whose name
    // contains NAME (throughput, collect, torture).
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let want = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    println!("upy-heap benchmark, {ARCH_NAME}, block {BLOCK_SIZE} bytes");
    if want("throughput") {
        throughput();
    }
    if want("collect") {
        collection(2 << 20, 0.10, 21);
        collection(2 << 20, 0.50, 21);
        collection(64 << 20, 0.50, 5);
    }
    if want("torture") {
        torture();
    }
}
