//! Helpers shared by the heap's integration tests.
#![allow(dead_code)]

use upy_heap::{FailureMode, Heap, HeapConfig, TortureMode};

/// A heap of `size` bytes with default knobs (no torture), failures recorded.
pub fn plain(size: usize) -> Box<Heap> {
    let mut c = HeapConfig::with_size(size);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    Heap::new(c).expect("heap")
}

/// A heap collecting before every allocation with full verification, failures
/// recorded instead of aborting. Only meaningful with the gc-torture feature.
#[cfg(feature = "gc-torture")]
pub fn torture(size: usize) -> Box<Heap> {
    Heap::new(torture_config(size)).expect("heap")
}

/// The configuration behind [`torture`], for tests that adjust it (faults).
#[cfg(feature = "gc-torture")]
pub fn torture_config(size: usize) -> HeapConfig {
    let mut c = HeapConfig::with_size(size);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    c.torture.mode = TortureMode::Every;
    c.torture.verify = true;
    c.torture.poison = true;
    c.torture.snapshot = true;
    c
}

pub fn mode_name(m: TortureMode) -> String {
    format!("{m:?}")
}

/// Words per block on this architecture.
pub const WPB: usize = 4;
