//! Each injected fault is caught in-process by the verifier (failures recorded,
//! not aborted). The register fault needs a release build to show, so it is
//! also exercised through the `heap-selftest` binary (see `selftest.rs` and
//! `ci/selftest.sh`); here it is checked to be wired in.
#![cfg(feature = "fault-injection")]

mod common;
use core::hint::black_box;
use upy_heap::layout::BLOCK_SIZE;
use upy_heap::{FailureMode, Fault, GcVec, Heap, HeapConfig};

fn heap_with(fault: Fault, size: usize) -> Box<Heap> {
    let mut c = common::torture_config(size);
    c.fault = Some(fault);
    Heap::new(c).unwrap()
}

fn checks(h: &Heap) -> Vec<&'static str> {
    h.take_failures().iter().map(|f| f.check).collect()
}

#[test]
fn every_fault_has_a_name_and_a_line() {
    for (f, name, doc) in Fault::ALL {
        assert_eq!(Fault::parse(name), Some(f));
        assert!(!doc.is_empty() && !doc.contains('\n'));
    }
}

#[test]
fn forget_root() {
    let h = heap_with(Fault::ForgetRoot, 64 * 1024);
    let mut roots = [0usize; 4];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), roots.len()) };
    h.enter(|h| {
        plant(h, &mut roots[2]);
        scrub();
        h.alloc(8, false).unwrap(); // torture collection
    });
    let f = h.take_failures();
    let m = f.iter().find(|f| f.check == "missed-by-marker").expect("caught");
    assert!(m.referrer.contains("root slot 2"), "{}", m.referrer);
}

#[test]
fn double_free() {
    let h = heap_with(Fault::DoubleFree, 64 * 1024);
    h.enter(|_| {
        let mut v: GcVec<u8> = GcVec::new();
        v.push(1).unwrap();
    });
    let f = h.take_failures();
    assert_eq!(f[0].check, "double-free");
    assert!(f[0].message.contains("FREE"));
}

#[test]
fn tail_left_behind() {
    let h = heap_with(Fault::TailLeftBehind, 64 * 1024);
    h.enter(|h| {
        let p = h.alloc(BLOCK_SIZE * 3, false).unwrap();
        h.free(black_box(p.as_ptr())); // freeing by hand is correct...
        scrub();
        make_garbage(h); // ...the sweep is what the fault breaks
        h.alloc(8, false).unwrap();
    });
    let c = checks(&h);
    assert!(c.contains(&"atb-tail-after-free"), "{c:?}");
}

#[inline(never)]
fn make_garbage(h: &Heap) {
    for _ in 0..4 {
        black_box(h.alloc(BLOCK_SIZE * 4, false).unwrap());
    }
}

/// Stores a fresh block's address only in `slot` (this frame is then scrubbed).
#[inline(never)]
fn plant(h: &Heap, slot: &mut usize) {
    let p = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as usize;
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { core::ptr::write_volatile(slot, p) };
}

#[inline(never)]
fn scrub() {
    black_box([0usize; 512]);
}

#[test]
fn mark_overflow_drop() {
    let mut c = HeapConfig::with_size(256 * 1024);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    c.torture.verify = true;
    c.mark_stack_entries = 2;
    c.fault = Some(Fault::MarkOverflowDrop);
    let h = Heap::new(c).unwrap();
    let mut roots = [0usize; 1];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), 1) };
    h.enter(|h| {
        let hub = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
        for k in 0..4 {
            let mut head = 0usize;
            for _ in 0..50 {
                let n = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
                // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                unsafe { n.write(head) };
                head = n as usize;
            }
            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
            unsafe { hub.add(k).write(head) };
        }
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { core::ptr::write_volatile(&mut roots[0], hub as usize) };
        h.collect();
    });
    let f = h.take_failures();
    assert!(f.iter().any(|f| f.check == "missed-by-marker" && f.referrer.contains("block")), "{f:?}");
}

static FIN_COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
fn fin(_p: *mut u8) {
    FIN_COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

#[test]
fn early_finaliser() {
    let h = heap_with(Fault::EarlyFinaliser, 64 * 1024);
    h.set_finaliser(Some(fin));
    let mut roots = [0usize; 1];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), 1) };
    h.enter(|h| {
        let p = h.alloc(BLOCK_SIZE, true).unwrap().as_ptr() as usize;
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { core::ptr::write_volatile(&mut roots[0], p) };
        h.alloc(8, false).unwrap();
    });
    let c = checks(&h);
    assert!(c.contains(&"finalised-live"), "{c:?}");
    assert!(FIN_COUNT.load(std::sync::atomic::Ordering::SeqCst) >= 1);
}

#[test]
fn skip_registers_is_wired() {
    let h = heap_with(Fault::SkipRegisters, 64 * 1024);
    h.enter(|h| {
        h.alloc(8, false).unwrap();
    });
    let last = h.history().last().unwrap();
    assert_eq!(last.flags & 2, 0, "the ring says the registers were not captured");
    let h2 = common::torture(64 * 1024);
    h2.enter(|h| {
        h.alloc(8, false).unwrap();
    });
    assert_eq!(h2.history().last().unwrap().flags & 2, 2);
}

#[test]
fn short_stack_scan_skips_the_top() {
    // Same call depth for both heaps, so the recorded stack top is the same.
    let run = |h: &Heap| {
        h.enter(|h| {
            h.alloc(8, false).unwrap();
        });
        h.history().last().unwrap()
    };
    let faulty = run(&heap_with(Fault::ShortStackScan, 64 * 1024));
    let clean = run(&common::torture(64 * 1024));
    let word = core::mem::size_of::<usize>();
    assert!(
        clean.stack_hi - faulty.stack_hi == 32 * word || faulty.stack_hi == faulty.stack_lo,
        "clean scan ends at 0x{:x}, faulty at 0x{:x}",
        clean.stack_hi,
        faulty.stack_hi
    );
}
