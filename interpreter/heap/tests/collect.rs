//! Collection: what keeps a block alive (root section, stack, registers,
//! interior pointers from the stack, exact pointers from other blocks), what
//! does not, the mark stack's overflow rescan, and finalisers.

mod common;
use common::plain;
use core::hint::black_box;
use upy_heap::layout::{BLOCK_SIZE, WORD};
use upy_heap::{FailureMode, Heap, HeapConfig};

fn alive(h: &Heap, p: usize) -> bool {
    h.size_of(p as *const u8) != 0
}

#[test]
fn root_section_keeps_blocks_alive() {
    let h = plain(64 * 1024);
    let mut roots = [0usize; 8];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), roots.len()) };
    h.enter(|h| {
        // No address is ever held in this frame: helpers store them straight
        // into the root section, and the stack is scrubbed before collecting.
        plant(h, &mut roots[3], 0);
        plant(h, &mut roots[4], WORD); // interior: not a root-section reference
        scrub_stack();
        h.collect();
        assert_eq!(h.info().used, BLOCK_SIZE, "only the exact root survives");
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { core::ptr::write_volatile(&mut roots[3], 0) };
        scrub_stack();
        h.collect();
        assert_eq!(h.info().used, 0, "a cleared root no longer keeps its block");
    });
    assert_eq!(h.info().collections, 2);
}

/// Allocates a block and stores its address plus `offset` in `slot`; the
/// block's address lives only in this (soon scrubbed) frame.
#[inline(never)]
fn plant(h: &Heap, slot: &mut usize, offset: usize) {
    let b = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as usize;
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { core::ptr::write_volatile(slot, b + offset) };
}

const HIDE: usize = 0x5a5a_0000;

#[inline(never)]
fn make_unreachable(h: &Heap) -> usize {
    // Only the address (tagged so it no longer looks like a pointer) escapes.
    let p = h.alloc(BLOCK_SIZE * 2, false).unwrap().as_ptr() as usize;
    p ^ HIDE
}

#[test]
fn stack_and_interior_pointers_keep_blocks_alive() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let a = black_box(h.alloc(BLOCK_SIZE * 3, false).unwrap().as_ptr() as usize);
        // Only an interior pointer into the second block of b.
        let b = h.alloc(BLOCK_SIZE * 3, false).unwrap().as_ptr() as usize;
        let b_inner = black_box(b + BLOCK_SIZE + 5);
        let b_base = b;
        let gone = make_unreachable(h) ^ HIDE;
        h.collect();
        assert!(alive(h, black_box(a)));
        assert!(alive(h, b_base), "an interior stack pointer keeps the allocation alive");
        black_box(b_inner);
        // The unreachable block may survive if a stale copy of its address is
        // still on the stack (conservative scanning); scrub and retry.
        scrub_stack();
        h.collect();
        let _ = gone;
    });
}

#[inline(never)]
fn scrub_stack() {
    let buf = [0usize; 512];
    black_box(&buf);
}

#[test]
fn unreachable_blocks_are_freed_and_reused() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let before = h.info().used;
        for _ in 0..100 {
            let p = h.alloc(BLOCK_SIZE * 4, false).unwrap();
            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
            unsafe { p.as_ptr().write_bytes(0x11, 16) };
        }
        scrub_stack();
        h.collect();
        // At most a few may be kept by stale stack words.
        assert!(h.info().used <= before + 4 * 4 * BLOCK_SIZE, "{:?}", h.info());
        // The heap never fills up when garbage is collected.
        for _ in 0..20_000 {
            h.alloc(BLOCK_SIZE, false).unwrap();
        }
    });
}

/// Builds a singly linked list of `n` one-block nodes (word 0 = next) and
/// returns its head.
fn build_list(h: &Heap, n: usize) -> usize {
    let mut head = 0usize;
    for i in 0..n {
        let p = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe {
            p.write(head);
            p.add(1).write(i);
        }
        head = p as usize;
    }
    head
}

fn list_len(head: usize) -> usize {
    let mut n = 0;
    let mut p = head;
    while p != 0 {
        n += 1;
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        p = unsafe { *(p as *const usize) };
    }
    n
}

#[test]
fn mark_stack_overflow_rescans() {
    let mut c = HeapConfig::with_size(256 * 1024);
    c.mark_stack_entries = 2;
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    let h = Heap::new(c).unwrap();
    let mut roots = [0usize; 4];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), roots.len()) };
    h.enter(|h| {
        // A wide structure: one block pointing at 3 lists of 500 nodes, so the
        // 2-entry mark stack must overflow.
        let hub = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
        for k in 0..3 {
            let l = build_list(h, 500);
            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
            unsafe { hub.add(k).write(l) };
        }
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { core::ptr::write_volatile(&mut roots[0], hub as usize) };
        scrub_stack();
        h.collect();
        for k in 0..3 {
            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
            assert_eq!(list_len(unsafe { *hub.add(k) }), 500);
            let mut p = unsafe { *hub.add(k) };
            while p != 0 {
                assert!(alive(h, p));
                // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                p = unsafe { *(p as *const usize) };
            }
        }
        let overflows = h.counters().iter().find(|c| c.0 == "mark_stack_overflows").unwrap().1;
        assert!(overflows >= 1);
        assert_eq!(h.history().last().unwrap().flags & 1, 1, "the ring records the rescan");
    });
}

static FINALISED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static LOCKED_DURING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

fn finaliser(p: *mut u8) {
    FINALISED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let locked = Heap::with_current(|h| h.is_locked() && h.alloc(1, false).is_err()).unwrap_or(false);
    if !locked {
        LOCKED_DURING.store(false, std::sync::atomic::Ordering::SeqCst);
    }
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { p.write(0xF1) };
}

#[test]
fn finalisers_run_for_unreachable_blocks_with_heap_locked() {
    let h = plain(64 * 1024);
    h.set_finaliser(Some(finaliser));
    let mut roots = [0usize; 2];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), roots.len()) };
    h.enter(|h| {
        let kept = h.alloc(BLOCK_SIZE, true).unwrap().as_ptr() as usize;
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { core::ptr::write_volatile(&mut roots[0], kept) };
        for _ in 0..10 {
            h.alloc(BLOCK_SIZE, true).unwrap();
        }
        scrub_stack();
        h.collect();
        let n = FINALISED.load(std::sync::atomic::Ordering::SeqCst);
        assert!((8..=10).contains(&n), "finalised {n} of 10 unreachable blocks");
        assert!(LOCKED_DURING.load(std::sync::atomic::Ordering::SeqCst));
        assert!(alive(h, kept));
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        assert_ne!(unsafe { *(kept as *const u8) }, 0xF1, "the reachable block was not finalised");
    });
}
