//! Code emission: the bytecode format and its emitter.

pub mod bytecode;
