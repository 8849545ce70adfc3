//! The heap object: one area (tables + pool) and the allocator over it.
//!
//! Holds alloc (first fit from the lowest-free hint), free (HEAD-asserting),
//! realloc (in place where the neighbours allow), size query, info, lock, and the
//! binding of a heap to the thread that runs the interpreter (`enter`).
//!
//! Invariants: every block below `free_hint` is in use; for each size class
//! `c` >= 1, no free run of `2^c` or more blocks starts below `run_hints[c]`
//! (so a request of n blocks never rescans the holes too small for it, and the
//! block chosen is still the first fit); a set bit in `full_chunks` means its
//! chunk of `CHUNK_BLOCKS` blocks has no FREE block (every path that frees a
//! block clears its chunk's bit; only a scan that saw the whole chunk in use
//! sets it); `live_blocks` and
//! `live_allocs` equal the HEAD+TAIL and HEAD counts of the ATB whenever no
//! collection is running; memory handed out is zeroed to the end of its last
//! block; with poisoning on, every word of every FREE block is `POISON`.
//! All mutable state is in `Cell`s or behind raw pointers to memory the heap owns,
//! so no `&mut` to heap state is ever held across a finaliser call.

use crate::config::{ConfigError, FailureMode, HeapConfig, TortureConfig, TortureMode};
use crate::fault::Fault;
use crate::layout::{BlockKind, Geometry, BLOCK_SIZE, POISON, WORDS_PER_BLOCK};
use crate::text::FixedStr;
use crate::types::{TypeInfo, TypeTable};
use crate::verify::{Failure, FailureList};
use core::cell::{Cell, UnsafeCell};
use core::marker::PhantomData;
use core::ptr::{self, NonNull};
use std::alloc::Layout;

/// Why an allocation failed. Never an abort: the caller turns it into
/// `MemoryError` or equivalent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// No run of free blocks large enough, even after a collection.
    OutOfMemory { requested: usize },
    /// The heap is locked (finalisers are running, or the embedder locked it).
    Locked,
    /// This thread has not entered any heap.
    NoHeap,
}

impl core::fmt::Display for AllocError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            AllocError::OutOfMemory { requested } => {
                write!(f, "memory allocation failed, allocating {requested} bytes")
            }
            AllocError::Locked => f.write_str("memory allocation failed, heap is locked"),
            AllocError::NoHeap => f.write_str("memory allocation failed, no heap entered on this thread"),
        }
    }
}

impl std::error::Error for AllocError {}

/// Figures about the heap, as MicroPython's `gc_info`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Info {
    /// Pool bytes.
    pub total: usize,
    pub used: usize,
    pub free: usize,
    /// Largest run of free blocks, in blocks.
    pub max_free: usize,
    /// Allocations of exactly one and two blocks.
    pub num_1block: usize,
    pub num_2block: usize,
    /// Largest allocation, in blocks.
    pub max_block: usize,
    pub collections: u64,
}

/// Running totals. `Cell`s: the heap is single-threaded.
#[derive(Default)]
pub(crate) struct Stats {
    pub allocs: Cell<u64>,
    pub frees: Cell<u64>,
    pub swept_allocs: Cell<u64>,
    pub reallocs: Cell<u64>,
    pub collections: Cell<u64>,
    pub bytes_requested: Cell<u64>,
    pub live_blocks: Cell<usize>,
    pub live_allocs: Cell<usize>,
    pub alloc_since_collect: Cell<u64>,
    pub finalisers_run: Cell<u64>,
    pub mark_overflows: Cell<u64>,
}

/// One entry of the ring of recent collections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CollectionRecord {
    pub number: u64,
    pub alloc_count: u64,
    pub marked: u64,
    pub freed_allocs: u64,
    pub freed_blocks: u64,
    pub root_start: usize,
    pub root_words: usize,
    pub stack_lo: usize,
    pub stack_hi: usize,
    /// bit 0 overflow/rescan; bit 1 registers captured; bit 2 verified.
    pub flags: u32,
    pub finalisers: u32,
}

pub(crate) const RING_LEN: usize = 16;

/// Size classes of the first-fit hints: class `c` is requests of `2^c` to
/// `2^(c+1) - 1` blocks; the last class takes every larger request.
pub(crate) const RUN_CLASSES: usize = 16;

/// Blocks per bit of `Heap::full_chunks` (eight ATB words).
pub(crate) const CHUNK_BLOCKS: usize = 256;

/// Every 2-bit entry of an ATB word non-zero: 32 blocks, none FREE.
#[inline(always)]
fn atb_word_full(w: u64) -> bool {
    const LOW: u64 = 0x5555_5555_5555_5555;
    (w | (w >> 1)) & LOW == LOW
}

/// The size class of a request of `n >= 1` blocks.
#[inline(always)]
fn run_class(n: usize) -> usize {
    ((usize::BITS - 1 - n.leading_zeros()) as usize).min(RUN_CLASSES - 1)
}
/// Callee-saved registers captured by the root scan.
#[cfg(target_arch = "x86_64")]
pub(crate) const REG_NAMES: [&str; 6] = ["rbx", "rbp", "r12", "r13", "r14", "r15"];
#[cfg(target_arch = "x86")]
pub(crate) const REG_NAMES: [&str; 4] = ["ebx", "esi", "edi", "ebp"];
pub(crate) const NREGS: usize = REG_NAMES.len();

/// The roots of the collection in progress (or the last one), for the verifier
/// and for dumps.
#[derive(Clone, Copy, Default)]
pub(crate) struct RootSnapshot {
    pub regs: [usize; NREGS],
    pub shadow: [usize; NREGS],
    pub have_shadow: bool,
    pub stack_lo: usize,
    pub stack_hi: usize,
}

/// Called for each unreachable block whose finaliser bit is set, with the heap
/// locked, before the block is freed.
pub type Finaliser = fn(*mut u8);

/// Blocks finalised during the current sweep, checked afterwards to be free.
pub(crate) const FINALISED_LOG: usize = 32;

/// A heap. Created by [`Heap::new`], which hands it out boxed: its address must
/// not change, because the thread-local "current heap" and the crash-signal
/// handler refer to it.
pub struct Heap {
    pub(crate) area: *mut u8,
    pub(crate) area_layout: Layout,
    pub(crate) atb: *mut u8,
    pub(crate) ftb: *mut u8,
    pub(crate) pool: usize,
    pub(crate) pool_end: usize,
    pub(crate) n_blocks: usize,
    pub(crate) geo: Geometry,

    pub(crate) free_hint: Cell<usize>,
    /// `run_hints[c]` (c >= 1): no free run of `2^c` or more blocks starts
    /// below this block. Entry 0 is unused (`free_hint` serves one block).
    pub(crate) run_hints: [Cell<usize>; RUN_CLASSES],
    /// One bit per chunk of `CHUNK_BLOCKS` blocks: set only while the chunk
    /// has no FREE block, so first-fit scans step over full stretches.
    pub(crate) full_chunks: Box<[Cell<u64>]>,
    pub(crate) lock_depth: Cell<u32>,
    pub(crate) collecting: Cell<bool>,
    pub(crate) auto_collect: Cell<bool>,
    /// `gc.threshold`: collect before an allocation once this many blocks
    /// were allocated since the last collection (usize::MAX: never), unless
    /// paused (`gc.disable()`). `alloc_amount` counts toward it.
    pub(crate) alloc_threshold: Cell<usize>,
    pub(crate) alloc_amount: Cell<usize>,
    pub(crate) threshold_paused: Cell<bool>,
    pub(crate) stats: Stats,

    pub(crate) root_section: Cell<(usize, usize)>,
    /// Highest stack address holding roots; 0 when no thread has entered.
    pub(crate) stack_top: Cell<usize>,
    pub(crate) roots: Cell<RootSnapshot>,
    pub(crate) finaliser: Cell<Option<Finaliser>>,
    pub(crate) types: UnsafeCell<TypeTable>,

    pub(crate) mark_stack: UnsafeCell<Box<[usize]>>,
    pub(crate) mark_sp: Cell<usize>,
    pub(crate) mark_overflow: Cell<bool>,
    pub(crate) marked: Cell<u64>,

    pub(crate) ring: UnsafeCell<[CollectionRecord; RING_LEN]>,
    pub(crate) ring_next: Cell<usize>,
    pub(crate) finalised: UnsafeCell<[usize; FINALISED_LOG]>,
    pub(crate) finalised_n: Cell<usize>,

    pub(crate) torture: TortureConfig,
    pub(crate) rng: Cell<u64>,
    pub(crate) next_torture: Cell<u64>,
    pub(crate) failure_mode: FailureMode,
    pub(crate) failures: UnsafeCell<FailureList>,
    pub(crate) fault: Option<Fault>,
    pub(crate) fault_fired: Cell<u64>,
    pub(crate) crash_dumps: bool,

    /// Verifier workspace, sized at creation (torture builds with verify on).
    pub(crate) ref_bits: UnsafeCell<Box<[u64]>>,
    pub(crate) ref_work: UnsafeCell<Box<[usize]>>,
    pub(crate) ref_from: UnsafeCell<Box<[usize]>>,
    /// Copy of ATB+FTB+pool taken before the last collection (snapshot knob).
    pub(crate) snapshot: UnsafeCell<Box<[u8]>>,
    pub(crate) snapshot_of: Cell<u64>,

    pub(crate) dump_dir: FixedStr<1024>,
    pub(crate) dump_seq: Cell<u32>,

    _not_send: PhantomData<*const ()>,
}

thread_local! {
    static CURRENT: Cell<*const Heap> = const { Cell::new(ptr::null()) };
}

/// The heap this thread has entered, if any.
#[inline]
pub(crate) fn current_ptr() -> *const Heap {
    CURRENT.with(|c| c.get())
}

impl Heap {
    /// Creates a heap. The area and all fixed workspaces are allocated here,
    /// through Rust's allocator, before any program runs; nothing after this
    /// point uses Rust's allocator.
    pub fn new(config: HeapConfig) -> Result<Box<Heap>, ConfigError> {
        let geo = config.validate()?;
        let area_layout = Layout::from_size_align(config.size, BLOCK_SIZE)
            .map_err(|_| ConfigError(format!("heap size {} cannot be laid out", config.size)))?;
        // An anonymous mapping: page-aligned (so block-aligned) and zeroed
        // by the kernel a page at a time as it is first touched, so a large
        // heap costs nothing at start-up (an over-aligned `alloc_zeroed`
        // writes every byte: 0.2 s for 64M).
        // SAFETY: a fresh private mapping of non-zero size (validate()
        // demands MIN_BLOCKS); nothing else refers to it.
        let area = unsafe {
            libc::mmap(
                ptr::null_mut(),
                area_layout.size(),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        let area = if area == libc::MAP_FAILED { ptr::null_mut() } else { area as *mut u8 };
        if area.is_null() {
            return Err(ConfigError(format!("cannot reserve {} bytes for the heap", config.size)));
        }
        // SAFETY: Geometry::for_size guarantees the tables and pool fit in `size`.
        let (atb, ftb, pool) = unsafe { (area, area.add(geo.atb_len), area.add(geo.pool_offset) as usize) };
        let torture = config.torture.clone();
        let verify_ws = cfg!(feature = "gc-torture") && torture.verify;
        let n = geo.n_blocks;
        let mut dump_dir = FixedStr::new();
        if let Some(d) = &config.dump_dir {
            dump_dir.push_lossy(d.as_os_str().as_encoded_bytes());
        }
        let seed = match torture.mode {
            TortureMode::Random { seed, .. } => seed,
            _ => 0,
        };
        let heap = Box::new(Heap {
            area,
            area_layout,
            atb,
            ftb,
            pool,
            pool_end: pool + n * BLOCK_SIZE,
            n_blocks: n,
            geo,
            free_hint: Cell::new(0),
            run_hints: Default::default(),
            full_chunks: (0..n.div_ceil(CHUNK_BLOCKS).div_ceil(64)).map(|_| Cell::new(0)).collect(),
            lock_depth: Cell::new(0),
            collecting: Cell::new(false),
            auto_collect: Cell::new(true),
            alloc_threshold: Cell::new(usize::MAX),
            alloc_amount: Cell::new(0),
            threshold_paused: Cell::new(false),
            stats: Stats::default(),
            root_section: Cell::new((0, 0)),
            stack_top: Cell::new(0),
            roots: Cell::new(RootSnapshot::default()),
            finaliser: Cell::new(None),
            types: UnsafeCell::new(TypeTable::new()),
            mark_stack: UnsafeCell::new(
                vec![
                    0usize;
                    if config.mark_stack_entries == 0 { (n / 16).max(4096) } else { config.mark_stack_entries }
                ]
                .into_boxed_slice(),
            ),
            mark_sp: Cell::new(0),
            mark_overflow: Cell::new(false),
            marked: Cell::new(0),
            ring: UnsafeCell::new([CollectionRecord::default(); RING_LEN]),
            ring_next: Cell::new(0),
            finalised: UnsafeCell::new([0; FINALISED_LOG]),
            finalised_n: Cell::new(0),
            rng: Cell::new(seed ^ 0x9E37_79B9_7F4A_7C15),
            next_torture: Cell::new(0),
            torture,
            failure_mode: config.failure_mode,
            failures: UnsafeCell::new(FailureList::new()),
            fault: config.fault,
            fault_fired: Cell::new(0),
            crash_dumps: config.crash_dumps,
            ref_bits: UnsafeCell::new(vec![0u64; if verify_ws { n.div_ceil(64) } else { 0 }].into_boxed_slice()),
            ref_work: UnsafeCell::new(vec![0usize; if verify_ws { n } else { 0 }].into_boxed_slice()),
            ref_from: UnsafeCell::new(vec![0usize; if verify_ws { n } else { 0 }].into_boxed_slice()),
            snapshot: UnsafeCell::new(
                vec![
                    0u8;
                    if cfg!(feature = "gc-torture") && config.torture.snapshot {
                        geo.pool_offset + n * BLOCK_SIZE
                    } else {
                        0
                    }
                ]
                .into_boxed_slice(),
            ),
            snapshot_of: Cell::new(0),
            dump_dir,
            dump_seq: Cell::new(0),
            _not_send: PhantomData,
        });
        if heap.torture.poison {
            for b in 0..n {
                heap.poison_blocks(b, 1);
            }
        }
        heap.schedule_next_torture();
        crate::buildinfo::init();
        Ok(heap)
    }

    /// Runs `f` with this heap bound to the current thread. The stack top used by
    /// the root scan is recorded here, in a frame of its own that is never
    /// inlined, and `f` runs in a non-inlined callee: everything that can hold a
    /// heap pointer lives below the recorded top. Nested calls keep the outer top.
    #[inline(never)]
    pub fn enter<R>(&self, f: impl FnOnce(&Heap) -> R) -> R {
        let marker = 0usize;
        let top = core::hint::black_box(&marker) as *const usize as usize;
        let prev = CURRENT.with(|c| c.replace(self));
        let outer = self.stack_top.get() != 0;
        if !outer {
            self.stack_top.set(top);
        }
        if self.crash_dumps {
            crate::signals::install();
        }
        struct Restore<'a> {
            heap: &'a Heap,
            prev: *const Heap,
            outer: bool,
        }
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                if !self.outer {
                    self.heap.stack_top.set(0);
                }
                CURRENT.with(|c| c.set(self.prev));
            }
        }
        let _restore = Restore { heap: self, prev, outer };
        enter_callee(self, f)
    }

    /// Calls `f` with the heap this thread has entered, or returns `None`.
    pub fn with_current<R>(f: impl FnOnce(&Heap) -> R) -> Option<R> {
        let p = current_ptr();
        if p.is_null() {
            None
        } else {
            // SAFETY: CURRENT is set only by `enter` for the duration of the call,
            // to a heap that outlives it (it is borrowed by `enter`).
            Some(f(unsafe { &*p }))
        }
    }

    // ---- the tables ----------------------------------------------------------

    #[inline(always)]
    pub(crate) fn kind(&self, b: usize) -> BlockKind {
        debug_assert!(b < self.n_blocks);
        // SAFETY: b < n_blocks, and the ATB holds n_blocks/4 bytes.
        let byte = unsafe { *self.atb.add(b / 4) };
        BlockKind::from_bits(byte >> (2 * (b % 4)))
    }

    #[inline(always)]
    pub(crate) fn set_kind(&self, b: usize, k: BlockKind) {
        debug_assert!(b < self.n_blocks);
        // SAFETY: as in `kind`; single-threaded, no reference to the byte is held.
        unsafe {
            let p = self.atb.add(b / 4);
            let shift = 2 * (b % 4);
            *p = (*p & !(3 << shift)) | ((k as u8) << shift);
        }
    }

    /// Sets blocks `b..b + n` to kind `k`, whole ATB bytes at a time inside.
    #[inline]
    pub(crate) fn set_kind_run(&self, b: usize, n: usize, k: BlockKind) {
        let end = b + n;
        debug_assert!(end <= self.n_blocks);
        let mut i = b;
        while i < end && !i.is_multiple_of(4) {
            self.set_kind(i, k);
            i += 1;
        }
        let bytes = (end - i) / 4;
        if bytes > 0 {
            // SAFETY: blocks i..i + 4 * bytes are below n_blocks, so ATB bytes
            // i/4..i/4 + bytes are inside the table; no reference to them is held.
            unsafe { ptr::write_bytes(self.atb.add(i / 4), (k as u8) * 0x55, bytes) };
            i += 4 * bytes;
        }
        while i < end {
            self.set_kind(i, k);
            i += 1;
        }
    }

    #[inline(always)]
    pub(crate) fn ftb(&self, b: usize) -> bool {
        // SAFETY: b < n_blocks and the FTB holds n_blocks/8 bytes.
        unsafe { (*self.ftb.add(b / 8) >> (b % 8)) & 1 != 0 }
    }

    #[inline(always)]
    pub(crate) fn set_ftb(&self, b: usize, on: bool) {
        // SAFETY: as in `ftb`.
        unsafe {
            let p = self.ftb.add(b / 8);
            if on {
                *p |= 1 << (b % 8);
            } else {
                *p &= !(1 << (b % 8));
            }
        }
    }

    #[inline(always)]
    pub(crate) fn block_addr(&self, b: usize) -> usize {
        self.pool + b * BLOCK_SIZE
    }

    /// The block holding `addr`, if it is inside the pool.
    #[inline(always)]
    pub(crate) fn block_of(&self, addr: usize) -> Option<usize> {
        if addr >= self.pool && addr < self.pool_end {
            Some((addr - self.pool) / BLOCK_SIZE)
        } else {
            None
        }
    }

    /// Word `i` of the pool, counting from block 0.
    #[inline(always)]
    pub(crate) fn pool_word(&self, i: usize) -> usize {
        // SAFETY: callers keep i < n_blocks * WORDS_PER_BLOCK; the pool is
        // word-aligned memory owned by the heap.
        unsafe { ptr::read_volatile((self.pool as *const usize).add(i)) }
    }

    /// Number of blocks in the allocation whose HEAD (or MARK) is `b`. Past
    /// the first ATB word, 32 entries are tested at a time.
    #[inline]
    pub(crate) fn alloc_len(&self, b: usize) -> usize {
        const LOW: u64 = 0x5555_5555_5555_5555;
        let mut e = b + 1;
        while e < self.n_blocks && !e.is_multiple_of(32) {
            if self.kind(e) != BlockKind::Tail {
                return e - b;
            }
            e += 1;
        }
        while e + 32 <= self.n_blocks {
            // Non-zero pairs of `x` are the entries that are not TAIL (0b10).
            let x = self.atb_word(e) ^ (LOW << 1);
            let not_tail = (x | (x >> 1)) & LOW;
            if not_tail != 0 {
                return e + not_tail.trailing_zeros() as usize / 2 - b;
            }
            e += 32;
        }
        while e < self.n_blocks && self.kind(e) == BlockKind::Tail {
            e += 1;
        }
        e - b
    }

    pub(crate) fn poison_blocks(&self, b: usize, n: usize) {
        if !self.torture.poison {
            return;
        }
        // SAFETY: blocks b..b+n are inside the pool (callers pass valid runs)
        // and no reference into them is live.
        let words = unsafe { core::slice::from_raw_parts_mut(self.block_addr(b) as *mut usize, n * WORDS_PER_BLOCK) };
        words.fill(POISON);
    }

    /// Checks that free blocks about to be handed out still hold the poison;
    /// a difference means something wrote through a dangling pointer.
    fn check_poison_for_reuse(&self, b: usize, n: usize) {
        if !self.torture.poison {
            return;
        }
        for blk in b..b + n {
            for w in 0..WORDS_PER_BLOCK {
                let v = self.pool_word(blk * WORDS_PER_BLOCK + w);
                if v != POISON {
                    let mut f = Failure::about(self, "poison", blk);
                    let _ = core::fmt::Write::write_fmt(
                        &mut f.message,
                        format_args!(
                            "gc-torture: poison: free block {} (0x{:x}) word {} holds 0x{:x} instead of the poison pattern \
                             when reused: something wrote to it after it was freed",
                            blk,
                            self.block_addr(blk),
                            w,
                            v
                        ),
                    );
                    self.report(&[f], "reuse of a free block", core::panic::Location::caller());
                    return;
                }
            }
        }
    }

    // ---- allocation ------------------------------------------------------------

    /// Allocates `n_bytes` (at least one block), zeroed to the end of the last
    /// block. With `finaliser`, the block's FTB bit is set and the heap's
    /// finaliser runs for it when it is found unreachable.
    #[inline(always)]
    pub fn alloc(&self, n_bytes: usize, finaliser: bool) -> Result<NonNull<u8>, AllocError> {
        #[cfg(feature = "gc-torture")]
        if self.torture_due() {
            self.collect();
        }
        self.alloc_body(n_bytes, finaliser)
    }

    #[inline(never)]
    fn alloc_body(&self, n_bytes: usize, finaliser: bool) -> Result<NonNull<u8>, AllocError> {
        if self.lock_depth.get() > 0 {
            return Err(AllocError::Locked);
        }
        let n = n_bytes.div_ceil(BLOCK_SIZE).max(1);
        if n > self.n_blocks {
            return Err(AllocError::OutOfMemory { requested: n_bytes });
        }
        let mut collected = false;
        // Past `gc.threshold`, collect before searching. One call site of the
        // (always inlined) collector keeps this function's frame as thin as
        // it was before the threshold existed.
        let mut due = self.alloc_amount.get() >= self.alloc_threshold.get()
            && !self.threshold_paused.get()
            && self.stack_top.get() != 0;
        let start = loop {
            if !due {
                if let Some(s) = self.find_run(n) {
                    break s;
                }
                if collected || !self.auto_collect.get() || self.stack_top.get() == 0 {
                    return Err(AllocError::OutOfMemory { requested: n_bytes });
                }
            }
            due = false;
            self.collect();
            collected = true;
        };
        self.check_poison_for_reuse(start, n);
        self.set_kind(start, BlockKind::Head);
        self.set_kind_run(start + 1, n - 1, BlockKind::Tail);
        if finaliser {
            self.set_ftb(start, true);
        }
        let p = self.block_addr(start) as *mut u8;
        // SAFETY: the n blocks from `start` are inside the pool and now ours.
        unsafe { ptr::write_bytes(p, 0, n * BLOCK_SIZE) };
        let s = &self.stats;
        s.allocs.set(s.allocs.get() + 1);
        s.bytes_requested.set(s.bytes_requested.get() + n_bytes as u64);
        s.live_blocks.set(s.live_blocks.get() + n);
        s.live_allocs.set(s.live_allocs.get() + 1);
        s.alloc_since_collect.set(s.alloc_since_collect.get() + 1);
        self.alloc_amount.set(self.alloc_amount.get().saturating_add(n));
        // SAFETY: the pool address is never null.
        Ok(unsafe { NonNull::new_unchecked(p) })
    }

    /// First fit. One-block requests scan from `free_hint` (every block below
    /// it is in use); a request of class `c` from the highest of it and the
    /// hints of classes 1..=c (no run long enough for it starts below any of
    /// them), so a heap whose low part is riddled with holes too small for the
    /// request is not rescanned for every larger request. The scan sets its
    /// class's hint to the first run it saw of at least `2^c` blocks.
    /// `free_hint` moves past the run when the run began at the first free
    /// block of the heap.
    fn find_run(&self, n: usize) -> Option<usize> {
        let fh = self.free_hint.get();
        let class = run_class(n);
        let mut from = fh;
        for h in &self.run_hints[1..=class] {
            from = from.max(h.get());
        }
        // Only a scan from free_hint sees the heap's first free block.
        let exact = from == fh;
        let min_len = 1usize << class;
        let mut b = from;
        let mut run = 0;
        let mut first_free = usize::MAX;
        // Start of the first run that reached `min_len` blocks. A run that
        // began below `from` is shorter than `min_len` (by the hints), so
        // counting it from `from` never misplaces this.
        let mut first_class = usize::MAX;
        while b < self.n_blocks {
            // Between runs, step over a whole chunk known to be full, or one
            // found full now (then remember it), or 32 used blocks at a time.
            if run == 0 && b.is_multiple_of(32) && b + CHUNK_BLOCKS <= self.n_blocks {
                if b.is_multiple_of(CHUNK_BLOCKS) {
                    let chunk = b / CHUNK_BLOCKS;
                    let cell = &self.full_chunks[chunk / 64];
                    let bit = 1u64 << (chunk % 64);
                    // Every full chunk from here to the end of this bit word.
                    let full = (cell.get() >> (chunk % 64)).trailing_ones() as usize;
                    if full > 0 {
                        b += full * CHUNK_BLOCKS;
                        continue;
                    }
                    if (0..CHUNK_BLOCKS / 32).all(|i| atb_word_full(self.atb_word(b + 32 * i))) {
                        cell.set(cell.get() | bit);
                        b += CHUNK_BLOCKS;
                        continue;
                    }
                }
                if atb_word_full(self.atb_word(b)) {
                    b += 32;
                    continue;
                }
            }
            // Inside or at the start of a run, take 32 FREE blocks at once
            // while the run stays shorter than the request.
            if run + 32 < n && b.is_multiple_of(32) && b + 32 <= self.n_blocks && self.atb_word(b) == 0 {
                if first_free == usize::MAX {
                    first_free = b;
                }
                if first_class == usize::MAX && run + 32 >= min_len {
                    first_class = b - run;
                }
                run += 32;
                b += 32;
                continue;
            }
            // Skip four used blocks at a time when a whole ATB byte has no FREE.
            if run == 0 && b.is_multiple_of(4) && b + 4 <= self.n_blocks {
                // SAFETY: b/4 < n_blocks/4.
                let byte = unsafe { *self.atb.add(b / 4) };
                if (byte & 0x03) != 0 && (byte & 0x0c) != 0 && (byte & 0x30) != 0 && (byte & 0xc0) != 0 {
                    b += 4;
                    continue;
                }
            }
            if self.kind(b) == BlockKind::Free {
                if first_free == usize::MAX {
                    first_free = b;
                }
                run += 1;
                if run == min_len && first_class == usize::MAX {
                    first_class = b + 1 - min_len;
                }
                if run == n {
                    let start = b + 1 - n;
                    if exact {
                        if start == first_free {
                            self.free_hint.set(b + 1);
                        } else if first_free > fh {
                            self.free_hint.set(first_free);
                        }
                    }
                    if class >= 1 {
                        self.run_hints[class].set(first_class.min(start));
                    }
                    return Some(start);
                }
            } else {
                run = 0;
            }
            b += 1;
        }
        if exact {
            if first_free != usize::MAX && first_free > fh {
                self.free_hint.set(first_free);
            } else if first_free == usize::MAX {
                self.free_hint.set(self.n_blocks);
            }
        }
        if class >= 1 {
            self.run_hints[class].set(if first_class != usize::MAX { first_class } else { self.n_blocks });
        }
        None
    }

    /// The ATB entries of blocks `b..b + 32` as one word (entry i in bits
    /// 2i..2i+2). `b` is a multiple of 32 and `b + 32 <= n_blocks`.
    #[inline(always)]
    pub(crate) fn atb_word(&self, b: usize) -> u64 {
        debug_assert!(b.is_multiple_of(32) && b + 32 <= self.n_blocks);
        // SAFETY: bytes b/4..b/4+8 are inside the ATB (n_blocks/4 bytes); read
        // unaligned, as the ATB's alignment is only the block size's.
        u64::from_le(unsafe { ptr::read_unaligned(self.atb.add(b / 4) as *const u64) })
    }

    /// Blocks `b..b + n` became FREE: their chunks are no longer full.
    #[inline]
    pub(crate) fn unmark_full(&self, b: usize, n: usize) {
        if n == 0 {
            return;
        }
        for chunk in b / CHUNK_BLOCKS..=(b + n - 1) / CHUNK_BLOCKS {
            let cell = &self.full_chunks[chunk / 64];
            cell.set(cell.get() & !(1u64 << (chunk % 64)));
        }
    }

    /// Blocks `b..b + n` became free and may have joined free neighbours into
    /// one run. Lowers the hint of every class that run is long enough for to
    /// the run's start; the other classes' hints stay (a run shorter than their
    /// size does not break their invariant), so freeing a one-block temporary
    /// among one-block holes does not send larger requests back over them.
    /// Neighbours are walked at most `NEAR` blocks each way. A free stretch
    /// that long before `b` was already a run of class `NEAR_CLASS`, so that
    /// class's hint is at or below its start: the bound used when the walk
    /// stops early, for every class whose qualification is then unknown.
    pub(crate) fn lower_run_hints(&self, b: usize, n: usize) {
        const NEAR_CLASS: usize = 5;
        const NEAR: usize = 1 << NEAR_CLASS;
        let mut s = b;
        while s > 0 && b - s < NEAR && self.kind(s - 1) == BlockKind::Free {
            s -= 1;
        }
        let back_capped = b - s == NEAR;
        // The run starts at s (exact) or, if the walk back stopped early, at
        // or above the class NEAR_CLASS hint.
        let start = if back_capped { s.min(self.run_hints[NEAR_CLASS].get()) } else { s };
        // Only hints above the start can need lowering; often there are none,
        // and the walk forward is saved.
        if self.run_hints[1..].iter().all(|h| h.get() <= start) {
            return;
        }
        let fwd = self.free_len_from(b + n, NEAR);
        let e = b + n + fwd;
        let capped = back_capped || fwd == NEAR;
        let len = e - s;
        for (c, h) in self.run_hints.iter().enumerate().skip(1) {
            if 1usize << c > len && !capped {
                break;
            }
            if start < h.get() {
                h.set(start);
            }
        }
    }

    /// How many FREE blocks follow from `p` on (counting stops at `limit`),
    /// read a word of the ATB at a time.
    fn free_len_from(&self, p: usize, limit: usize) -> usize {
        let mut k = 0;
        while k < limit && p + k < self.n_blocks {
            let q = p + k;
            let base = q & !31;
            if base + 32 > self.n_blocks {
                if self.kind(q) != BlockKind::Free {
                    break;
                }
                k += 1;
                continue;
            }
            let shift = 2 * (q - base);
            let x = self.atb_word(base) >> shift;
            let avail = 32 - (q - base);
            let free = if x == 0 { avail } else { (x.trailing_zeros() as usize / 2).min(avail) };
            k += free;
            if free < avail {
                break;
            }
        }
        k.min(limit)
    }

    /// Forgets every hint (after a sweep, which frees blocks anywhere).
    pub(crate) fn reset_hints(&self) {
        self.free_hint.set(0);
        for h in &self.run_hints {
            h.set(0);
        }
        for c in self.full_chunks.iter() {
            c.set(0);
        }
    }

    /// Frees an allocation. The pointer must be the start of a live allocation:
    /// anything else is a double or wild free, reported as a failed check with a
    /// heap dump. A no-op while the heap is locked (as in MicroPython).
    #[track_caller]
    pub fn free(&self, p: *mut u8) {
        if p.is_null() || self.lock_depth.get() > 0 {
            return;
        }
        let addr = p as usize;
        let b = match self.block_of(addr) {
            Some(b) if (addr - self.pool).is_multiple_of(BLOCK_SIZE) => b,
            _ => {
                let mut f = Failure::new("wild-free");
                f.block_addr = addr;
                let _ = core::fmt::Write::write_fmt(
                    &mut f.message,
                    format_args!(
                        "gc-torture: wild-free: free(0x{:x}) is not the start of a block in the pool 0x{:x}..0x{:x}",
                        addr, self.pool, self.pool_end
                    ),
                );
                self.report(&[f], "free", core::panic::Location::caller());
                return;
            }
        };
        let k = self.kind(b);
        if k != BlockKind::Head {
            let mut f = Failure::about(self, "double-free", b);
            let _ = core::fmt::Write::write_fmt(
                &mut f.message,
                format_args!(
                    "gc-torture: double-free: free(0x{:x}): block {} is {}, not HEAD (ATB_GET_KIND(block) == AT_HEAD failed): \
                     it was already freed, or the pointer is inside another allocation",
                    addr,
                    b,
                    k.name()
                ),
            );
            self.report(&[f], "free", core::panic::Location::caller());
            return;
        }
        let n = self.alloc_len(b);
        self.release(b, n);
        self.stats.frees.set(self.stats.frees.get() + 1);
    }

    /// Turns an allocation of `n` blocks at `b` into free blocks.
    pub(crate) fn release(&self, b: usize, n: usize) {
        self.set_ftb(b, false);
        self.set_kind_run(b, n, BlockKind::Free);
        self.poison_blocks(b, n);
        self.unmark_full(b, n);
        if b < self.free_hint.get() {
            self.free_hint.set(b);
        }
        self.lower_run_hints(b, n);
        let s = &self.stats;
        s.live_blocks.set(s.live_blocks.get() - n);
        s.live_allocs.set(s.live_allocs.get() - 1);
    }

    /// Bytes usable in the allocation starting at `p` (whole blocks), or 0 if `p`
    /// is not the start of a live allocation.
    pub fn size_of(&self, p: *const u8) -> usize {
        let addr = p as usize;
        match self.block_of(addr) {
            Some(b)
                if (addr - self.pool).is_multiple_of(BLOCK_SIZE)
                    && matches!(self.kind(b), BlockKind::Head | BlockKind::Mark) =>
            {
                self.alloc_len(b) * BLOCK_SIZE
            }
            _ => 0,
        }
    }

    /// Resizes an allocation, in place when possible; otherwise allocates anew,
    /// copies and frees the old one. A null `p` allocates. Newly gained bytes
    /// are zeroed. On failure the old allocation is untouched.
    // `p` is checked against the allocation table (size_of) before any access,
    // so a bad pointer is reported, never dereferenced.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    #[track_caller]
    pub fn realloc(&self, p: *mut u8, n_bytes: usize) -> Result<NonNull<u8>, AllocError> {
        if p.is_null() {
            return self.alloc(n_bytes, false);
        }
        if self.lock_depth.get() > 0 {
            return Err(AllocError::Locked);
        }
        let old_size = self.size_of(p);
        if old_size == 0 {
            // Not a live allocation: report it exactly as free() would.
            self.free(p);
            return Err(AllocError::OutOfMemory { requested: n_bytes });
        }
        self.stats.reallocs.set(self.stats.reallocs.get() + 1);
        let b = (p as usize - self.pool) / BLOCK_SIZE;
        let have = old_size / BLOCK_SIZE;
        let want = n_bytes.div_ceil(BLOCK_SIZE).max(1);
        if want == have {
            // SAFETY: p is the start of `have` live blocks; p+n_bytes..end is inside them.
            unsafe { ptr::write_bytes(p.add(n_bytes.min(old_size)), 0, old_size - n_bytes.min(old_size)) };
            return Ok(NonNull::new(p).unwrap_or(NonNull::dangling()));
        }
        if want < have {
            self.set_kind_run(b + want, have - want, BlockKind::Free);
            self.poison_blocks(b + want, have - want);
            self.unmark_full(b + want, have - want);
            if b + want < self.free_hint.get() {
                self.free_hint.set(b + want);
            }
            self.lower_run_hints(b + want, have - want);
            self.stats.live_blocks.set(self.stats.live_blocks.get() - (have - want));
            // SAFETY: p..p+want*BLOCK_SIZE is still ours; clear the slack past n_bytes.
            unsafe { ptr::write_bytes(p.add(n_bytes), 0, want * BLOCK_SIZE - n_bytes) };
            return Ok(NonNull::new(p).unwrap_or(NonNull::dangling()));
        }
        // Grow in place if enough FREE blocks follow.
        let extra = want - have;
        let mut free_after = 0;
        while free_after < extra
            && b + have + free_after < self.n_blocks
            && self.kind(b + have + free_after) == BlockKind::Free
        {
            free_after += 1;
        }
        if free_after == extra {
            self.check_poison_for_reuse(b + have, extra);
            self.set_kind_run(b + have, extra, BlockKind::Tail);
            // SAFETY: the new tail blocks are inside the pool and now ours.
            unsafe { ptr::write_bytes((self.block_addr(b + have)) as *mut u8, 0, extra * BLOCK_SIZE) };
            self.stats.live_blocks.set(self.stats.live_blocks.get() + extra);
            if self.free_hint.get() >= b + have && self.free_hint.get() < b + want {
                self.free_hint.set(b + want);
            }
            return Ok(NonNull::new(p).unwrap_or(NonNull::dangling()));
        }
        let had_finaliser = self.ftb(b);
        // `p` stays live across a collection here: it is held in this frame.
        let q = self.alloc(n_bytes, had_finaliser)?;
        // SAFETY: both regions are live allocations of at least old_size bytes
        // (want > have) and distinct.
        unsafe { ptr::copy_nonoverlapping(p, q.as_ptr(), old_size) };
        core::hint::black_box(p);
        self.free(p);
        Ok(q)
    }

    // ---- information and control ---------------------------------------------

    pub fn info(&self) -> Info {
        let mut info =
            Info { total: self.n_blocks * BLOCK_SIZE, collections: self.stats.collections.get(), ..Info::default() };
        let mut run_free = 0;
        let mut b = 0;
        while b < self.n_blocks {
            match self.kind(b) {
                BlockKind::Free => {
                    run_free += 1;
                    info.max_free = info.max_free.max(run_free);
                    b += 1;
                }
                BlockKind::Head | BlockKind::Mark => {
                    run_free = 0;
                    let n = self.alloc_len(b);
                    info.used += n * BLOCK_SIZE;
                    match n {
                        1 => info.num_1block += 1,
                        2 => info.num_2block += 1,
                        _ => {}
                    }
                    info.max_block = info.max_block.max(n);
                    b += n;
                }
                BlockKind::Tail => {
                    // A stray tail (only in a corrupt heap): count it as used.
                    run_free = 0;
                    info.used += BLOCK_SIZE;
                    b += 1;
                }
            }
        }
        info.free = info.total - info.used;
        info
    }

    /// Bytes in use, from the running counters (constant time, unlike `info`).
    pub fn used(&self) -> usize {
        self.stats.live_blocks.get() * BLOCK_SIZE
    }

    /// While locked, allocation fails with [`AllocError::Locked`], free does
    /// nothing and collections are skipped. Locks nest.
    pub fn lock(&self) {
        self.lock_depth.set(self.lock_depth.get() + 1);
    }

    pub fn unlock(&self) {
        self.lock_depth.set(self.lock_depth.get().saturating_sub(1));
    }

    /// How many `lock` calls are not yet matched by `unlock`.
    pub fn lock_depth(&self) -> u32 {
        self.lock_depth.get()
    }

    pub fn is_locked(&self) -> bool {
        self.lock_depth.get() > 0
    }

    /// `gc.threshold(n)`: collect once `bytes` (rounded down to whole blocks)
    /// were allocated since the last collection; None disables it.
    pub fn set_alloc_threshold(&self, bytes: Option<usize>) {
        self.alloc_threshold.set(bytes.map_or(usize::MAX, |b| b / BLOCK_SIZE));
    }

    /// The threshold in bytes (a multiple of the block size), None if disabled.
    pub fn alloc_threshold(&self) -> Option<usize> {
        let t = self.alloc_threshold.get();
        (t != usize::MAX).then(|| t * BLOCK_SIZE)
    }

    /// Suspends threshold collections (while `gc.disable()` is in force).
    pub fn pause_threshold(&self, paused: bool) {
        self.threshold_paused.set(paused);
    }

    /// Enables or disables collection when memory runs out (`gc.disable()`).
    /// Torture collections and explicit `collect` calls still run.
    pub fn set_auto_collect(&self, on: bool) {
        self.auto_collect.set(on);
    }

    /// Declares the root section: `words` machine words from `start`, scanned as
    /// a range at every collection.
    ///
    /// # Safety
    /// The range must stay valid and readable for as long as this heap collects.
    pub unsafe fn set_root_section(&self, start: *const usize, words: usize) {
        self.root_section.set((start as usize, words));
    }

    pub fn set_finaliser(&self, f: Option<Finaliser>) {
        self.finaliser.set(f);
    }

    /// Registers a static type descriptor. Returns false if the table is full.
    pub fn register_type(&self, descriptor: *const (), info: &'static TypeInfo) -> bool {
        // SAFETY: single-threaded; no reference into the table is held elsewhere
        // while this runs (lookups return copies of `&'static` data).
        unsafe { (*self.types.get()).insert(descriptor as usize, info) }
    }

    pub(crate) fn type_of_block(&self, b: usize) -> Option<&'static TypeInfo> {
        let first = self.pool_word(b * WORDS_PER_BLOCK);
        // SAFETY: see register_type.
        unsafe { (*self.types.get()).get(first) }
    }

    /// The pool's address range, for embedders that check pointers.
    pub fn pool_range(&self) -> (usize, usize) {
        (self.pool, self.pool_end)
    }

    /// Block `b`'s allocation-table state and, for an allocation's first
    /// block, the registered type its first word names (for block maps such
    /// as `micropython.mem_info(1)`). `b` must be below `block_count()`.
    pub fn block_info(&self, b: usize) -> (crate::layout::BlockKind, Option<&'static TypeInfo>) {
        let k = self.kind(b);
        let t = if matches!(k, crate::layout::BlockKind::Head | crate::layout::BlockKind::Mark) {
            self.type_of_block(b)
        } else {
            None
        };
        (k, t)
    }

    pub fn block_count(&self) -> usize {
        self.n_blocks
    }

    /// Named counters, as written to dumps.
    pub fn counters(&self) -> [(&'static str, u64); 17] {
        let s = &self.stats;
        let (mode, interval, seed) = match self.torture.mode {
            TortureMode::Off => (0, 0, 0),
            TortureMode::Every => (1, 1, 0),
            TortureMode::EveryN(n) => (2, n, 0),
            TortureMode::Random { seed, mean } => (3, mean, seed),
        };
        // SAFETY: reading the length of a boxed slice the heap owns.
        let msize = unsafe { (&*self.mark_stack.get()).len() } as u64;
        [
            ("allocs", s.allocs.get()),
            ("frees", s.frees.get()),
            ("reallocs", s.reallocs.get()),
            ("collections", s.collections.get()),
            ("bytes_requested", s.bytes_requested.get()),
            ("live_blocks", s.live_blocks.get() as u64),
            ("live_allocs", s.live_allocs.get() as u64),
            ("alloc_since_collect", s.alloc_since_collect.get()),
            ("torture_mode", mode),
            ("torture_interval", interval),
            ("torture_seed", seed),
            ("verify", self.torture.verify as u64),
            ("poison", self.torture.poison as u64),
            ("mark_stack_size", msize),
            ("mark_stack_overflows", s.mark_overflows.get()),
            ("finalisers_run", s.finalisers_run.get()),
            ("locked", self.lock_depth.get() as u64),
        ]
    }

    /// The last collections, oldest first.
    pub fn history(&self) -> impl Iterator<Item = CollectionRecord> + '_ {
        let next = self.ring_next.get();
        // SAFETY: the ring is only written inside a collection, not while this
        // iterator (which copies entries out) is alive on the same thread... and
        // a collection cannot start while the caller holds it without allocating.
        let ring = unsafe { &*self.ring.get() };
        (0..RING_LEN).map(move |i| ring[(next + i) % RING_LEN]).filter(|r| r.number != 0)
    }

    pub fn fault(&self) -> Option<Fault> {
        self.fault
    }

    pub(crate) fn fault_is(&self, f: Fault) -> bool {
        cfg!(feature = "fault-injection") && self.fault == Some(f)
    }

    // ---- torture scheduling -----------------------------------------------------

    #[cfg(feature = "gc-torture")]
    #[inline(always)]
    fn torture_due(&self) -> bool {
        self.torture.mode != TortureMode::Off && self.stats.allocs.get() >= self.next_torture.get()
    }

    pub(crate) fn schedule_next_torture(&self) {
        let now = self.stats.allocs.get();
        let next = match self.torture.mode {
            TortureMode::Off => u64::MAX,
            TortureMode::Every => now,
            TortureMode::EveryN(n) => (now / n + 1) * n,
            TortureMode::Random { mean, .. } => {
                // xorshift64*: deterministic for a given seed.
                let mut x = self.rng.get();
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                self.rng.set(x);
                now + 1 + (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % (2 * mean)
            }
        };
        self.next_torture.set(next);
    }

    pub(crate) fn failures_mut(&self) -> *mut FailureList {
        self.failures.get()
    }

    /// The first failure recorded in [`FailureMode::Record`] and how many
    /// there were, clearing the record; copied out without allocating, for
    /// callers running under the interpreter's no-Rust-allocation rule.
    pub fn take_first_failure(&self) -> (usize, Option<crate::verify::Failure>) {
        // SAFETY: single-threaded; the list is not borrowed elsewhere now.
        let list = unsafe { &mut *self.failures.get() };
        let first = list.iter().next().copied();
        let n = list.total;
        list.clear();
        (n, first)
    }

    /// Failures recorded in [`FailureMode::Record`] since the last call.
    pub fn take_failures(&self) -> Vec<crate::verify::FailureReport> {
        // SAFETY: single-threaded; the list is not borrowed elsewhere now.
        let list = unsafe { &mut *self.failures.get() };
        let out = list.iter().map(|f| f.to_report()).collect();
        list.clear();
        out
    }
}

#[inline(never)]
fn enter_callee<R>(heap: &Heap, f: impl FnOnce(&Heap) -> R) -> R {
    core::hint::black_box(f(heap))
}

impl Drop for Heap {
    fn drop(&mut self) {
        CURRENT.with(|c| {
            if std::ptr::eq(c.get(), self) {
                c.set(ptr::null());
            }
        });
        // SAFETY: `area` was mapped in `new` with exactly this size.
        unsafe { libc::munmap(self.area as *mut libc::c_void, self.area_layout.size()) };
    }
}

/// Access for tests that corrupt a heap on purpose, to show each verifier
/// check firing. Not part of the API an interpreter should use.
#[doc(hidden)]
pub mod testing {
    use super::Heap;
    use crate::layout::BlockKind;

    pub fn block_index(h: &Heap, p: *const u8) -> Option<usize> {
        h.block_of(p as usize)
    }
    pub fn kind(h: &Heap, b: usize) -> BlockKind {
        h.kind(b)
    }
    pub fn set_kind(h: &Heap, b: usize, k: BlockKind) {
        if b < h.n_blocks {
            h.set_kind(b, k);
            if k == BlockKind::Free {
                h.unmark_full(b, 1);
            }
        }
    }
    pub fn set_ftb(h: &Heap, b: usize, on: bool) {
        if b < h.n_blocks {
            h.set_ftb(b, on)
        }
    }
    pub fn block_addr(h: &Heap, b: usize) -> usize {
        h.block_addr(b)
    }
    /// Writes a word anywhere in the pool (word index from block 0).
    pub fn write_pool_word(h: &Heap, i: usize, v: usize) {
        if i < h.n_blocks * crate::layout::WORDS_PER_BLOCK {
            // SAFETY: i is inside the pool, which the heap owns.
            unsafe { core::ptr::write_volatile((h.pool as *mut usize).add(i), v) };
        }
    }
    pub fn bump_live_allocs(h: &Heap) {
        h.stats.live_allocs.set(h.stats.live_allocs.get() + 1);
    }
    pub fn free_hint(h: &Heap) -> usize {
        h.free_hint.get()
    }
    pub fn fault_fired(h: &Heap) -> u64 {
        h.fault_fired.get()
    }
}
