//! The `gc_ops` fuzz target's oracle, driven by proptest: random sequences of
//! alloc, free, realloc, link, unlink, drop-root, re-root, write and collect
//! must never make a model-reachable object disappear or change. Under the
//! gc-torture feature the heap also collects before every allocation and
//! verifies itself after every collection.

use proptest::prelude::*;
use upy_heap::fuzzing::{run_ops, Op};

fn op() -> impl Strategy<Value = Op> {
    (0u8..9, any::<u8>(), any::<u8>(), any::<u8>(), any::<u32>()).prop_map(|(k, a, b, c, v)| match k {
        0 => Op::Alloc { extra: a },
        1 => Op::Free { slot: a },
        2 => Op::Realloc { slot: a, extra: b },
        3 => Op::Link { from: a, field: b, to: c },
        4 => Op::Unlink { from: a, field: b },
        5 => Op::DropRoot { slot: a },
        6 => Op::Reroot { slot: a },
        7 => Op::Collect,
        _ => Op::Write { slot: a, word: b, value: v },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn gc_ops_match_the_model(ops in proptest::collection::vec(op(), 1..400)) {
        if let Err(e) = run_ops(&ops) {
            return Err(TestCaseError::fail(e));
        }
    }
}

#[test]
fn a_linked_structure_survives_losing_its_roots() {
    let mut ops = vec![];
    for _ in 0..6 {
        ops.push(Op::Alloc { extra: 3 });
    }
    // 0 -> 1 -> 2 -> 3, then only 0 stays rooted.
    for i in 0..3u8 {
        ops.push(Op::Link { from: i, field: 0, to: i + 1 });
        ops.push(Op::Write { slot: i + 1, word: 0, value: 77 + i as u32 });
    }
    for i in 1..4u8 {
        ops.push(Op::DropRoot { slot: i });
    }
    ops.push(Op::Collect);
    ops.push(Op::Alloc { extra: 30 });
    ops.push(Op::Collect);
    run_ops(&ops).unwrap();
}

/// The oracle has teeth: with a broken collector the same kind of sequence
/// diverges from the model.
#[cfg(feature = "fault-injection")]
#[test]
fn the_oracle_catches_injected_faults() {
    use upy_heap::fuzzing::run_ops_with_fault;
    use upy_heap::Fault;
    let mut ops = vec![];
    for _ in 0..8 {
        ops.push(Op::Alloc { extra: 2 });
    }
    for i in 0..7u8 {
        ops.push(Op::Link { from: i, field: 0, to: i + 1 });
    }
    for i in 1..8u8 {
        ops.push(Op::DropRoot { slot: i });
    }
    ops.push(Op::Alloc { extra: 5 });
    ops.push(Op::Collect);
    run_ops(&ops).unwrap();
    // (double-free lives in GcVec/GcBox drops, which raw heap operations do
    // not use; gc_ops sets no finalisers; the register and stack faults
    // need a release build.)
    for fault in [Fault::ForgetRoot, Fault::TailLeftBehind] {
        let mut ops = ops.clone();
        // multi-block garbage for the sweep fault
        ops.extend([Op::Alloc { extra: 30 }, Op::DropRoot { slot: 8 }, Op::Collect, Op::Alloc { extra: 1 }]);
        assert!(run_ops_with_fault(&ops, Some(fault)).is_err(), "{fault:?} not caught");
    }
}
