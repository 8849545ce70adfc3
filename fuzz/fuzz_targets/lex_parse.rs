//! Raw bytes through the lexer, parser and compiler under collection at every
//! allocation; a panic or a failed heap check is a bug, a compile error is not.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = upy::fuzzing::lex_parse(data) {
        panic!("lex_parse: {e}");
    }
});
