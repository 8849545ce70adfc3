//! `GcVec<T>`: a growable array whose storage is one heap block.
//!
//! Invariants: `ptr` is null (no storage) or the HEAD address of a live heap
//! allocation of at least `cap * size_of::<T>()` bytes; elements `0..len` are
//! initialised. Storage is never reachable from Rust's allocator. Growth can
//! collect; the storage stays alive across it because this struct holds the
//! HEAD address.

use super::{free_storage, realloc_storage};
use crate::heap::AllocError;
use crate::layout::BLOCK_SIZE;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::ops::{Deref, DerefMut};
use core::ptr;

pub struct GcVec<T> {
    ptr: *mut T,
    cap: usize,
    len: usize,
    _owns: PhantomData<T>,
}

impl<T> GcVec<T> {
    const FITS: () = assert!(align_of::<T>() <= BLOCK_SIZE, "GcVec element alignment exceeds the block size");

    pub const fn new() -> Self {
        #[allow(clippy::let_unit_value)]
        let _ = Self::FITS;
        GcVec {
            ptr: ptr::null_mut(),
            cap: if size_of::<T>() == 0 { usize::MAX } else { 0 },
            len: 0,
            _owns: PhantomData,
        }
    }

    pub fn with_capacity(n: usize) -> Result<Self, AllocError> {
        let mut v = Self::new();
        v.reserve_exact(n)?;
        Ok(v)
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// The storage's HEAD address (null when there is none).
    pub fn storage(&self) -> *const u8 {
        self.ptr as *const u8
    }

    /// Makes room for `extra` more elements, growing geometrically.
    pub fn reserve(&mut self, extra: usize) -> Result<(), AllocError> {
        let need = self.len.checked_add(extra).ok_or(AllocError::OutOfMemory { requested: usize::MAX })?;
        if need <= self.cap {
            return Ok(());
        }
        let min = (BLOCK_SIZE / size_of::<T>().max(1)).max(1);
        self.grow_to(need.max(self.cap.saturating_mul(2)).max(min))
    }

    pub fn reserve_exact(&mut self, extra: usize) -> Result<(), AllocError> {
        let need = self.len.checked_add(extra).ok_or(AllocError::OutOfMemory { requested: usize::MAX })?;
        if need <= self.cap {
            return Ok(());
        }
        self.grow_to(need)
    }

    fn grow_to(&mut self, cap: usize) -> Result<(), AllocError> {
        let bytes = cap.checked_mul(size_of::<T>()).ok_or(AllocError::OutOfMemory { requested: usize::MAX })?;
        let p = realloc_storage(self.ptr as *mut u8, bytes)?;
        self.ptr = p as *mut T;
        // Whole blocks are ours: use the slack as capacity.
        self.cap = crate::Heap::with_current(|h| h.size_of(p)).unwrap_or(bytes) / size_of::<T>();
        Ok(())
    }

    pub fn push(&mut self, v: T) -> Result<(), AllocError> {
        if self.len == self.cap {
            self.reserve(1)?;
        }
        // SAFETY: len < cap after reserve, so the slot is inside the storage.
        unsafe { ptr::write(self.ptr.add(self.len), v) };
        self.len += 1;
        Ok(())
    }

    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the element at the old len-1 was initialised; it is moved out
        // and no longer counted.
        Some(unsafe { ptr::read(self.ptr.add(self.len)) })
    }

    pub fn insert(&mut self, i: usize, v: T) -> Result<(), AllocError> {
        assert!(i <= self.len, "GcVec::insert index {i} out of range for length {}", self.len);
        self.reserve(1)?;
        // SAFETY: i <= len < cap; the tail shifts by one within the storage.
        unsafe {
            let p = self.ptr.add(i);
            ptr::copy(p, p.add(1), self.len - i);
            ptr::write(p, v);
        }
        self.len += 1;
        Ok(())
    }

    pub fn remove(&mut self, i: usize) -> T {
        assert!(i < self.len, "GcVec::remove index {i} out of range for length {}", self.len);
        // SAFETY: i < len; the element is moved out and the tail shifted down.
        unsafe {
            let p = self.ptr.add(i);
            let v = ptr::read(p);
            ptr::copy(p.add(1), p, self.len - i - 1);
            self.len -= 1;
            v
        }
    }

    pub fn truncate(&mut self, n: usize) {
        while self.len > n {
            drop(self.pop());
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    pub fn last(&self) -> Option<&T> {
        self.as_slice().last()
    }

    pub fn as_slice(&self) -> &[T] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: 0..len are initialised elements of live storage.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // SAFETY: as in as_slice, and `&mut self` makes the borrow unique.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    /// Gives the storage up without freeing it: (HEAD address, len, cap).
    /// The caller becomes responsible for the elements and the block.
    pub fn into_raw_parts(self) -> (*mut T, usize, usize) {
        let me = core::mem::ManuallyDrop::new(self);
        (me.ptr, me.len, me.cap)
    }

    /// Adopts storage given up by `into_raw_parts`.
    ///
    /// # Safety
    /// The parts must come from `into_raw_parts` of a `GcVec<T>` on this heap,
    /// and the storage must not have been freed or adopted since.
    pub unsafe fn from_raw_parts(ptr: *mut T, len: usize, cap: usize) -> Self {
        GcVec { ptr, len, cap, _owns: PhantomData }
    }
}

impl<T: Copy> GcVec<T> {
    pub fn extend_from_slice(&mut self, s: &[T]) -> Result<(), AllocError> {
        self.reserve(s.len())?;
        // SAFETY: capacity for s.len() more; Copy elements need no drop; the
        // source cannot overlap storage we do not own... unless it is our own
        // spare capacity, which is uninitialised and so not a valid `s`.
        unsafe { ptr::copy_nonoverlapping(s.as_ptr(), self.ptr.add(self.len), s.len()) };
        self.len += s.len();
        Ok(())
    }
}

impl<T> Default for GcVec<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Deref for GcVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> DerefMut for GcVec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: core::fmt::Debug> core::fmt::Debug for GcVec<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> Drop for GcVec<T> {
    fn drop(&mut self) {
        self.clear();
        if !self.ptr.is_null() && size_of::<T>() != 0 {
            free_storage(self.ptr as *mut u8);
            self.ptr = ptr::null_mut();
        }
    }
}
