//! Reading never uses more than twice the dump's size: the file's bytes (held
//! once, as the dump's buffer) plus small decoded tables. A capped global
//! allocator (the `cap` crate; no unsafe here) makes any allocation beyond
//! that bound abort the test. The cap is process-wide, so this binary holds a
//! single test that runs its cases on one thread.

use cap::Cap;
use heapdump::read_bytes;
use heapdump::scenarios::{build, Scenario};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use std::alloc::System;

#[global_allocator]
static ALLOC: Cap<System> = Cap::new(System, usize::MAX);

/// Slack for the decoded tables and problem strings of a small dump.
const SLACK: usize = 64 * 1024;

fn read_capped(bytes: Vec<u8>) {
    let size = bytes.len();
    // `bytes` is already allocated: reading may add at most another `size`.
    let limit = ALLOC.allocated() + size + SLACK;
    ALLOC.set_limit(limit).expect("limit above current use");
    let r = read_bytes(bytes);
    ALLOC.set_limit(usize::MAX).expect("lift the limit");
    drop(r);
}

#[test]
fn reading_stays_within_twice_the_dump_size() {
    let bases =
        [build(Scenario::MissedRegister, false).0.to_bytes(), build(Scenario::MissedRegister, true).0.to_bytes()];
    let mut runner = TestRunner::deterministic();
    let edits = proptest::collection::vec((0usize..usize::MAX, proptest::num::u64::ANY, 0u8..3), 1..16);
    for case in 0..2000 {
        let base = &bases[case % 2];
        let tree = edits.new_tree(&mut runner).expect("strategy");
        let mut b = base.clone();
        for (at, v, how) in tree.current() {
            let at = at % b.len();
            match how {
                // A hostile length or count somewhere.
                0 if at + 8 <= b.len() => b[at..at + 8].copy_from_slice(&v.to_le_bytes()),
                1 => b[at] = v as u8,
                _ => b.truncate(at.max(1)),
            }
        }
        read_capped(b);
    }
    // One dump that claims the largest counts everywhere it can.
    let mut b = bases[1].clone();
    for at in (16..b.len().min(4096)).step_by(12) {
        if at + 8 <= b.len() {
            b[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        }
    }
    read_capped(b);
}
