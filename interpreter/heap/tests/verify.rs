//! Every verifier check fires on a heap corrupted on purpose and stays silent
//! on a healthy one. Needs the gc-torture feature.
#![cfg(feature = "gc-torture")]

mod common;
use common::torture;
use upy_heap::heap_testing as t;
use upy_heap::layout::{BlockKind, BLOCK_SIZE, POISON, WORDS_PER_BLOCK};
use upy_heap::{GcBox, GcVec, Heap, TypeInfo};

fn checks(h: &Heap) -> Vec<&'static str> {
    h.take_failures().iter().map(|f| f.check).collect()
}

#[test]
fn healthy_heap_under_torture_is_silent() {
    let h = torture(128 * 1024);
    let mut roots = [0usize; 4];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), roots.len()) };
    h.enter(|h| {
        let mut keep: GcVec<GcVec<u64>> = GcVec::new();
        for i in 0..300u64 {
            let mut v = GcVec::new();
            for j in 0..(i % 17) {
                v.push(i * 1000 + j).unwrap();
            }
            keep.push(v).unwrap();
            if i % 3 == 0 {
                keep.remove((i as usize * 7) % keep.len());
            }
            let b = GcBox::new([i; 5]).unwrap();
            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
            unsafe { core::ptr::write_volatile(&mut roots[(i % 4) as usize], b.as_ptr() as usize) };
            if i % 2 == 0 {
                // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                unsafe { core::ptr::write_volatile(&mut roots[(i % 4) as usize], 0) };
            }
        }
        for (i, v) in keep.iter().enumerate() {
            for (j, &x) in v.iter().enumerate() {
                assert_eq!(x % 1000, j as u64, "vector {i} element {j} intact");
            }
        }
        assert_eq!(h.verify(), 0);
    });
    assert!(h.info().collections > 300, "collected before every allocation");
    assert_eq!(checks(&h), Vec::<&str>::new());
}

#[test]
fn atb_tail_at_start() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        t::set_kind(h, 0, BlockKind::Tail);
        assert!(h.verify() > 0);
    });
    assert!(checks(&h).contains(&"atb-tail-at-start"));
}

#[test]
fn atb_tail_after_free_names_both_blocks() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        let p = h.alloc(BLOCK_SIZE * 3, false).unwrap();
        let b = t::block_index(h, p.as_ptr()).unwrap();
        t::set_kind(h, b + 1, BlockKind::Free);
        h.verify();
        let f = h.take_failures();
        let tail = f.iter().find(|f| f.check == "atb-tail-after-free").expect("fires");
        assert_eq!(tail.block, Some(b + 2));
        assert!(tail.message.contains(&format!("FREE block {}", b + 1)), "{}", tail.message);
        t::set_kind(h, b + 1, BlockKind::Tail);
    });
}

#[test]
fn mark_outside_collection() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        let p = h.alloc(8, false).unwrap();
        let b = t::block_index(h, p.as_ptr()).unwrap();
        t::set_kind(h, b, BlockKind::Mark);
        h.verify();
        t::set_kind(h, b, BlockKind::Head);
    });
    assert!(checks(&h).contains(&"mark-outside-collection"));
}

#[test]
fn ftb_on_a_non_head() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        t::set_ftb(h, 10, true);
        h.verify();
        t::set_ftb(h, 10, false);
    });
    assert_eq!(checks(&h), vec!["ftb-not-head"]);
}

#[test]
fn poison_in_a_free_block_and_on_reuse() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        let p = h.alloc(BLOCK_SIZE, false).unwrap();
        let b = t::block_index(h, p.as_ptr()).unwrap();
        h.free(p.as_ptr());
        // A write through the dangling pointer.
        t::write_pool_word(h, b * WORDS_PER_BLOCK + 1, 0x1234);
        h.verify();
        let f = h.take_failures();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].check, "poison");
        assert!(f[0].message.contains("0x1234"), "{}", f[0].message);
        // Reusing the block reports it too (the torture collection before the
        // allocation reports it first, from the verifier).
        let q = h.alloc(BLOCK_SIZE, false).unwrap();
        assert_eq!(q, p);
        assert!(h.take_failures().iter().any(|f| f.check == "poison" && f.message.contains("reused")));
        t::write_pool_word(h, b * WORDS_PER_BLOCK + 1, 0);
        assert_ne!(POISON, 0);
    });
}

#[test]
fn counters_disagree_with_the_table() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        t::bump_live_allocs(h);
        h.verify();
    });
    assert!(checks(&h).contains(&"counters"));
}

static NODE_DESC: u64 = 0;
static NODE: TypeInfo = TypeInfo { name: "test-node", letter: b'n', fields: &[1, 2], all_from: None };

#[test]
fn dangling_field_names_both_ends() {
    let h = torture(64 * 1024);
    let desc = &NODE_DESC as *const u64 as usize;
    assert!(h.register_type(desc as *const (), &NODE));
    let mut roots = [0usize; 1];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), 1) };
    h.enter(|h| {
        let obj = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as *mut usize;
        let target = h.alloc(BLOCK_SIZE, false).unwrap().as_ptr() as usize;
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe {
            obj.write(desc);
            obj.add(1).write(target);
            obj.add(2).write(7 << 1 | 1); // a tagged small int: not a reference
            core::ptr::write_volatile(&mut roots[0], obj as usize);
        }
        assert_eq!(h.verify(), 0, "healthy before the free");
        h.free(target as *mut u8); // the object still points at it
        h.verify();
        let f = h.take_failures();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].check, "dangling-field");
        let ob = t::block_index(h, obj as *const u8).unwrap();
        assert_eq!(f[0].referrer_block, Some(ob));
        assert!(f[0].message.contains("type test-node") && f[0].message.contains("FREE"), "{}", f[0].message);
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { obj.add(1).write(0) };
    });
}

#[test]
fn failures_past_the_list_capacity_do_not_run_into_stored_ones() {
    let h = torture(64 * 1024);
    h.enter(|h| {
        for b in 0..40 {
            t::set_ftb(h, 100 + b, true); // 40 ftb-not-head failures
        }
        assert_eq!(h.verify(), 40, "all failures are counted");
        for b in 0..40 {
            t::set_ftb(h, 100 + b, false);
        }
    });
    let f = h.take_failures();
    assert_eq!(f.len(), 16, "the list keeps the first 16");
    for x in &f {
        assert_eq!(x.message.matches("gc-torture:").count(), 1, "one message per failure: {}", x.message);
    }
}
