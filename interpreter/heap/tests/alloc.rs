//! Allocator behaviour without collection pressure: zeroing, first fit and the
//! free hint, free's HEAD assertion, realloc in place and moving, info, lock.

mod common;
use common::plain;
use upy_heap::heap_testing as t;
use upy_heap::layout::{BlockKind, BLOCK_SIZE};
use upy_heap::{AllocError, GcBox, GcVec, Heap, HeapConfig};

#[test]
fn alloc_is_zeroed_including_slack() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let p = h.alloc(3 * BLOCK_SIZE, false).unwrap();
        // SAFETY (test): fill the allocation, free it, and allocate again.
        unsafe { core::ptr::write_bytes(p.as_ptr(), 0xAB, 3 * BLOCK_SIZE) };
        h.free(p.as_ptr());
        let q = h.alloc(2 * BLOCK_SIZE + 1, false).unwrap();
        assert_eq!(q, p, "first fit reuses the lowest free run");
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        let bytes = unsafe { core::slice::from_raw_parts(q.as_ptr(), 3 * BLOCK_SIZE) };
        assert!(bytes.iter().all(|&b| b == 0), "allocation and its last block's slack are zeroed");
        assert_eq!(h.size_of(q.as_ptr()), 3 * BLOCK_SIZE);
    });
}

#[test]
fn first_fit_and_hint() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let a = h.alloc(1, false).unwrap();
        let b = h.alloc(BLOCK_SIZE * 2, false).unwrap();
        let c = h.alloc(1, false).unwrap();
        assert_eq!(a.as_ptr() as usize + BLOCK_SIZE, b.as_ptr() as usize);
        assert_eq!(b.as_ptr() as usize + 2 * BLOCK_SIZE, c.as_ptr() as usize);
        assert_eq!(t::free_hint(h), 4);
        h.free(b.as_ptr());
        assert_eq!(t::free_hint(h), 1, "free lowers the hint");
        let d = h.alloc(BLOCK_SIZE * 3, false).unwrap();
        assert!(d.as_ptr() > c.as_ptr(), "a 3-block run does not fit in the 2-block hole");
        let e = h.alloc(BLOCK_SIZE, false).unwrap();
        assert_eq!(e, b, "a 1-block allocation fills the hole");
        assert!(h.take_failures().is_empty());
    });
}

#[test]
fn free_of_non_head_is_reported() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let a = h.alloc(BLOCK_SIZE * 2, false).unwrap();
        // interior (TAIL) pointer
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        h.free(unsafe { a.as_ptr().add(BLOCK_SIZE) });
        let f = h.take_failures();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].check, "double-free");
        assert!(f[0].message.contains("TAIL") && f[0].message.contains("AT_HEAD"), "{}", f[0].message);
        h.free(a.as_ptr());
        h.free(a.as_ptr());
        let f = h.take_failures();
        assert_eq!(f.len(), 1, "second free of the same block");
        assert!(f[0].message.contains("FREE"), "{}", f[0].message);
        let mut x = 0usize;
        h.free(&mut x as *mut usize as *mut u8);
        let (lo, _) = h.pool_range();
        h.free((lo + 3) as *mut u8);
        let f = h.take_failures();
        assert_eq!(f.iter().filter(|f| f.check == "wild-free").count(), 2);
    });
}

#[test]
fn realloc_in_place_and_moving() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let a = h.alloc(BLOCK_SIZE, false).unwrap();
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { a.as_ptr().write(7) };
        let a2 = h.realloc(a.as_ptr(), BLOCK_SIZE * 3).unwrap();
        assert_eq!(a2, a, "grows in place into free neighbours");
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        assert_eq!(unsafe { a2.as_ptr().read() }, 7);
        assert_eq!(h.size_of(a2.as_ptr()), 3 * BLOCK_SIZE);
        let blocker = h.alloc(1, false).unwrap();
        let a3 = h.realloc(a2.as_ptr(), BLOCK_SIZE * 5).unwrap();
        assert_ne!(a3, a2, "moves when the neighbour is taken");
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        assert_eq!(unsafe { a3.as_ptr().read() }, 7, "contents move with it");
        let bytes = unsafe { core::slice::from_raw_parts(a3.as_ptr().add(3 * BLOCK_SIZE), 2 * BLOCK_SIZE) };
        assert!(bytes.iter().all(|&b| b == 0), "gained bytes are zeroed");
        assert_eq!(h.size_of(a2.as_ptr()), 0, "the old allocation was freed");
        let a4 = h.realloc(a3.as_ptr(), 1).unwrap();
        assert_eq!(a4, a3, "shrinks in place");
        assert_eq!(h.size_of(a4.as_ptr()), BLOCK_SIZE);
        let first = t::block_index(h, a3.as_ptr()).unwrap();
        assert_eq!(t::kind(h, first + 1), BlockKind::Free);
        h.free(blocker.as_ptr());
        h.free(a4.as_ptr());
        assert_eq!(h.info().used, 0);
        assert!(h.take_failures().is_empty());
    });
}

#[test]
fn info_counts() {
    let h = plain(64 * 1024);
    h.enter(|h| {
        let _a = h.alloc(1, false).unwrap();
        let _b = h.alloc(BLOCK_SIZE + 1, false).unwrap();
        let _c = h.alloc(BLOCK_SIZE * 7, false).unwrap();
        let i = h.info();
        assert_eq!(i.used, 10 * BLOCK_SIZE);
        assert_eq!(i.num_1block, 1);
        assert_eq!(i.num_2block, 1);
        assert_eq!(i.max_block, 7);
        assert_eq!(i.free, i.total - i.used);
        assert_eq!(i.max_free, h.block_count() - 10);
    });
}

#[test]
fn out_of_memory_is_an_error_not_an_abort() {
    let h = plain(16 * 1024);
    h.enter(|h| {
        let e = h.alloc(1 << 20, false).unwrap_err();
        assert_eq!(e, AllocError::OutOfMemory { requested: 1 << 20 });
        // Fill the heap with reachable blocks.
        let mut keep: GcVec<usize> = GcVec::new();
        let mut failed = false;
        for _ in 0..10_000 {
            match GcBox::new([1usize; 4]) {
                Ok(b) => {
                    if keep.push(b.into_raw() as usize).is_err() {
                        failed = true;
                        break;
                    }
                }
                Err(AllocError::OutOfMemory { .. }) => {
                    failed = true;
                    break;
                }
                Err(e) => panic!("{e}"),
            }
        }
        assert!(failed, "a 16 KiB heap must run out");
        assert!(e.to_string().contains("memory allocation failed"));
        for &p in keep.iter() {
            h.free(p as *mut u8);
        }
    });
}

#[test]
fn lock_refuses_allocation_and_ignores_free() {
    let h = plain(16 * 1024);
    h.enter(|h| {
        let a = h.alloc(1, false).unwrap();
        h.lock();
        assert!(h.is_locked());
        assert_eq!(h.alloc(1, false), Err(AllocError::Locked));
        h.free(a.as_ptr());
        assert_eq!(h.size_of(a.as_ptr()), BLOCK_SIZE, "free is a no-op while locked");
        h.unlock();
        h.free(a.as_ptr());
        assert_eq!(h.size_of(a.as_ptr()), 0);
    });
}

#[test]
fn containers_without_a_heap_fail_cleanly() {
    let mut v: GcVec<u8> = GcVec::new();
    assert_eq!(v.push(1), Err(AllocError::NoHeap));
    assert!(GcBox::new(5u32).is_err());
}

#[test]
fn gcvec_behaves_like_vec() {
    let h = plain(256 * 1024);
    h.enter(|_| {
        let mut v: GcVec<u32> = GcVec::new();
        for i in 0..1000 {
            v.push(i).unwrap();
        }
        assert_eq!(v.len(), 1000);
        assert_eq!(v[999], 999);
        v.insert(0, 42).unwrap();
        assert_eq!(v.remove(1), 0);
        assert_eq!(v[0], 42);
        assert_eq!(v.pop(), Some(999));
        v.truncate(10);
        v.extend_from_slice(&[7, 8, 9]).unwrap();
        assert_eq!(&v[10..], &[7, 8, 9]);
        let mut nested: GcVec<GcVec<u8>> = GcVec::new();
        for i in 0..20u8 {
            let mut inner = GcVec::new();
            inner.extend_from_slice(&[i; 40]).unwrap();
            nested.push(inner).unwrap();
        }
        assert_eq!(nested[19][39], 19);
        let b = GcBox::new(GcVec::<u8>::with_capacity(100).unwrap()).unwrap();
        assert!(b.capacity() >= 100);
    });
    // Everything was dropped inside enter: the heap is empty again.
    assert_eq!(h.info().used, 0);
    assert!(h.take_failures().is_empty());
}

#[test]
fn bad_configuration_is_one_line() {
    for (size, want) in [(BLOCK_SIZE * 1000 + 3, "not a multiple"), (BLOCK_SIZE * 4, "too small")] {
        let e = Heap::new(HeapConfig::with_size(size)).err().expect("must fail");
        assert!(e.0.contains(want) && !e.0.contains('\n'), "{e}");
    }
}

mod hints {
    use super::common::plain;
    use proptest::prelude::*;
    use upy_heap::layout::BLOCK_SIZE;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
        /// The free hints only ever skip space that cannot satisfy a request:
        /// with collection off, an allocation succeeds exactly when a free run
        /// of its size exists, through any interleaving of allocs, frees and
        /// reallocs of mixed sizes.
        #[test]
        fn allocation_succeeds_iff_a_run_exists(ops in proptest::collection::vec((0u8..3, 1usize..9, any::<usize>()), 1..400)) {
            // Small enough to fill up, so a hint that skips a usable run shows
            // as a refused allocation.
            let h = plain(upy_heap::layout::Geometry::min_size() + 32 * BLOCK_SIZE);
            h.set_auto_collect(false);
            h.enter(|h| -> Result<(), TestCaseError> {
                let mut live: Vec<usize> = Vec::new();
                for (op, blocks, pick) in ops {
                    match op {
                        0 => {
                            let fits = h.info().max_free >= blocks;
                            match h.alloc(blocks * BLOCK_SIZE, false) {
                                Ok(p) => { prop_assert!(fits); live.push(p.as_ptr() as usize); }
                                Err(_) => prop_assert!(!fits, "{blocks} blocks refused with a run of {} free", h.info().max_free),
                            }
                        }
                        1 if !live.is_empty() => {
                            let p = live.swap_remove(pick % live.len());
                            h.free(p as *mut u8);
                        }
                        2 if !live.is_empty() => {
                            let i = pick % live.len();
                            if let Ok(q) = h.realloc(live[i] as *mut u8, blocks * BLOCK_SIZE) {
                                live[i] = q.as_ptr() as usize;
                            }
                        }
                        _ => {}
                    }
                }
                for p in live { h.free(p as *mut u8); }
                prop_assert_eq!(h.info().used, 0);
                Ok(())
            })?;
            prop_assert!(h.take_failures().is_empty());
        }
    }
}
