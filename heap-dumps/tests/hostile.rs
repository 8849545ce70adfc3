//! Truncated, mutated and hostile dumps: the reader and every analysis must
//! return, never panic. (The memory bound is checked in `memory_bound.rs`,
//! alone in its binary because its allocation cap is process-wide.)

use heapdump::read_bytes;
use heapdump::scenarios::{build, Scenario};
use proptest::prelude::*;

fn base(x64: bool) -> Vec<u8> {
    build(Scenario::MissedRegister, x64).0.to_bytes()
}

fn analyse_all(bytes: Vec<u8>) {
    heapdump::fuzzing::run_all(&bytes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn truncated_dumps_never_panic(x64 in any::<bool>(), frac in 0.0f64..1.0) {
        let b = base(x64);
        let cut = (b.len() as f64 * frac) as usize;
        let bytes = b[..cut].to_vec();
        analyse_all(bytes);
    }

    #[test]
    fn mutated_dumps_never_panic(
        x64 in any::<bool>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
    ) {
        let mut b = base(x64);
        let n = b.len();
        for (i, v) in edits {
            b[i.index(n)] = v;
        }
        analyse_all(b);
    }

    #[test]
    fn hostile_lengths_never_panic(x64 in any::<bool>(), at in 0usize..400, len in any::<u64>()) {
        // Overwrite a u64 somewhere in the headers with an arbitrary length.
        let mut b = base(x64);
        let at = (16 + at).min(b.len() - 8);
        b[at..at + 8].copy_from_slice(&len.to_le_bytes());
        analyse_all(b);
    }
}

#[test]
fn huge_declared_counts_allocate_nothing_big() {
    // A META claiming 2^60 blocks and sections claiming 2^32 entries.
    let (mut d, _) = build(Scenario::Healthy, true);
    d.n_blocks = 1 << 60;
    d.heap.atb.truncate(8);
    d.heap.ftb.truncate(8);
    d.heap.pool.truncate(8 * 32);
    d.before = None;
    let mut bytes = d.to_bytes();
    // Make COUN claim u32::MAX counters.
    let coun = bytes.windows(4).position(|w| w == b"COUN").unwrap();
    bytes[coun + 12..coun + 16].copy_from_slice(&u32::MAX.to_le_bytes());
    let r = read_bytes(bytes.clone()).unwrap();
    assert!(r.problems.iter().any(|p| p.contains("COUN truncated")), "{:?}", r.problems);
    assert!(r.problems.iter().any(|p| p.contains("shorter than META")), "{:?}", r.problems);
    assert_eq!(r.dump.heap().unwrap().n_blocks, 8);
    analyse_all(bytes);
}
