//! A writer of synthetic version-1 dumps, for tests and benches only: the real
//! writer is the heap crate. It builds a heap block by block (x86 or x64 flavour)
//! and serialises it exactly as FORMAT.md lays it out, with switches to damage it.
//!
//! Invariant: `atb`, `ftb` and the pool always describe `n_blocks` blocks; the
//! helpers keep HEAD/TAIL runs well formed unless a test pokes `atb` directly.

use crate::model::{Failure, Kind, RegisterSet, RingEntry, Roots, TypeInfo};
use crate::reader::MAGIC;

#[derive(Clone, Debug)]
pub struct HeapState {
    pub atb: Vec<Kind>,
    pub ftb: Vec<bool>,
    pub pool: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct SynthDump {
    pub major: u16,
    pub minor: u16,
    pub flags: u32,
    pub arch: u8,
    pub word_size: u8,
    pub pool_addr: u64,
    pub n_blocks: u64,
    pub reason: String,
    pub detail: String,
    pub location: String,
    pub build_id: String,
    pub exe_path: String,
    pub fault: String,
    pub collecting: bool,
    pub heap: HeapState,
    pub before: Option<(HeapState, u64)>,
    pub counters: Vec<(String, u64)>,
    pub ring: Vec<RingEntry>,
    pub roots: Option<Roots>,
    pub types: Vec<TypeInfo>,
    pub failures: Option<Vec<Failure>>,
    /// Sections appended verbatim before END (unknown tags, extensions).
    pub extra_sections: Vec<([u8; 4], Vec<u8>)>,
    /// Bytes appended to the META payload (a later minor version's fields).
    pub meta_extension: Vec<u8>,
    pub write_end: bool,
    pub poison_free: bool,
    pub load_addr: u64,
    /// Lowest block that may be free, so first fit stays linear overall.
    pub hint: u64,
}

impl SynthDump {
    /// An empty heap of `n_blocks` blocks; `x64` picks the word size.
    pub fn new(x64: bool, n_blocks: u64) -> SynthDump {
        let word_size = if x64 { 8 } else { 4 };
        let pool_addr = if x64 { 0x7f00_0010_0000 } else { 0x0a00_1000 };
        let block = 4 * word_size as usize;
        SynthDump {
            major: 1,
            minor: 0,
            flags: 2,
            arch: if x64 { 2 } else { 1 },
            word_size,
            pool_addr,
            n_blocks,
            reason: "on-demand".into(),
            detail: "synthetic".into(),
            location: "synth.rs:1".into(),
            build_id: String::new(),
            exe_path: String::new(),
            fault: String::new(),
            collecting: false,
            heap: HeapState {
                atb: vec![Kind::Free; n_blocks as usize],
                ftb: vec![false; n_blocks as usize],
                pool: vec![0; n_blocks as usize * block],
            },
            before: None,
            counters: Vec::new(),
            ring: Vec::new(),
            roots: Some(Roots {
                section_addr: if x64 { 0x5555_5560_0000 } else { 0x0806_0000 },
                stack_lo: if x64 { 0x7ffd_0000_0000 } else { 0xbf00_0000 },
                stack_hi: if x64 { 0x7ffd_0000_0000 } else { 0xbf00_0000 },
                ..Roots::default()
            }),
            types: Vec::new(),
            failures: None,
            extra_sections: Vec::new(),
            meta_extension: Vec::new(),
            write_end: true,
            poison_free: false,
            load_addr: 0,
            hint: 0,
        }
    }

    pub fn x64(&self) -> bool {
        self.word_size == 8
    }

    pub fn block_size(&self) -> u64 {
        4 * u64::from(self.word_size)
    }

    pub fn addr(&self, block: u64) -> u64 {
        self.pool_addr + block * self.block_size()
    }

    pub fn poison(&self) -> u64 {
        if self.x64() {
            0xDEAD_BEEF_DEAD_BEEF
        } else {
            0xDEAD_BEEF
        }
    }

    /// Registers a type; returns its descriptor address (inside the "binary").
    pub fn add_type(&mut self, name: &str, letter: u8, all_from: Option<u32>, fields: &[u32]) -> u64 {
        let base: u64 = if self.x64() { 0x5555_5555_0000 } else { 0x0805_0000 };
        let descriptor = base + 0x40 * self.types.len() as u64;
        self.types.push(TypeInfo { descriptor, name: name.into(), letter, all_from, fields: fields.to_vec() });
        descriptor
    }

    /// First-fit allocation of `n` blocks; returns the head's index.
    pub fn alloc(&mut self, n: u64) -> u64 {
        let n_total = self.n_blocks;
        let mut start = self.hint;
        while start + n <= n_total {
            match (start..start + n).find(|&b| self.heap.atb[b as usize] != Kind::Free) {
                None => {
                    self.alloc_at(start, n);
                    if start == self.hint {
                        self.hint = start + n;
                    }
                    return start;
                }
                Some(used) => start = used + 1,
            }
        }
        panic!("synthetic heap full");
    }

    pub fn alloc_at(&mut self, head: u64, n: u64) {
        for b in head..head + n {
            self.heap.atb[b as usize] = if b == head { Kind::Head } else { Kind::Tail };
            for w in 0..4 {
                self.set_word(b, w, 0);
            }
        }
    }

    /// An allocation whose first word names `descriptor`, then `words`.
    pub fn object(&mut self, descriptor: u64, words: &[u64]) -> u64 {
        let wpb = 4u64;
        let n = (1 + words.len() as u64).div_ceil(wpb).max(1);
        let head = self.alloc(n);
        self.set_word(head, 0, descriptor);
        for (i, &w) in words.iter().enumerate() {
            self.set_word(head, 1 + i as u64, w);
        }
        head
    }

    /// Frees the allocation at `head` (and its tails), poisoning if enabled.
    pub fn free(&mut self, head: u64) {
        self.hint = self.hint.min(head);
        let mut b = head;
        loop {
            self.heap.atb[b as usize] = Kind::Free;
            self.heap.ftb[b as usize] = false;
            if self.poison_free {
                for w in 0..4 {
                    self.set_word(b, w, self.poison());
                }
            }
            b += 1;
            if b >= self.n_blocks || self.heap.atb[b as usize] != Kind::Tail {
                break;
            }
        }
    }

    /// Fills every FREE block with the poison, as a poisoning heap does at start.
    pub fn poison_all_free(&mut self) {
        self.poison_free = true;
        for b in 0..self.n_blocks {
            if self.heap.atb[b as usize] == Kind::Free {
                for w in 0..4 {
                    self.set_word(b, w, self.poison());
                }
            }
        }
    }

    /// Writes word `w` counted from the start of block `block`.
    pub fn set_word(&mut self, block: u64, w: u64, value: u64) {
        let ws = u64::from(self.word_size);
        let off = (block * self.block_size() + w * ws) as usize;
        if self.x64() {
            self.heap.pool[off..off + 8].copy_from_slice(&value.to_le_bytes());
        } else {
            self.heap.pool[off..off + 4].copy_from_slice(&(value as u32).to_le_bytes());
        }
    }

    pub fn roots_mut(&mut self) -> &mut Roots {
        self.roots.get_or_insert_with(Roots::default)
    }

    pub fn push_root_slot(&mut self, value: u64) {
        let r = self.roots_mut();
        r.section.push(value);
        r.section_words = r.section.len() as u64;
    }

    pub fn push_stack_word(&mut self, value: u64) {
        let ws = u64::from(self.word_size);
        let r = self.roots_mut();
        r.stack.push(value);
        r.stack_hi = r.stack_lo + ws * r.stack.len() as u64;
    }

    pub fn set_register(&mut self, set: &str, name: &str, value: u64) {
        let r = self.roots_mut();
        match r.register_sets.iter_mut().find(|s| s.label == set) {
            Some(s) => s.regs.push((name.into(), value)),
            None => r.register_sets.push(RegisterSet { label: set.into(), regs: vec![(name.into(), value)] }),
        }
    }

    /// Records a RING entry for a collection that scanned the whole stack.
    pub fn push_collection(&mut self, number: u64, flags: u32) {
        let (ra, rw, lo, hi) = match &self.roots {
            Some(r) => (r.section_addr, r.section_words, r.stack_lo, r.stack_hi),
            None => (0, 0, 0, 0),
        };
        self.ring.push(RingEntry {
            number,
            alloc_count: number * 10,
            marked: 0,
            freed_allocs: 0,
            freed_blocks: 0,
            root_addr: ra,
            root_words: rw,
            stack_lo: lo,
            stack_hi: hi,
            flags,
            finalisers: 0,
        });
    }

    /// Freezes the current heap as the pre-collection snapshot.
    pub fn snapshot_before(&mut self, collection: u64) {
        self.before = Some((self.heap.clone(), collection));
    }

    /// Sets the counters a consistent heap would report.
    pub fn set_consistent_counters(&mut self) {
        let live_blocks = self.heap.atb.iter().filter(|k| **k != Kind::Free).count() as u64;
        let live_allocs = self.heap.atb.iter().filter(|k| k.starts_allocation()).count() as u64;
        self.counters = vec![
            ("allocs".into(), live_allocs + 3),
            ("frees".into(), 3),
            ("collections".into(), self.ring.len() as u64),
            ("live_blocks".into(), live_blocks),
            ("live_allocs".into(), live_allocs),
            ("poison".into(), u64::from(self.poison_free)),
            ("mark_stack_size".into(), 64),
            ("mark_stack_overflows".into(), 0),
        ];
    }

    pub fn add_failure(&mut self, f: Failure) {
        self.failures.get_or_insert_with(Vec::new).push(f);
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.major.to_le_bytes());
        out.extend_from_slice(&self.minor.to_le_bytes());
        out.extend_from_slice(&self.flags.to_le_bytes());

        let mut m = Vec::new();
        m.push(self.arch);
        m.push(self.word_size);
        m.extend_from_slice(&(self.block_size() as u16).to_le_bytes());
        m.extend_from_slice(&0u32.to_le_bytes());
        let atb_len = self.n_blocks.div_ceil(4);
        let ftb_len = self.n_blocks.div_ceil(8);
        let area = self.pool_addr.wrapping_sub(atb_len).wrapping_sub(ftb_len);
        for v in [area, area, area.wrapping_add(atb_len), self.pool_addr, self.n_blocks, 4242, 1_790_000_000] {
            m.extend_from_slice(&v.to_le_bytes());
        }
        for s in [&self.reason, &self.detail, &self.location, &self.build_id, &self.exe_path, &self.fault] {
            put_str(&mut m, s);
        }
        m.push(u8::from(self.collecting));
        m.extend_from_slice(&self.load_addr.to_le_bytes());
        m.extend_from_slice(&self.meta_extension);
        section(&mut out, b"META", &m);

        let mut c = Vec::new();
        c.extend_from_slice(&(self.counters.len() as u32).to_le_bytes());
        for (name, v) in &self.counters {
            put_str(&mut c, name);
            c.extend_from_slice(&v.to_le_bytes());
        }
        section(&mut out, b"COUN", &c);

        let mut r = Vec::new();
        r.extend_from_slice(&(self.ring.len() as u32).to_le_bytes());
        for e in &self.ring {
            for v in [
                e.number,
                e.alloc_count,
                e.marked,
                e.freed_allocs,
                e.freed_blocks,
                e.root_addr,
                e.root_words,
                e.stack_lo,
                e.stack_hi,
            ] {
                r.extend_from_slice(&v.to_le_bytes());
            }
            r.extend_from_slice(&e.flags.to_le_bytes());
            r.extend_from_slice(&e.finalisers.to_le_bytes());
        }
        section(&mut out, b"RING", &r);

        if let Some(roots) = &self.roots {
            let mut p = Vec::new();
            p.extend_from_slice(&roots.section_addr.to_le_bytes());
            p.extend_from_slice(&(roots.section.len() as u64).to_le_bytes());
            for v in &roots.section {
                p.extend_from_slice(&v.to_le_bytes());
            }
            p.extend_from_slice(&(roots.register_sets.len() as u32).to_le_bytes());
            for s in &roots.register_sets {
                put_str(&mut p, &s.label);
                p.extend_from_slice(&(s.regs.len() as u32).to_le_bytes());
                for (name, v) in &s.regs {
                    put_str(&mut p, name);
                    p.extend_from_slice(&v.to_le_bytes());
                }
            }
            p.extend_from_slice(&roots.stack_lo.to_le_bytes());
            p.extend_from_slice(&roots.stack_hi.to_le_bytes());
            p.extend_from_slice(&(roots.stack.len() as u64).to_le_bytes());
            for v in &roots.stack {
                p.extend_from_slice(&v.to_le_bytes());
            }
            section(&mut out, b"ROOT", &p);
        }

        let mut t = Vec::new();
        t.extend_from_slice(&(self.types.len() as u32).to_le_bytes());
        for ty in &self.types {
            t.extend_from_slice(&ty.descriptor.to_le_bytes());
            put_str(&mut t, &ty.name);
            t.push(ty.letter);
            t.extend_from_slice(&ty.all_from.unwrap_or(u32::MAX).to_le_bytes());
            t.extend_from_slice(&(ty.fields.len() as u32).to_le_bytes());
            for f in &ty.fields {
                t.extend_from_slice(&f.to_le_bytes());
            }
        }
        section(&mut out, b"TYPE", &t);

        if let Some(fails) = &self.failures {
            let mut f = Vec::new();
            f.extend_from_slice(&(fails.len() as u32).to_le_bytes());
            for x in fails {
                put_str(&mut f, &x.check);
                f.extend_from_slice(&x.block.unwrap_or(u64::MAX).to_le_bytes());
                f.extend_from_slice(&x.block_addr.to_le_bytes());
                f.push(x.kind);
                f.extend_from_slice(&x.referrer_addr.to_le_bytes());
                f.extend_from_slice(&x.referrer_block.unwrap_or(u64::MAX).to_le_bytes());
                put_str(&mut f, &x.referrer_desc);
                put_str(&mut f, &x.message);
            }
            section(&mut out, b"FAIL", &f);
        }

        self.put_heap(&mut out, &self.heap, [b"ATB ", b"FTB ", b"POOL"]);
        if let Some((before, col)) = &self.before {
            self.put_heap(&mut out, before, [b"PATB", b"PFTB", b"PPOL"]);
            section(&mut out, b"PCOL", &col.to_le_bytes());
        }
        for (tag, payload) in &self.extra_sections {
            section(&mut out, tag, payload);
        }
        if self.write_end {
            section(&mut out, b"END ", &[]);
        }
        out
    }

    fn put_heap(&self, out: &mut Vec<u8>, h: &HeapState, tags: [&[u8; 4]; 3]) {
        let mut atb = vec![0u8; h.atb.len().div_ceil(4)];
        for (i, k) in h.atb.iter().enumerate() {
            let bits = match k {
                Kind::Free => 0,
                Kind::Head => 1,
                Kind::Tail => 2,
                Kind::Mark => 3,
            };
            atb[i / 4] |= bits << (2 * (i % 4));
        }
        let mut ftb = vec![0u8; h.ftb.len().div_ceil(8)];
        for (i, &set) in h.ftb.iter().enumerate() {
            if set {
                ftb[i / 8] |= 1 << (i % 8);
            }
        }
        section(out, tags[0], &atb);
        section(out, tags[1], &ftb);
        section(out, tags[2], &h.pool);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn section(out: &mut Vec<u8>, tag: &[u8; 4], payload: &[u8]) {
    out.extend_from_slice(tag);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
}
