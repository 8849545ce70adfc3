//! The allocator's hints (the lowest-free hint, the per-size-class run hints and
//! the full-chunk bits) are only ever shortcuts: every allocation lands exactly
//! where a plain first-fit scan of the allocation table would put it, through
//! any mix of sizes large enough to reach every size class and chunk.

mod common;
use common::plain;
use proptest::prelude::*;
use upy_heap::heap_testing as t;
use upy_heap::layout::{BlockKind, Geometry, BLOCK_SIZE};

/// The first run of `n` FREE blocks, by reading every entry of the table.
fn naive_first_fit(h: &upy_heap::Heap, n_blocks: usize, n: usize) -> Option<usize> {
    let mut run = 0;
    for b in 0..n_blocks {
        if t::kind(h, b) == BlockKind::Free {
            run += 1;
            if run == n {
                return Some(b + 1 - n);
            }
        } else {
            run = 0;
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn every_allocation_is_the_first_fit(
        ops in proptest::collection::vec((0u8..4, 0usize..10, any::<usize>()), 1..600)
    ) {
        let h = plain(Geometry::min_size() + 3000 * BLOCK_SIZE);
        h.set_auto_collect(false);
        let n_blocks = h.info().total / BLOCK_SIZE;
        h.enter(|h| -> Result<(), TestCaseError> {
            let mut live: Vec<usize> = Vec::new();
            for (op, size_pick, pick) in ops {
                // Mostly small requests, some spanning classes up to 512 blocks.
                let blocks = match size_pick {
                    0..=5 => 1 + pick % 3,
                    6 | 7 => 1 + pick % 40,
                    _ => 1 + pick % 512,
                };
                match op {
                    0 | 1 => {
                        let want = naive_first_fit(h, n_blocks, blocks);
                        match h.alloc(blocks * BLOCK_SIZE, false) {
                            Ok(p) => {
                                prop_assert_eq!(t::block_index(h, p.as_ptr()), want, "{} blocks", blocks);
                                live.push(p.as_ptr() as usize);
                            }
                            Err(_) => prop_assert_eq!(want, None, "{} blocks refused", blocks),
                        }
                    }
                    2 if !live.is_empty() => {
                        let p = live.swap_remove(pick % live.len());
                        h.free(p as *mut u8);
                    }
                    3 if !live.is_empty() => {
                        let i = pick % live.len();
                        if let Ok(q) = h.realloc(live[i] as *mut u8, blocks * BLOCK_SIZE) {
                            live[i] = q.as_ptr() as usize;
                        }
                    }
                    _ => {}
                }
            }
            for p in live {
                h.free(p as *mut u8);
            }
            prop_assert_eq!(h.info().used, 0);
            Ok(())
        })?;
        prop_assert!(h.take_failures().is_empty());
    }
}
