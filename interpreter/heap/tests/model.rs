//! Model test: random sequences of alloc, free, realloc, write and collect,
//! checked against a reference model. Live blocks keep their bytes, freed
//! space is reused, and `info` agrees with the model. Every live allocation is
//! reachable from the root section, so collections must free nothing of it.
//! Under gc-torture the heap also collects before every allocation and
//! verifies itself; any recorded failure fails the test.

mod common;
use proptest::prelude::*;
use upy_heap::layout::BLOCK_SIZE;
use upy_heap::{FailureMode, Heap, HeapConfig};

#[derive(Clone, Debug)]
enum Op {
    Alloc(usize),
    Free(usize),
    Realloc(usize, usize),
    Write(usize, u8),
    Collect,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1usize..600).prop_map(Op::Alloc),
        2 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), 1usize..900).prop_map(|(i, n)| Op::Realloc(i, n)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Op::Write(i, b)),
        1 => Just(Op::Collect),
    ]
}

const SLOTS: usize = 64;

fn config() -> HeapConfig {
    let mut c = HeapConfig::with_size(64 * 1024);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    #[cfg(feature = "gc-torture")]
    {
        c.torture.mode = upy_heap::TortureMode::Every;
        c.torture.verify = true;
        c.torture.poison = true;
    }
    c
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let h = Heap::new(config()).unwrap();
    // Root section: slot i holds the address of model allocation i (or 0).
    let mut roots = [0usize; SLOTS];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), SLOTS) };
    // Model: per slot, the bytes the allocation must hold.
    let mut model: Vec<Option<Vec<u8>>> = vec![None; SLOTS];
    let result = h.enter(|h| -> Result<(), TestCaseError> {
        for o in ops {
            match *o {
                Op::Alloc(n) => {
                    let Some(slot) = model.iter().position(|m| m.is_none()) else { continue };
                    match h.alloc(n, false) {
                        Ok(p) => {
                            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                            let bytes = unsafe { core::slice::from_raw_parts(p.as_ptr(), n) };
                            prop_assert!(bytes.iter().all(|&b| b == 0), "fresh memory is zeroed");
                            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                            unsafe { core::ptr::write_volatile(&mut roots[slot], p.as_ptr() as usize) };
                            model[slot] = Some(vec![0; n]);
                        }
                        Err(_) => {
                            let live: usize = model.iter().flatten().map(|m| m.len().div_ceil(BLOCK_SIZE).max(1)).sum();
                            prop_assert!(
                                live + n.div_ceil(BLOCK_SIZE) > h.block_count() / 2,
                                "out of memory with only {live} blocks live"
                            );
                        }
                    }
                }
                Op::Free(i) => {
                    let slot = i % SLOTS;
                    if model[slot].take().is_some() {
                        let p = roots[slot];
                        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                        unsafe { core::ptr::write_volatile(&mut roots[slot], 0) };
                        h.free(p as *mut u8);
                    }
                }
                Op::Realloc(i, n) => {
                    let slot = i % SLOTS;
                    if let Some(m) = &mut model[slot] {
                        if let Ok(q) = h.realloc(roots[slot] as *mut u8, n) {
                            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                            unsafe { core::ptr::write_volatile(&mut roots[slot], q.as_ptr() as usize) };
                            let keep = m.len().min(n);
                            // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                            let bytes = unsafe { core::slice::from_raw_parts(q.as_ptr(), n) };
                            prop_assert_eq!(&bytes[..keep], &m[..keep], "realloc keeps the contents");
                            prop_assert!(bytes[keep..].iter().all(|&b| b == 0), "gained bytes are zero");
                            m.resize(n, 0);
                        }
                    }
                }
                Op::Write(i, b) => {
                    let slot = i % SLOTS;
                    if let Some(m) = &mut model[slot] {
                        let at = i % m.len();
                        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                        unsafe { (roots[slot] as *mut u8).add(at).write(b) };
                        m[at] = b;
                    }
                }
                Op::Collect => h.collect(),
            }
            // Every live allocation still holds the model's bytes.
            for (slot, m) in model.iter().enumerate() {
                if let Some(m) = m {
                    let p = roots[slot];
                    prop_assert!(h.size_of(p as *const u8) >= m.len(), "slot {} lost its block", slot);
                    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
                    let bytes = unsafe { core::slice::from_raw_parts(p as *const u8, m.len()) };
                    prop_assert_eq!(bytes, &m[..]);
                }
            }
        }
        h.collect();
        let info = h.info();
        let model_blocks: usize = model.iter().flatten().map(|m| m.len().div_ceil(BLOCK_SIZE).max(1)).sum();
        prop_assert_eq!(info.used, model_blocks * BLOCK_SIZE, "info agrees with the model after a collection");
        // Freed space is reused: with everything freed, the whole heap is one run.
        for slot in 0..SLOTS {
            if model[slot].take().is_some() {
                h.free(roots[slot] as *mut u8);
                roots[slot] = 0;
            }
        }
        prop_assert_eq!(h.info().used, 0);
        prop_assert_eq!(h.info().max_free, h.block_count());
        Ok(())
    });
    let failures = h.take_failures();
    prop_assert!(failures.is_empty(), "verifier failures: {:?}", failures);
    result
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn heap_matches_model(ops in proptest::collection::vec(op(), 1..300)) {
        run(&ops)?;
    }
}
