//! GC-backed containers for Rust code that runs while Python code runs (lexer,
//! parser, compiler, runtime). Their storage is one heap block, found by the
//! conservative scan wherever the container itself lives (stack, register or
//! another heap block), and freed explicitly when they are dropped, through the
//! HEAD-asserting free, as MicroPython's lexer frees its indentation buffer.
//! They allocate from the heap this thread has entered; with none, allocation
//! fails with `AllocError::NoHeap`.

mod gcbox;
mod gcvec;

pub use gcbox::GcBox;
pub use gcvec::GcVec;

use crate::fault::Fault;
use crate::heap::{AllocError, Heap};

/// Frees container storage through the current heap (the double-free fault
/// frees it twice).
pub(crate) fn free_storage(p: *mut u8) {
    Heap::with_current(|h| {
        h.free(p);
        if h.fault_is(Fault::DoubleFree) {
            h.fault_fired.set(h.fault_fired.get() + 1);
            h.free(p);
        }
    });
}

pub(crate) fn realloc_storage(p: *mut u8, bytes: usize) -> Result<*mut u8, AllocError> {
    Heap::with_current(|h| h.realloc(p, bytes).map(|q| q.as_ptr())).unwrap_or(Err(AllocError::NoHeap))
}
