//! The in-memory shape of a heap dump, as FORMAT.md (version 1) describes it.
//!
//! Invariant: a `Dump` owns the file's bytes exactly once; the big raw sections
//! (ATB, FTB, POOL and their pre-collection twins) are ranges into that buffer,
//! never copies, so holding a dump costs about the file's size. Every range is
//! checked against the buffer when the reader creates it, and `Heap` only ever
//! exposes the blocks that the ATB and the pool both cover completely.

use std::ops::Range;

/// Allocation-table values, two bits a block (MicroPython's AT_* table):
///
/// | bits | kind |                                  |
/// |------|------|----------------------------------|
/// | 0    | FREE | not allocated                    |
/// | 1    | HEAD | first block of an allocation     |
/// | 2    | TAIL | continuation of the allocation   |
/// | 3    | MARK | a head marked during collection  |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Free,
    Head,
    Tail,
    Mark,
}

impl Kind {
    pub fn from_bits(bits: u8) -> Kind {
        match bits & 3 {
            0 => Kind::Free,
            1 => Kind::Head,
            2 => Kind::Tail,
            _ => Kind::Mark,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Free => "FREE",
            Kind::Head => "HEAD",
            Kind::Tail => "TAIL",
            Kind::Mark => "MARK",
        }
    }

    /// A MARK is a head that the collector has reached; both start an allocation.
    pub fn starts_allocation(self) -> bool {
        matches!(self, Kind::Head | Kind::Mark)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X86,
    X64,
    Unknown(u8),
}

impl Arch {
    pub fn from_byte(b: u8) -> Arch {
        match b {
            1 => Arch::X86,
            2 => Arch::X64,
            other => Arch::Unknown(other),
        }
    }

    pub fn name(self) -> String {
        match self {
            Arch::X86 => "x86 (i686)".to_string(),
            Arch::X64 => "x86-64".to_string(),
            Arch::Unknown(b) => format!("unknown ({b})"),
        }
    }
}

/// Header flag bits.
pub const FLAG_SIGNAL: u32 = 1;
pub const FLAG_TORTURE: u32 = 2;
pub const FLAG_FAULT_INJECTION: u32 = 4;

/// RING entry flag bits.
pub const RING_OVERFLOWED: u32 = 1;
pub const RING_REGISTERS_CAPTURED: u32 = 2;
pub const RING_VERIFIED: u32 = 4;

/// Poison patterns of freed memory, per word size.
pub const POISON32: u64 = 0xDEAD_BEEF;
pub const POISON64: u64 = 0xDEAD_BEEF_DEAD_BEEF;

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub arch: u8,
    pub word_size: u8,
    pub block_size: u16,
    pub area_addr: u64,
    pub atb_addr: u64,
    pub ftb_addr: u64,
    pub pool_addr: u64,
    pub n_blocks: u64,
    pub pid: u64,
    pub time: u64,
    pub reason: String,
    pub detail: String,
    pub location: String,
    pub build_id: String,
    pub exe_path: String,
    pub fault: String,
    pub collecting: bool,
    /// Load address of the executable (its load bias), when the writer knew it.
    pub load_addr: Option<u64>,
}

impl Meta {
    pub fn arch(&self) -> Arch {
        Arch::from_byte(self.arch)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RingEntry {
    pub number: u64,
    pub alloc_count: u64,
    pub marked: u64,
    pub freed_allocs: u64,
    pub freed_blocks: u64,
    pub root_addr: u64,
    pub root_words: u64,
    pub stack_lo: u64,
    pub stack_hi: u64,
    pub flags: u32,
    pub finalisers: u32,
}

#[derive(Clone, Debug, Default)]
pub struct RegisterSet {
    pub label: String,
    pub regs: Vec<(String, u64)>,
}

#[derive(Clone, Debug, Default)]
pub struct Roots {
    pub section_addr: u64,
    /// Declared length; `section` may hold fewer words if the dump was cut.
    pub section_words: u64,
    pub section: Vec<u64>,
    pub register_sets: Vec<RegisterSet>,
    pub stack_lo: u64,
    pub stack_hi: u64,
    pub stack: Vec<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct TypeInfo {
    pub descriptor: u64,
    pub name: String,
    pub letter: u8,
    /// Word index from which every word is a pointer field (None = no such run).
    pub all_from: Option<u32>,
    pub fields: Vec<u32>,
}

impl TypeInfo {
    /// Whether word `w` of an allocation of this type is a pointer field.
    pub fn is_pointer_field(&self, w: u64) -> bool {
        if let Some(from) = self.all_from {
            if w >= u64::from(from) {
                return true;
            }
        }
        self.fields.iter().any(|&f| u64::from(f) == w)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Failure {
    pub check: String,
    pub block: Option<u64>,
    pub block_addr: u64,
    pub kind: u8,
    pub referrer_addr: u64,
    pub referrer_block: Option<u64>,
    pub referrer_desc: String,
    pub message: String,
}

/// Where the raw copies of one heap state sit in the dump's buffer.
#[derive(Clone, Debug, Default)]
pub struct HeapRanges {
    pub atb: Option<Range<usize>>,
    pub ftb: Option<Range<usize>>,
    pub pool: Option<Range<usize>>,
}

#[derive(Clone, Debug, Default)]
pub struct Dump {
    pub(crate) data: Vec<u8>,
    pub major: u16,
    pub minor: u16,
    pub flags: u32,
    pub meta: Meta,
    pub counters: Vec<(String, u64)>,
    pub ring: Vec<RingEntry>,
    pub roots: Option<Roots>,
    pub types: Vec<TypeInfo>,
    pub failures: Vec<Failure>,
    /// Whether a FAIL section was present (it may hold zero entries).
    pub has_fail_section: bool,
    pub after: HeapRanges,
    pub before: HeapRanges,
    /// PCOL: the collection that followed the pre-collection snapshot.
    pub before_collection: Option<u64>,
    pub unknown_sections: Vec<String>,
    pub has_end: bool,
}

impl Dump {
    pub fn counter(&self, name: &str) -> Option<u64> {
        self.counters.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    }

    pub fn type_by_descriptor(&self, addr: u64) -> Option<&TypeInfo> {
        self.types.iter().find(|t| t.descriptor == addr)
    }

    /// The heap as it was when the dump was written.
    pub fn heap(&self) -> Option<Heap<'_>> {
        self.heap_of(&self.after)
    }

    /// The heap just before the last collection (torture dumps with snapshots).
    pub fn heap_before(&self) -> Option<Heap<'_>> {
        self.heap_of(&self.before)
    }

    fn heap_of<'a>(&'a self, r: &HeapRanges) -> Option<Heap<'a>> {
        let atb = self.data.get(r.atb.clone()?)?;
        let pool = self.data.get(r.pool.clone()?)?;
        let ftb = match &r.ftb {
            Some(range) => self.data.get(range.clone()).unwrap_or(&[]),
            None => &[],
        };
        Some(Heap::new(&self.meta, atb, ftb, pool))
    }

    /// The last collection recorded in the RING, if any.
    pub fn last_collection(&self) -> Option<&RingEntry> {
        self.ring.iter().max_by_key(|e| e.number)
    }

    pub fn poison(&self) -> u64 {
        if self.meta.word_size == 4 {
            POISON32
        } else {
            POISON64
        }
    }

    pub fn size_in_bytes(&self) -> usize {
        self.data.len()
    }
}

/// A read-only view of one heap state. Block indices are always `< n_blocks`,
/// which is the number of blocks both the ATB and the pool cover in full.
#[derive(Clone, Copy)]
pub struct Heap<'a> {
    pub atb: &'a [u8],
    pub ftb: &'a [u8],
    pub pool: &'a [u8],
    pub pool_addr: u64,
    pub word_size: u64,
    pub block_size: u64,
    pub n_blocks: u64,
}

impl<'a> Heap<'a> {
    pub fn new(meta: &Meta, atb: &'a [u8], ftb: &'a [u8], pool: &'a [u8]) -> Heap<'a> {
        let block_size = u64::from(meta.block_size.max(1));
        let by_atb = (atb.len() as u64).saturating_mul(4);
        let by_pool = pool.len() as u64 / block_size;
        let n_blocks = meta.n_blocks.min(by_atb).min(by_pool);
        Heap {
            atb,
            ftb,
            pool,
            pool_addr: meta.pool_addr,
            word_size: u64::from(meta.word_size.max(1)),
            block_size,
            n_blocks,
        }
    }

    pub fn kind(&self, i: u64) -> Kind {
        let byte = self.atb.get((i / 4) as usize).copied().unwrap_or(0);
        Kind::from_bits(byte >> (2 * (i % 4)))
    }

    pub fn ftb(&self, i: u64) -> bool {
        let byte = self.ftb.get((i / 8) as usize).copied().unwrap_or(0);
        byte >> (i % 8) & 1 == 1
    }

    pub fn words_per_block(&self) -> u64 {
        self.block_size / self.word_size
    }

    pub fn block_addr(&self, i: u64) -> u64 {
        self.pool_addr.wrapping_add(i.wrapping_mul(self.block_size))
    }

    pub fn pool_end(&self) -> u64 {
        self.pool_addr.saturating_add(self.n_blocks.saturating_mul(self.block_size))
    }

    /// The block holding `addr`, if it is inside the pool.
    pub fn block_of(&self, addr: u64) -> Option<u64> {
        if addr < self.pool_addr || addr >= self.pool_end() {
            return None;
        }
        Some((addr - self.pool_addr) / self.block_size)
    }

    /// The block that `addr` names exactly (block-aligned, inside the pool).
    pub fn block_at(&self, addr: u64) -> Option<u64> {
        let b = self.block_of(addr)?;
        if (addr - self.pool_addr).is_multiple_of(self.block_size) {
            Some(b)
        } else {
            None
        }
    }

    /// Word `w` counted from the start of block `i` (may run into later blocks).
    pub fn word(&self, i: u64, w: u64) -> Option<u64> {
        let off = i.checked_mul(self.block_size)?.checked_add(w.checked_mul(self.word_size)?)?;
        let off = usize::try_from(off).ok()?;
        let end = off.checked_add(self.word_size as usize)?;
        let bytes = self.pool.get(off..end)?;
        Some(if self.word_size == 4 {
            let mut b = [0u8; 4];
            b.copy_from_slice(bytes);
            u64::from(u32::from_le_bytes(b))
        } else {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            u64::from_le_bytes(b)
        })
    }

    pub fn block_bytes(&self, i: u64, n_blocks: u64) -> &'a [u8] {
        let start = i.saturating_mul(self.block_size);
        let end = i.saturating_add(n_blocks).saturating_mul(self.block_size);
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let end = usize::try_from(end).unwrap_or(usize::MAX).min(self.pool.len());
        self.pool.get(start..end).unwrap_or(&[])
    }

    /// Length in blocks of the allocation starting at `head` (head plus its tails).
    pub fn alloc_len(&self, head: u64) -> u64 {
        let mut n = 1;
        while head + n < self.n_blocks && self.kind(head + n) == Kind::Tail {
            n += 1;
        }
        n
    }

    /// The head of the allocation covering block `i`, walking back over tails.
    pub fn head_of(&self, i: u64) -> Option<u64> {
        let mut b = i;
        loop {
            match self.kind(b) {
                Kind::Head | Kind::Mark => return Some(b),
                Kind::Free => return None,
                Kind::Tail => {
                    if b == 0 {
                        return None;
                    }
                    b -= 1;
                }
            }
        }
    }

    /// Iterates over allocations as (head, length in blocks), in address order.
    pub fn allocations(&self) -> Allocations<'a> {
        Allocations { heap: *self, next: 0 }
    }
}

pub struct Allocations<'a> {
    heap: Heap<'a>,
    next: u64,
}

impl Iterator for Allocations<'_> {
    type Item = (u64, u64);
    fn next(&mut self) -> Option<(u64, u64)> {
        while self.next < self.heap.n_blocks {
            let i = self.next;
            if self.heap.kind(i).starts_allocation() {
                let len = self.heap.alloc_len(i);
                self.next = i + len;
                return Some((i, len));
            }
            self.next += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(n: u64) -> Meta {
        Meta { word_size: 8, block_size: 32, pool_addr: 0x1000, n_blocks: n, ..Meta::default() }
    }

    #[test]
    fn atb_and_ftb_bit_order() {
        // Block i in bits 2*(i%4): blocks 0..4 = HEAD, TAIL, FREE, MARK.
        let atb = [0b11_00_10_01u8];
        let ftb = [0b0000_0001u8];
        let pool = [0u8; 4 * 32];
        let h = Heap::new(&meta(4), &atb, &ftb, &pool);
        let kinds: Vec<Kind> = (0..4).map(|i| h.kind(i)).collect();
        assert_eq!(kinds, vec![Kind::Head, Kind::Tail, Kind::Free, Kind::Mark]);
        assert!(h.ftb(0) && !h.ftb(1));
        assert_eq!(h.alloc_len(0), 2);
        assert_eq!(h.head_of(1), Some(0));
        assert_eq!(h.head_of(2), None);
        assert_eq!(h.allocations().collect::<Vec<_>>(), vec![(0, 2), (3, 1)]);
    }

    #[test]
    fn geometry_is_clamped_to_what_is_present() {
        let atb = [0u8; 2];
        let pool = [0u8; 5 * 32];
        let h = Heap::new(&meta(1 << 40), &atb, &[], &pool);
        assert_eq!(h.n_blocks, 5);
        assert_eq!(h.block_at(0x1000 + 32), Some(1));
        assert_eq!(h.block_at(0x1000 + 33), None);
        assert_eq!(h.block_of(0x1000 + 33), Some(1));
        assert_eq!(h.block_of(0x1000 + 5 * 32), None);
        assert_eq!(h.word(4, 3), Some(0));
        assert_eq!(h.word(4, 4), None);
        assert_eq!(h.word(u64::MAX, u64::MAX), None);
    }
}
