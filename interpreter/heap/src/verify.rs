//! The gc-torture verifier and failure reporting.
//!
//! Checks, each with the name used in dumps (FORMAT.md):
//! - `atb-tail-at-start`, `atb-tail-after-free`: the ATB is well formed;
//! - `mark-outside-collection`: no MARK survives a collection;
//! - `ftb-not-head`: finaliser bits only on HEADs;
//! - `poison`: every word of every FREE block still holds the poison;
//! - `counters`: the running totals agree with the ATB;
//! - `finalised-live`: a block whose finaliser ran was freed in the same sweep;
//! - `dangling-field`: no pointer field of a typed live object points at a FREE
//!   or TAIL block;
//! - `missed-by-marker`: an independent reference marking from the same roots
//!   (root section, a shadow register capture, the same stack range) reaches no
//!   HEAD that the collector left unmarked. It runs between mark and sweep, so
//!   the missed block is still intact when the dump is written.
//!
//! The reference marking uses its own bitmap and a worklist sized to the number
//! of blocks (allocated when the heap was created): it never overflows, never
//! allocates, and shares no code with the real marker beyond the table reads.
//!
//! A failure either writes a dump and aborts (the default), or is recorded for
//! `Heap::take_failures` (tests and in-process fuzzing).

use crate::heap::{Heap, NREGS, REG_NAMES};
use crate::layout::{BlockKind, BLOCK_SIZE, POISON, WORD, WORDS_PER_BLOCK};
use crate::text::FixedStr;
use core::fmt::Write;
use core::panic::Location;

/// Referrer codes kept in the reference marker's `ref_from` table besides
/// real word addresses: small numbers for registers and root slots.
const REF_REG: usize = 1;
const REF_ROOT: usize = 64;
const REF_ROOT_END: usize = REF_ROOT + 4096;

/// The reference marker's state: visited bits, worklist, and who referred first.
struct RefMark<'a> {
    bits: &'a mut [u64],
    work: &'a mut [usize],
    from: &'a mut [usize],
    n: usize,
}

impl RefMark<'_> {
    #[inline(always)]
    fn visit(&mut self, b: usize, src: usize) {
        if self.bits[b / 64] & (1 << (b % 64)) == 0 {
            self.bits[b / 64] |= 1 << (b % 64);
            self.from[b] = src;
            self.work[self.n] = b;
            self.n += 1;
        }
    }
}

/// One failed check, formatted without allocating.
#[derive(Clone, Copy)]
pub struct Failure {
    pub check: &'static str,
    pub block: Option<usize>,
    pub block_addr: usize,
    pub kind: u8,
    pub referrer_addr: usize,
    pub referrer_block: Option<usize>,
    pub referrer: FixedStr<96>,
    pub message: FixedStr<480>,
}

impl Failure {
    pub(crate) fn new(check: &'static str) -> Failure {
        Failure {
            check,
            block: None,
            block_addr: 0,
            kind: 0,
            referrer_addr: 0,
            referrer_block: None,
            referrer: FixedStr::new(),
            message: FixedStr::new(),
        }
    }

    pub(crate) fn about(h: &Heap, check: &'static str, b: usize) -> Failure {
        let mut f = Failure::new(check);
        f.block = Some(b);
        f.block_addr = h.block_addr(b);
        f.kind = h.kind(b) as u8;
        f
    }

    pub fn to_report(&self) -> FailureReport {
        FailureReport {
            check: self.check,
            block: self.block,
            block_addr: self.block_addr,
            referrer_block: self.referrer_block,
            referrer: self.referrer.as_str().to_string(),
            message: self.message.as_str().to_string(),
        }
    }
}

/// A failure handed to Rust callers (tests) as owned data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailureReport {
    pub check: &'static str,
    pub block: Option<usize>,
    pub block_addr: usize,
    pub referrer_block: Option<usize>,
    pub referrer: String,
    pub message: String,
}

pub(crate) const MAX_FAILURES: usize = 16;

/// Failures of one verification, fixed capacity; the count goes on past it.
pub(crate) struct FailureList {
    items: [Option<Failure>; MAX_FAILURES],
    len: usize,
    pub total: usize,
}

impl FailureList {
    pub fn new() -> Self {
        FailureList { items: [None; MAX_FAILURES], len: 0, total: 0 }
    }
    pub fn push(&mut self, f: Failure) {
        self.total += 1;
        if self.len < MAX_FAILURES {
            self.items[self.len] = Some(f);
            self.len += 1;
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = &Failure> {
        self.items[..self.len].iter().flatten()
    }
    pub fn clear(&mut self) {
        self.len = 0;
        self.total = 0;
    }
    pub fn len(&self) -> usize {
        self.len
    }
}

/// Collects failures found by one pass, then reports them together.
struct Pass<'a> {
    h: &'a Heap,
    list: FailureList,
    /// Where failures past the list's capacity are formatted (and dropped), so
    /// they never write into a stored one.
    scratch: Failure,
}

impl<'a> Pass<'a> {
    fn new(h: &'a Heap) -> Self {
        Pass { h, list: FailureList::new(), scratch: Failure::new("") }
    }

    fn fail(&mut self, check: &'static str, b: Option<usize>, args: core::fmt::Arguments<'_>) -> &mut Failure {
        let mut f = match b {
            Some(b) => Failure::about(self.h, check, b),
            None => Failure::new(check),
        };
        let _ = write!(f.message, "gc-torture: {check}: ");
        let _ = f.message.write_fmt(args);
        if self.list.len() == MAX_FAILURES {
            self.list.total += 1;
            self.scratch = f;
            return &mut self.scratch;
        }
        self.list.push(f);
        let i = self.list.len() - 1;
        // The list keeps at least one item once pushed.
        self.list.items[i].as_mut().expect("failure just pushed")
    }

    fn finish(self, context: &str, loc: &'static Location<'static>) -> usize {
        let n = self.list.total;
        if n > 0 {
            let items: [Option<Failure>; MAX_FAILURES] = self.list.items;
            let mut arr = [Failure::new(""); MAX_FAILURES];
            let mut k = 0;
            for f in items.iter().flatten() {
                arr[k] = *f;
                k += 1;
            }
            self.h.report(&arr[..k], context, loc);
        }
        n
    }
}

impl Heap {
    /// Describes block `b` for messages: index, address, kind, size, type.
    pub(crate) fn describe_block(&self, b: usize, out: &mut FixedStr<480>) {
        let k = self.kind(b);
        let _ = write!(out, "block {} (0x{:x}) {}", b, self.block_addr(b), k.name());
        if matches!(k, BlockKind::Head | BlockKind::Mark) {
            let n = self.alloc_len(b);
            let _ = write!(out, ", {} block{}", n, if n == 1 { "" } else { "s" });
            if let Some(t) = self.type_of_block(b) {
                let _ = write!(out, ", type {}", t.name);
            }
        }
    }

    fn describe_referrer(&self, from: usize, f: &mut Failure) {
        let r = &mut f.referrer;
        if (REF_REG..REF_REG + NREGS).contains(&from) {
            let _ = write!(r, "register {} (shadow capture)", REG_NAMES[from - REF_REG]);
        } else if (REF_ROOT..REF_ROOT_END).contains(&from) {
            let slot = from - REF_ROOT;
            let (start, _) = self.root_section.get();
            f.referrer_addr = start + slot * WORD;
            let _ = write!(r, "root slot {slot} (0x{:x})", f.referrer_addr);
        } else if let Some(b) = self.block_of(from) {
            let head = self.head_of_interior(from).unwrap_or(b);
            f.referrer_addr = from;
            f.referrer_block = Some(head);
            let _ = write!(r, "block {} word {} (0x{:x})", head, (from - self.block_addr(head)) / WORD, from);
            if let Some(t) = self.type_of_block(head) {
                let _ = write!(r, ", type {}", t.name);
            }
        } else if from != 0 {
            f.referrer_addr = from;
            let _ = write!(r, "stack word 0x{from:x}");
        }
    }

    /// The reference marking, run between mark and sweep. `lo..top` is the stack
    /// range of the collection; the shadow registers are in the root snapshot.
    #[inline(never)]
    pub(crate) fn verify_marking(&self, lo: usize, top: usize) {
        // SAFETY: the workspaces are owned by the heap, sized at creation, and
        // not borrowed elsewhere while a collection runs.
        let (bits, work, from) =
            unsafe { (&mut *self.ref_bits.get(), &mut *self.ref_work.get(), &mut *self.ref_from.get()) };
        if work.len() < self.n_blocks {
            return;
        }
        bits.fill(0);
        let mut rm = RefMark { bits, work, from, n: 0 };
        let live = |k: BlockKind| matches!(k, BlockKind::Head | BlockKind::Mark);
        let roots = self.roots.get();
        let (rs, rw) = self.root_section.get();
        for i in 0..rw {
            // SAFETY: the embedder keeps the root section readable.
            let w = unsafe { core::ptr::read_volatile((rs as *const usize).add(i)) };
            if let Some(b) = self.exact_head(w) {
                rm.visit(b, REF_ROOT + i.min(REF_ROOT_END - REF_ROOT - 1));
            }
        }
        if roots.have_shadow {
            for (i, &w) in roots.shadow.iter().enumerate() {
                if let Some(b) = self.head_of_interior(w) {
                    if live(self.kind(b)) {
                        rm.visit(b, REF_REG + i);
                    }
                }
            }
        }
        let mut a = lo;
        while a < top {
            // SAFETY: lo..top is the live stack of this collection (see collect).
            let w = unsafe { core::ptr::read_volatile(a as *const usize) };
            if let Some(b) = self.head_of_interior(w) {
                rm.visit(b, a);
            }
            a += WORD;
        }
        let mut pass = Pass::new(self);
        let mut i = 0;
        while i < rm.n {
            let b = rm.work[i];
            i += 1;
            if self.kind(b) == BlockKind::Head {
                let src = rm.from[b];
                let f = pass.fail("missed-by-marker", Some(b), format_args!("the reference marking reached "));
                self.describe_block(b, &mut f.message);
                let _ = write!(f.message, ", which the collector left unmarked and would free; referrer: ");
                self.describe_referrer(src, f);
                let r = f.referrer;
                f.message.push_str(r.as_str());
            }
            let n = self.alloc_len(b);
            for wi in b * WORDS_PER_BLOCK..(b + n) * WORDS_PER_BLOCK {
                if let Some(c) = self.exact_head(self.pool_word(wi)) {
                    rm.visit(c, self.pool + wi * WORD);
                }
            }
        }
        pass.finish("reference marking after mark, before sweep", Location::caller());
    }

    /// The exact-HEAD rule for root-section and heap words.
    #[inline(always)]
    fn exact_head(&self, w: usize) -> Option<usize> {
        let b = self.block_of(w)?;
        if (w - self.pool).is_multiple_of(BLOCK_SIZE) && matches!(self.kind(b), BlockKind::Head | BlockKind::Mark) {
            Some(b)
        } else {
            None
        }
    }

    #[inline(never)]
    pub(crate) fn verify_after_sweep(&self) {
        let n = self.structural_checks(true, Location::caller());
        let _ = n;
    }

    /// Runs every check that does not need a collection in progress: the ATB,
    /// FTB, poison, counters, finalised blocks and typed pointer fields.
    /// Returns the number of failures (reported per the failure mode).
    #[track_caller]
    pub fn verify(&self) -> usize {
        self.structural_checks(false, Location::caller())
    }

    fn structural_checks(&self, after_sweep: bool, loc: &'static Location<'static>) -> usize {
        let mut p = Pass::new(self);
        let (mut heads, mut used) = (0usize, 0usize);
        let mut prev = BlockKind::Free;
        // SAFETY: the ATB, FTB and pool are memory the heap owns, of these
        // lengths; nothing writes them while the verifier reads (single thread).
        let (atb, ftb, pool) = unsafe {
            (
                core::slice::from_raw_parts(self.atb, self.geo.atb_len),
                core::slice::from_raw_parts(self.ftb, self.geo.ftb_len),
                core::slice::from_raw_parts(self.pool as *const usize, self.n_blocks * WORDS_PER_BLOCK),
            )
        };
        const WPB4: usize = 4 * WORDS_PER_BLOCK;
        for (i, &byte) in atb.iter().enumerate() {
            let ftb_nibble = (ftb[i / 2] >> (4 * (i % 2))) & 0xF;
            // Fast path: four FREE blocks, no finaliser bits, poison intact.
            if byte == 0
                && ftb_nibble == 0
                && (!self.torture.poison || pool[i * WPB4..(i + 1) * WPB4].iter().all(|&w| w == POISON))
            {
                prev = BlockKind::Free;
                continue;
            }
            for b in i * 4..i * 4 + 4 {
                self.check_block(&mut p, b, prev, &mut heads, &mut used, pool);
                prev = self.kind(b);
            }
        }
        let s = &self.stats;
        if heads != s.live_allocs.get() || used != s.live_blocks.get() {
            p.fail(
                "counters",
                None,
                format_args!(
                    "the ATB holds {} allocations in {} blocks, the counters say {} in {}",
                    heads,
                    used,
                    s.live_allocs.get(),
                    s.live_blocks.get()
                ),
            );
        }
        let allocs = s.allocs.get();
        let gone = s.frees.get() + s.swept_allocs.get();
        if allocs < gone || (allocs - gone) as usize != s.live_allocs.get() {
            p.fail(
                "counters",
                None,
                format_args!(
                    "{} allocations minus {} frees and {} swept is not the {} live allocations",
                    allocs,
                    s.frees.get(),
                    s.swept_allocs.get(),
                    s.live_allocs.get()
                ),
            );
        }
        if after_sweep {
            let nf = self.finalised_n.get();
            for i in 0..nf {
                // SAFETY: i < finalised_n <= FINALISED_LOG.
                let b = unsafe { (*self.finalised.get())[i] };
                if self.kind(b) != BlockKind::Free {
                    let f = p.fail("finalised-live", Some(b), format_args!("the sweep ran the finaliser of "));
                    self.describe_block(b, &mut f.message);
                    let _ = write!(f.message, ", which is still allocated: it was reachable");
                }
            }
        }
        self.check_typed_fields(&mut p);
        p.finish(if after_sweep { "verification after sweep" } else { "verification on demand" }, loc)
    }

    /// The per-block checks of `structural_checks`.
    #[inline(always)]
    fn check_block(
        &self,
        p: &mut Pass<'_>,
        b: usize,
        prev: BlockKind,
        heads: &mut usize,
        used: &mut usize,
        pool: &[usize],
    ) {
        let k = self.kind(b);
        match k {
            BlockKind::Tail if b == 0 => {
                p.fail("atb-tail-at-start", Some(b), format_args!("block 0 (0x{:x}) is a TAIL", self.pool));
            }
            BlockKind::Tail if prev == BlockKind::Free => {
                p.fail(
                    "atb-tail-after-free",
                    Some(b),
                    format_args!(
                        "block {} (0x{:x}) is a TAIL following FREE block {}: the sweep or a free left part of an \
                         allocation behind",
                        b,
                        self.block_addr(b),
                        b - 1
                    ),
                );
            }
            BlockKind::Mark if !self.collecting.get() => {
                p.fail(
                    "mark-outside-collection",
                    Some(b),
                    format_args!("block {} (0x{:x}) is MARK while no collection runs", b, self.block_addr(b)),
                );
            }
            _ => {}
        }
        if self.ftb(b) && !matches!(k, BlockKind::Head | BlockKind::Mark) {
            p.fail(
                "ftb-not-head",
                Some(b),
                format_args!("block {} (0x{:x}) has its finaliser bit set but is {}", b, self.block_addr(b), k.name()),
            );
        }
        if matches!(k, BlockKind::Head | BlockKind::Mark) {
            *heads += 1;
        }
        if k != BlockKind::Free {
            *used += 1;
        } else if self.torture.poison {
            for w in 0..WORDS_PER_BLOCK {
                let v = pool[b * WORDS_PER_BLOCK + w];
                if v != POISON {
                    p.fail(
                        "poison",
                        Some(b),
                        format_args!(
                            "free block {} (0x{:x}) word {} holds 0x{:x}, not the poison pattern: written after it \
                             was freed",
                            b,
                            self.block_addr(b),
                            w,
                            v
                        ),
                    );
                    break;
                }
            }
        }
    }

    fn check_typed_fields(&self, p: &mut Pass<'_>) {
        // SAFETY: reading the table's count; see register_type.
        if unsafe { (*self.types.get()).count } == 0 {
            return;
        }
        let mut b = 0;
        while b < self.n_blocks {
            let k = self.kind(b);
            if !matches!(k, BlockKind::Head | BlockKind::Mark) {
                b += 1;
                continue;
            }
            let n = self.alloc_len(b);
            if let Some(t) = self.type_of_block(b) {
                let words = n * WORDS_PER_BLOCK;
                let check = |wi: usize, p: &mut Pass<'_>| {
                    let v = self.pool_word(b * WORDS_PER_BLOCK + wi);
                    let Some(tb) = self.block_of(v) else { return };
                    if !(v - self.pool).is_multiple_of(BLOCK_SIZE) {
                        return; // a tagged value, not a reference
                    }
                    let tk = self.kind(tb);
                    if matches!(tk, BlockKind::Free | BlockKind::Tail) {
                        let f = p.fail("dangling-field", Some(tb), format_args!("field {} of ", wi));
                        self.describe_block(b, &mut f.message);
                        let _ = write!(f.message, " points at block {} (0x{:x}), which is {}", tb, v, tk.name());
                        f.referrer_addr = self.block_addr(b) + wi * WORD;
                        f.referrer_block = Some(b);
                        let _ = write!(f.referrer, "block {} word {}, type {}", b, wi, t.name);
                    }
                };
                for &fi in t.fields {
                    if (fi as usize) < words {
                        check(fi as usize, p);
                    }
                }
                if let Some(from) = t.all_from {
                    for wi in from as usize..words {
                        check(wi, p);
                    }
                }
            }
            b += n;
        }
    }

    /// Handles failed checks: record them, or print them, write a dump and abort.
    #[cold]
    #[inline(never)]
    pub(crate) fn report(&self, fails: &[Failure], context: &str, loc: &'static Location<'static>) {
        match self.failure_mode {
            crate::config::FailureMode::Record => {
                // SAFETY: single-threaded; the list is not borrowed elsewhere.
                let list = unsafe { &mut *self.failures_mut() };
                for f in fails {
                    list.push(*f);
                }
            }
            crate::config::FailureMode::Abort => {
                let mut line = FixedStr::<256>::new();
                for f in fails {
                    crate::dump::stderr_line(f.message.as_bytes());
                }
                let _ = write!(line, "gc-torture: {} failed check(s) during {}", fails.len(), context);
                crate::dump::stderr_line(line.as_bytes());
                let first = fails.first().map(|f| f.message.as_str()).unwrap_or("");
                let path = self.write_dump_raw(crate::dump::Reason::CheckFailed, first, loc, fails);
                let mut l2 = FixedStr::<1200>::new();
                match path {
                    Ok(p) => {
                        let _ = write!(l2, "gc-torture: heap dump written to {}", p.as_str());
                    }
                    Err(e) => {
                        let _ = write!(l2, "gc-torture: could not write a heap dump: {e}");
                    }
                }
                crate::dump::stderr_line(l2.as_bytes());
                crate::signals::abort_after_dump();
            }
        }
    }
}
