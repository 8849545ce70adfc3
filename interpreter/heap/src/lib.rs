//! `upy-heap`: the interpreter's garbage-collected heap, usable and testable
//! with no interpreter above it.
//!
//! MicroPython's design on purpose: one area holding an allocation table (2 bits
//! a block), a finaliser table (1 bit a block) and a pool of blocks of four
//! machine words; first-fit allocation from a lowest-free hint; mark and sweep
//! with conservative scanning of the root section, the native stack and the
//! callee-saved registers. On top of it, the `gc-torture` feature collects at
//! chosen allocations and verifies the heap after each collection, and the
//! `fault-injection` feature compiles in known GC bugs the harness must catch.
//! Any failed check, and any crash signal, writes a heap dump (format in
//! `heap-dumps/FORMAT.md`).
//!
//! `unsafe` lives here and in the object layer only; each block says why it is
//! sound.

pub mod buildinfo;
mod collect;
pub mod config;
pub mod containers;
pub mod dump;
pub mod fault;
pub mod fuzzing;
mod heap;
pub mod layout;
mod signals;
pub mod text;
pub mod types;
pub mod verify;

#[doc(hidden)]
pub use heap::testing as heap_testing;

pub use collect::gc_collect_regs_and_stack;
pub use config::{parse_size, ConfigError, FailureMode, HeapConfig, TortureConfig, TortureMode};
pub use containers::{GcBox, GcVec};
pub use fault::Fault;
pub use heap::{AllocError, CollectionRecord, Finaliser, Heap, Info};
pub use types::TypeInfo;
pub use verify::FailureReport;
