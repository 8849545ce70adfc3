//! The interpreter's global state: `RootState`, the one root section the heap
//! scans, and `Vm`, which owns the heap and the state and runs code inside
//! the heap.
//!
//! Invariant: every VM-global GC pointer lives in `RootState` (the qstr pool
//! now; the module table, `sys` state and the like when the runtime comes),
//! nowhere else: no statics, no Rust `Vec`/`Box` holding GC pointers. The state
//! is `#[repr(C)]` and word-aligned so the heap can scan it as a range of words.

use crate::qstr::QstrPool;
use crate::value::Value;
use upy_heap::{ConfigError, Heap, HeapConfig};

/// Slots reserved for the runtime's globals (module table, sys, ...).
pub const RUNTIME_SLOTS: usize = 32;

#[repr(C)]
pub struct RootState {
    pub qstr: QstrPool,
    pub runtime: [Value; RUNTIME_SLOTS],
}

impl RootState {
    pub const fn new() -> RootState {
        RootState { qstr: QstrPool::new(), runtime: [Value::NONE; RUNTIME_SLOTS] }
    }
}

impl Default for RootState {
    fn default() -> Self {
        Self::new()
    }
}

/// What code running inside the heap gets: the heap and the global state.
pub struct Ctx<'a> {
    pub heap: &'a Heap,
    pub state: &'a mut RootState,
}

/// An interpreter: a heap plus its root state. The state is boxed so its
/// address, declared to the heap as the root section, never changes.
pub struct Vm {
    // Field order: the state's containers are dropped first, while the heap
    // still exists.
    state: Box<RootState>,
    heap: Box<Heap>,
}

impl Vm {
    /// Creates the heap, declares the root section, registers the object types
    /// and builds the qstr table. All Rust allocation happens here.
    pub fn new(config: HeapConfig) -> Result<Vm, ConfigError> {
        let heap = Heap::new(config)?;
        let mut vm = Vm { state: Box::new(RootState::new()), heap };
        let words = core::mem::size_of::<RootState>() / core::mem::size_of::<usize>();
        let root = &*vm.state as *const RootState as *const usize;
        // SAFETY: the state is boxed and owned by the Vm, which also owns the
        // heap, so the range stays valid for as long as the heap can collect.
        unsafe { vm.heap.set_root_section(root, words) };
        crate::obj::register_types(&vm.heap);
        crate::objects::register_types(&vm.heap);
        let Vm { state, heap } = &mut vm;
        heap.enter(|_| state.qstr.init())
            .map_err(|e| ConfigError(format!("heap too small for the interpreter's tables: {e}")))?;
        Ok(vm)
    }

    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    /// Runs `f` with the heap bound to this thread.
    pub fn enter<R>(&mut self, f: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
        let Vm { state, heap } = self;
        heap.enter(|h| f(&mut Ctx { heap: h, state }))
    }

    pub fn state(&self) -> &RootState {
        &self.state
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // Free the pool's blocks through the heap while it still exists.
        let Vm { state, heap } = self;
        heap.enter(|_| {
            state.qstr = QstrPool::new();
        });
    }
}
