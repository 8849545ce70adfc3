//! Sequences of heap operations on the heap crate alone, under collection at
//! every allocation with verification, checked against a reference model.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = upy_heap::fuzzing::run_bytes(data) {
        panic!("gc_ops diverged from the model: {e}");
    }
});
