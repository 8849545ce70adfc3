//! Arbitrary bytes as a heap dump, through the reader and every analysis.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| heapdump::fuzzing::run_all(data));
