//! Collection: capture the registers, mark from the roots, sweep.
//!
//! Roots are (1) the declared root section, scanned as a range of words, each
//! word counting only if it is the exact address of a HEAD; (2) the native stack
//! from the register array up to the top recorded by `Heap::enter`; (3) the
//! callee-saved registers, stored into that array by inline assembly. Stack and
//! register words may be interior pointers: they keep the allocation they point
//! into alive. Heap words count only as exact HEAD addresses (MicroPython's rule).
//!
//! Why the shape matters (see the design): the register array must lie below
//! every frame that can hold a root, so the capture is one never-inlined,
//! unmangled function, and the path from an allocation to it is kept thin so
//! that the registers it captures are still the mutator's.
//!
//! Invariants: no allocation during a collection; the mark stack never grows
//! (overflow sets a flag and the heap is rescanned for MARK blocks); MARK bits
//! exist only between the start of marking and the end of the sweep.

use crate::fault::Fault;
use crate::heap::{CollectionRecord, Heap, RootSnapshot, FINALISED_LOG, NREGS, RING_LEN};
use crate::layout::{BlockKind, BLOCK_SIZE, WORD, WORDS_PER_BLOCK};
use core::ptr;

/// Words of the stack top left unscanned by the `short-stack-scan` fault.
const SHORT_SCAN_WORDS: usize = 32;

/// Stores the callee-saved registers into `out`. Always inlined into its caller,
/// so the values are the caller's registers at that point.
#[inline(always)]
pub(crate) fn capture_registers(out: &mut [usize; NREGS]) {
    let p = out.as_mut_ptr();
    // SAFETY: `p` points at NREGS writable words. The assembly only stores the
    // callee-saved registers through the pinned pointer register and touches
    // no other memory or register; it is deliberately not `nomem`/`readonly`,
    // so the compiler treats the array as written.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        core::arch::asm!(
            "mov [rdi], rbx",
            "mov [rdi + 8], rbp",
            "mov [rdi + 16], r12",
            "mov [rdi + 24], r13",
            "mov [rdi + 32], r14",
            "mov [rdi + 40], r15",
            in("rdi") p,
            options(nostack, preserves_flags)
        );
    }
    // SAFETY: as above, for the four callee-saved registers of i386.
    #[cfg(target_arch = "x86")]
    unsafe {
        core::arch::asm!(
            "mov [eax], ebx",
            "mov [eax + 4], esi",
            "mov [eax + 8], edi",
            "mov [eax + 12], ebp",
            in("eax") p,
            options(nostack, preserves_flags)
        );
    }
}

/// The register capture and stack scan's entry: a naked function, so that the
/// first thing it does is store the callee-saved registers into an array at
/// the bottom of its own small frame — before any prologue or PIC set-up could
/// overwrite them or spill them. It then calls the collector proper with the
/// array's address; the scan covers everything from the array up to the
/// recorded stack top, and the collector's own frames lie below it.
/// `#[no_mangle]` so the CI gate can find it in release binaries; it cannot be
/// inlined, and inlining it is exactly the design's bug.
///
/// # Safety
/// `heap` must be a live heap entered by this thread, not collecting.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn gc_collect_regs_and_stack(heap: *const Heap) {
    // rdi = heap. On entry rsp = 8 (mod 16); 56 bytes keep calls aligned.
    core::arch::naked_asm!(
        "sub rsp, 56",
        "mov [rsp], rbx",
        "mov [rsp + 8], rbp",
        "mov [rsp + 16], r12",
        "mov [rsp + 24], r13",
        "mov [rsp + 32], r14",
        "mov [rsp + 40], r15",
        "mov rsi, rsp",
        "call {inner}",
        "add rsp, 56",
        "ret",
        inner = sym gc_collect_inner,
    )
}

/// See the x86-64 version; cdecl: the argument is at [esp+4] on entry.
///
/// # Safety
/// `heap` must be a live heap entered by this thread, not collecting.
#[cfg(target_arch = "x86")]
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn gc_collect_regs_and_stack(heap: *const Heap) {
    // On entry esp = 12 (mod 16); after 28 bytes it is 16-aligned for the call.
    // Frame: [esp] heap, [esp+4] &regs, [esp+8..esp+24] regs.
    core::arch::naked_asm!(
        "sub esp, 28",
        "mov [esp + 8], ebx",
        "mov [esp + 12], esi",
        "mov [esp + 16], edi",
        "mov [esp + 20], ebp",
        "mov eax, [esp + 32]",
        "mov [esp], eax",
        "lea eax, [esp + 8]",
        "mov [esp + 4], eax",
        "call {inner}",
        "add esp, 28",
        "ret",
        inner = sym gc_collect_inner,
    )
}

/// The collector proper, called only by `gc_collect_regs_and_stack` with the
/// address of its register array. The verifier's shadow copy of the registers
/// is taken here, in this frame, below the scanned range, before the
/// `skip-registers` fault (if injected) wipes the array the scan reads.
extern "C" fn gc_collect_inner(heap: *const Heap, regs: *mut [usize; NREGS]) {
    // SAFETY: `heap` is live (see gc_collect_regs_and_stack) and `regs` points
    // at the array in the calling naked frame, which outlives this call.
    let (h, regs) = unsafe { (&*heap, &mut *regs) };
    let shadow = *regs;
    let skip = h.fault_is(Fault::SkipRegisters);
    if skip {
        *regs = [0; NREGS];
        core::hint::black_box(&mut *regs);
    }
    let keep_shadow = cfg!(feature = "gc-torture") && h.torture.verify;
    collect_from(h, regs, &shadow, !skip, keep_shadow);
}

impl Heap {
    /// Runs a full collection now (`gc.collect()`). Skipped while the heap is
    /// locked, during another collection, or when no thread has entered the
    /// heap (there would be no stack to scan). Inlined into the caller so that
    /// nothing sits between the mutator's frame and the register capture.
    #[inline(always)]
    pub fn collect(&self) {
        if self.lock_depth.get() > 0 || self.collecting.get() || self.stack_top.get() == 0 {
            return;
        }
        // SAFETY: self is a live heap entered by this thread and not collecting.
        unsafe { gc_collect_regs_and_stack(self) }
    }

    #[inline(always)]
    fn push_mark(&self, b: usize) {
        let sp = self.mark_sp.get();
        // SAFETY: single-threaded; no other reference to the mark stack is live.
        let stack = unsafe { &mut *self.mark_stack.get() };
        if sp < stack.len() {
            stack[sp] = b;
            self.mark_sp.set(sp + 1);
        } else if !self.fault_is(Fault::MarkOverflowDrop) {
            self.mark_overflow.set(true);
        }
    }

    /// Marks the HEAD block `b` if it is not marked yet.
    #[inline(always)]
    fn mark_head(&self, b: usize) {
        if self.kind(b) == BlockKind::Head {
            self.set_kind(b, BlockKind::Mark);
            self.marked.set(self.marked.get() + 1);
            self.push_mark(b);
        }
    }

    /// A word from the root section or a heap block: an exact HEAD address.
    #[inline(always)]
    pub(crate) fn mark_exact(&self, w: usize) {
        if w >= self.pool && w < self.pool_end && (w - self.pool).is_multiple_of(BLOCK_SIZE) {
            self.mark_head((w - self.pool) / BLOCK_SIZE);
        }
    }

    /// A stack or register word: anything inside an allocation keeps it alive.
    #[inline(always)]
    pub(crate) fn head_of_interior(&self, w: usize) -> Option<usize> {
        let mut b = self.block_of(w)?;
        loop {
            match self.kind(b) {
                BlockKind::Free => return None,
                BlockKind::Head | BlockKind::Mark => return Some(b),
                BlockKind::Tail => {
                    if b == 0 {
                        return None;
                    }
                    b -= 1;
                }
            }
        }
    }

    #[inline(never)]
    fn scan_stack_range(&self, lo: usize, hi: usize) {
        let mut a = lo;
        while a < hi {
            // SAFETY: lo..hi is the live part of this thread's stack (from the
            // register array in an active frame up to the recorded top);
            // volatile so the compiler cannot reason about the reads.
            let w = unsafe { ptr::read_volatile(a as *const usize) };
            if let Some(b) = self.head_of_interior(w) {
                self.mark_head(b);
                self.drain();
            }
            a += WORD;
        }
    }

    /// Scans the children of every block on the mark stack.
    #[inline(never)]
    fn drain(&self) {
        loop {
            let sp = self.mark_sp.get();
            if sp == 0 {
                return;
            }
            self.mark_sp.set(sp - 1);
            // SAFETY: sp-1 < len, written by push_mark.
            let b = unsafe { (*self.mark_stack.get())[sp - 1] };
            self.scan_block_children(b);
        }
    }

    #[inline(always)]
    fn scan_block_children(&self, b: usize) {
        let n = self.alloc_len(b);
        let first = b * WORDS_PER_BLOCK;
        for i in first..first + n * WORDS_PER_BLOCK {
            self.mark_exact(self.pool_word(i));
        }
    }

    /// After an overflow: rescan every marked block until no overflow remains.
    #[inline(never)]
    fn rescan_after_overflow(&self) -> bool {
        let mut any = false;
        while self.mark_overflow.get() {
            any = true;
            self.mark_overflow.set(false);
            self.stats.mark_overflows.set(self.stats.mark_overflows.get() + 1);
            for b in 0..self.n_blocks {
                if self.kind(b) == BlockKind::Mark {
                    self.scan_block_children(b);
                    self.drain();
                }
            }
        }
        any
    }

    /// The index of the root-section slot the `forget-root` fault skips.
    pub(crate) fn forgotten_root_slot(&self) -> Option<usize> {
        if !self.fault_is(Fault::ForgetRoot) {
            return None;
        }
        let (start, words) = self.root_section.get();
        (0..words).find(|&i| {
            // SAFETY: the embedder promised start..start+words stays readable.
            let w = unsafe { ptr::read_volatile((start as *const usize).add(i)) };
            self.block_of(w).is_some()
        })
    }

    #[inline(never)]
    fn mark_root_section(&self) {
        let (start, words) = self.root_section.get();
        let skip = self.forgotten_root_slot();
        for i in 0..words {
            if Some(i) == skip {
                continue;
            }
            // SAFETY: as in forgotten_root_slot.
            let w = unsafe { ptr::read_volatile((start as *const usize).add(i)) };
            self.mark_exact(w);
            self.drain();
        }
    }

    /// Frees every unmarked allocation and clears the marks. Finalisers run
    /// first, all of them, with the heap locked.
    #[inline(never)]
    fn sweep(&self) -> (u64, u64, u32) {
        let mut finalisers = 0u32;
        self.finalised_n.set(0);
        if let Some(fin) = self.finaliser.get() {
            let early = self.fault_is(Fault::EarlyFinaliser);
            let mut early_done = false;
            for b in 0..self.n_blocks {
                if !self.ftb(b) {
                    continue;
                }
                let k = self.kind(b);
                let run = k == BlockKind::Head || (early && !early_done && k == BlockKind::Mark);
                if !run {
                    continue;
                }
                if k == BlockKind::Mark {
                    early_done = true;
                    self.fault_fired.set(self.fault_fired.get() + 1);
                }
                self.lock();
                fin(self.block_addr(b) as *mut u8);
                self.unlock();
                self.set_ftb(b, false);
                finalisers += 1;
                let n = self.finalised_n.get();
                if n < FINALISED_LOG {
                    // SAFETY: n < FINALISED_LOG; single-threaded.
                    unsafe { (*self.finalised.get())[n] = b };
                    self.finalised_n.set(n + 1);
                }
            }
            self.stats.finalisers_run.set(self.stats.finalisers_run.get() + finalisers as u64);
        }

        let leave_tail = self.fault_is(Fault::TailLeftBehind);
        let mut left_tail = false;
        let (mut freed_allocs, mut freed_blocks) = (0u64, 0u64);
        let mut b = 0;
        while b < self.n_blocks {
            // 32 FREE blocks at a time (a zero ATB word).
            if b.is_multiple_of(32) && b + 32 <= self.n_blocks && self.atb_word(b) == 0 {
                b += 32;
                continue;
            }
            match self.kind(b) {
                BlockKind::Mark => {
                    self.set_kind(b, BlockKind::Head);
                    b += self.alloc_len(b);
                }
                BlockKind::Head => {
                    let n = self.alloc_len(b);
                    let mut freed = n;
                    if leave_tail && !left_tail && n >= 2 {
                        // The fault: the last TAIL stays behind after a FREE.
                        left_tail = true;
                        freed = n - 1;
                        self.fault_fired.set(self.fault_fired.get() + 1);
                    }
                    self.set_ftb(b, false);
                    self.set_kind_run(b, freed, BlockKind::Free);
                    self.poison_blocks(b, freed);
                    let s = &self.stats;
                    s.live_blocks.set(s.live_blocks.get() - n);
                    s.live_allocs.set(s.live_allocs.get() - 1);
                    s.swept_allocs.set(s.swept_allocs.get() + 1);
                    freed_allocs += 1;
                    freed_blocks += n as u64;
                    b += n;
                }
                _ => b += 1,
            }
        }
        self.reset_hints();
        (freed_allocs, freed_blocks, finalisers)
    }

    #[inline(never)]
    fn take_snapshot(&self, number: u64) {
        // SAFETY: the snapshot buffer is owned by the heap and not borrowed
        // elsewhere; the source is the whole area up to the end of the pool.
        unsafe {
            let snap = &mut *self.snapshot.get();
            let len = self.geo.pool_offset + self.n_blocks * BLOCK_SIZE;
            if snap.len() >= len {
                ptr::copy_nonoverlapping(self.area, snap.as_mut_ptr(), len);
                self.snapshot_of.set(number);
            }
        }
    }
}

/// The body of a collection, below the register array in the stack.
#[inline(never)]
fn collect_from(h: &Heap, regs: &[usize; NREGS], shadow_regs: &[usize; NREGS], captured: bool, shadow: bool) {
    let lo = regs.as_ptr() as usize;
    let top = h.stack_top.get();
    let hi = if h.fault_is(Fault::ShortStackScan) { top.saturating_sub(SHORT_SCAN_WORDS * WORD).max(lo) } else { top };
    let number = h.stats.collections.get() + 1;
    h.stats.collections.set(number);
    h.collecting.set(true);
    h.roots.set(RootSnapshot { regs: *regs, shadow: *shadow_regs, have_shadow: shadow, stack_lo: lo, stack_hi: top });
    if cfg!(feature = "gc-torture") && h.torture.snapshot {
        h.take_snapshot(number);
    }

    let alloc_count = h.stats.allocs.get();
    h.mark_sp.set(0);
    h.mark_overflow.set(false);
    h.marked.set(0);
    h.mark_root_section();
    h.scan_stack_range(lo, hi);
    h.drain();
    let overflowed = h.rescan_after_overflow();

    let verify = cfg!(feature = "gc-torture") && h.torture.verify;
    if verify {
        h.verify_marking(lo, top);
    }
    let marked = h.marked.get();
    let (freed_allocs, freed_blocks, finalisers) = h.sweep();
    h.collecting.set(false);
    h.stats.alloc_since_collect.set(0);
    h.alloc_amount.set(0);

    let (rs, rw) = h.root_section.get();
    let rec = CollectionRecord {
        number,
        alloc_count,
        marked,
        freed_allocs,
        freed_blocks,
        root_start: rs,
        root_words: rw,
        stack_lo: lo,
        stack_hi: hi,
        flags: (overflowed as u32) | ((captured as u32) << 1) | ((verify as u32) << 2),
        finalisers,
    };
    let i = h.ring_next.get();
    // SAFETY: i < RING_LEN; the ring is not borrowed during a collection.
    unsafe { (*h.ring.get())[i] = rec };
    h.ring_next.set((i + 1) % RING_LEN);

    if verify {
        h.verify_after_sweep();
    }
    h.schedule_next_torture();
}
