//! Truncated, mutated and hostile dumps: the reader and every analysis must
//! return (never panic), and reading must stay within twice the dump's size.
//! A capped global allocator (from the `cap` crate; no unsafe here) turns any
//! allocation beyond the bound into a test failure.

use cap::Cap;
use heapdump::read_bytes;
use heapdump::scenarios::{build, Scenario};
use proptest::prelude::*;
use std::alloc::System;

#[global_allocator]
static ALLOC: Cap<System> = Cap::new(System, usize::MAX);

fn base(x64: bool) -> Vec<u8> {
    build(Scenario::MissedRegister, x64).0.to_bytes()
}

/// The allocation cap is process-wide and tests run on parallel threads: one
/// test's analysis must not allocate while another's read is capped.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn analyse_all(bytes: Vec<u8>) {
    let _g = serial();
    heapdump::fuzzing::run_all(&bytes);
}

/// Reads `bytes` and checks the peak heap use of reading alone.
fn read_within_bound(bytes: Vec<u8>) {
    let _g = serial();
    let size = bytes.len();
    let before = ALLOC.allocated();
    // The file buffer itself is already counted in `before`; reading may add at
    // most one more copy's worth (plus a little for small tables).
    ALLOC.set_limit(before + size + 64 * 1024).unwrap();
    let r = read_bytes(bytes);
    ALLOC.set_limit(usize::MAX).unwrap();
    drop(r);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn truncated_dumps_never_panic(x64 in any::<bool>(), frac in 0.0f64..1.0) {
        let b = base(x64);
        let cut = (b.len() as f64 * frac) as usize;
        let bytes = b[..cut].to_vec();
        read_within_bound(bytes.clone());
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
        read_within_bound(b.clone());
        analyse_all(b);
    }

    #[test]
    fn hostile_lengths_never_panic(x64 in any::<bool>(), at in 0usize..400, len in any::<u64>()) {
        // Overwrite a u64 somewhere in the headers with an arbitrary length.
        let mut b = base(x64);
        let at = (16 + at).min(b.len() - 8);
        b[at..at + 8].copy_from_slice(&len.to_le_bytes());
        read_within_bound(b.clone());
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
    read_within_bound(bytes.clone());
    let r = read_bytes(bytes.clone()).unwrap();
    assert!(r.problems.iter().any(|p| p.contains("COUN truncated")), "{:?}", r.problems);
    assert!(r.problems.iter().any(|p| p.contains("shorter than META")), "{:?}", r.problems);
    assert_eq!(r.dump.heap().unwrap().n_blocks, 8);
    analyse_all(bytes);
}
