//! Bytes into the harness's program generator (bounded loops and recursion:
//! the VM has no step counter), the program compiled and run in a fresh
//! interpreter under collection at every allocation with full verification.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let program = gctorture::gen::generate_small(data);
    if let Err(e) = upy::fuzzing::compile_exec(program.as_bytes()) {
        panic!("compile_exec: {e}\n--- program ---\n{program}");
    }
});
