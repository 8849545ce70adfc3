//! `GcBox<T>`: one value in its own heap block, freed explicitly on drop.
//!
//! Invariant: `ptr` is the HEAD address of a live allocation holding an
//! initialised `T` (zero-sized values are not boxed: they use a dangling pointer
//! and no block).

use super::free_storage;
use crate::heap::{AllocError, Heap};
use crate::layout::BLOCK_SIZE;
use core::mem::{align_of, size_of};
use core::ops::{Deref, DerefMut};
use core::ptr::{self, NonNull};

pub struct GcBox<T> {
    ptr: NonNull<T>,
}

impl<T> GcBox<T> {
    const FITS: () = assert!(align_of::<T>() <= BLOCK_SIZE, "GcBox value alignment exceeds the block size");

    /// Moves `v` into a new heap block. On failure `v` is dropped.
    pub fn new(v: T) -> Result<Self, AllocError> {
        #[allow(clippy::let_unit_value)]
        let _ = Self::FITS;
        if size_of::<T>() == 0 {
            core::mem::forget(v);
            return Ok(GcBox { ptr: NonNull::dangling() });
        }
        let p = Heap::with_current(|h| h.alloc(size_of::<T>(), false)).unwrap_or(Err(AllocError::NoHeap))?;
        let p = p.cast::<T>();
        // SAFETY: p is a fresh, block-aligned allocation of at least size_of::<T>().
        unsafe { ptr::write(p.as_ptr(), v) };
        Ok(GcBox { ptr: p })
    }

    /// The block's HEAD address.
    pub fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }

    /// Gives up ownership without freeing: the caller must pass it to `from_raw`.
    pub fn into_raw(self) -> *mut T {
        let me = core::mem::ManuallyDrop::new(self);
        me.ptr.as_ptr()
    }

    /// # Safety
    /// `p` must come from `into_raw` on this heap and not have been adopted since.
    pub unsafe fn from_raw(p: *mut T) -> Self {
        // SAFETY: into_raw never returns null.
        GcBox { ptr: unsafe { NonNull::new_unchecked(p) } }
    }
}

impl<T> Deref for GcBox<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: ptr holds an initialised T for the box's lifetime.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> DerefMut for GcBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in deref; &mut self makes the access unique.
        unsafe { self.ptr.as_mut() }
    }
}

impl<T: core::fmt::Debug> core::fmt::Debug for GcBox<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T> Drop for GcBox<T> {
    fn drop(&mut self) {
        // SAFETY: the value is initialised and dropped exactly once here.
        unsafe { ptr::drop_in_place(self.ptr.as_ptr()) };
        if size_of::<T>() != 0 {
            free_storage(self.ptr.as_ptr() as *mut u8);
        }
    }
}
