//! The reference marking: an independent, offline re-run of the collector's
//! mark phase from the dump's recorded roots, and the list of roots itself.
//!
//! Invariant: it follows exactly the heap's rules: root-section slots and heap
//! words refer only to block-aligned heads; stack words and registers may be
//! interior pointers and name the head of the allocation they land in. Every
//! register set recorded (captured, shadow, signal) and the whole recorded stack
//! range count as roots, so a block the collector missed because it scanned too
//! little shows up as reached-but-FREE. Iterative with an explicit worklist, so
//! hostile pointer chains cannot overflow the native stack.

use crate::index::{Index, Rule};
use crate::model::{Dump, Kind};

/// Where a reference lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    RootSlot { slot: u64, addr: u64 },
    Register { set: String, name: String },
    Stack { index: u64, addr: u64 },
    Block { head: u64, word: u64, addr: u64 },
}

impl Source {
    /// In the torture verifier's words: `root slot 3 (0x…)`, `register rbx
    /// (shadow capture)`, `stack word 0x…`, `block 12 word 2 (0x…)`.
    pub fn describe(&self) -> String {
        match self {
            Source::RootSlot { slot, addr } => format!("root slot {slot} ({addr:#x})"),
            Source::Register { set, name } => match set.as_str() {
                "shadow" => format!("register {name} (shadow capture)"),
                "captured" => format!("register {name} (captured)"),
                other => format!("register {name} ({other})"),
            },
            Source::Stack { addr, .. } => format!("stack word {addr:#x}"),
            Source::Block { head, word, addr } => {
                format!("block {head} word {word} ({addr:#x})")
            }
        }
    }

    /// `describe`, plus the referring block's type when it has one.
    pub fn describe_in(&self, ix: &Index) -> String {
        match self {
            Source::Block { head, .. } => match ix.type_of(*head) {
                Some(t) => format!("{}, type {}", self.describe(), t.name),
                None => self.describe(),
            },
            _ => self.describe(),
        }
    }

    /// Address of the word holding the reference (0 for registers).
    pub fn addr(&self) -> u64 {
        match self {
            Source::RootSlot { addr, .. } | Source::Stack { addr, .. } | Source::Block { addr, .. } => *addr,
            Source::Register { .. } => 0,
        }
    }

    pub fn is_root(&self) -> bool {
        !matches!(self, Source::Block { .. })
    }

    pub fn rule(&self) -> Rule {
        match self {
            Source::Register { .. } | Source::Stack { .. } => Rule::Interior,
            _ => Rule::Exact,
        }
    }
}

/// Every root word recorded in the dump, with where it lives.
pub fn roots(dump: &Dump) -> Vec<(Source, u64)> {
    let mut out = Vec::new();
    let Some(r) = &dump.roots else { return out };
    let ws = u64::from(dump.meta.word_size);
    for (i, &v) in r.section.iter().enumerate() {
        let i = i as u64;
        out.push((Source::RootSlot { slot: i, addr: r.section_addr.wrapping_add(i.wrapping_mul(ws)) }, v));
    }
    for set in &r.register_sets {
        for (name, v) in &set.regs {
            out.push((Source::Register { set: set.label.clone(), name: name.clone() }, *v));
        }
    }
    for (i, &v) in r.stack.iter().enumerate() {
        let i = i as u64;
        out.push((Source::Stack { index: i, addr: r.stack_lo.wrapping_add(i.wrapping_mul(ws)) }, v));
    }
    out
}

/// A reference the marking followed to a block that is not allocated.
#[derive(Clone, Debug)]
pub struct BadRef {
    pub target: u64,
    pub target_kind: Kind,
    pub value: u64,
    pub source: Source,
}

pub struct Marking {
    /// One bit per block: the heads the reference marking reached.
    pub reached: Vec<u64>,
    pub reached_count: u64,
    pub bad: Vec<BadRef>,
}

impl Marking {
    pub fn is_reached(&self, b: u64) -> bool {
        self.reached.get((b / 64) as usize).is_some_and(|w| w >> (b % 64) & 1 == 1)
    }
}

/// Caps how many bad references are kept; a wrecked heap can have millions.
const MAX_BAD: usize = 10_000;

/// Whether the dump was taken between mark and sweep with the marks in place:
/// then a reached HEAD (not MARK) is one the collector missed.
/// The heap's reference marking fails between mark and sweep, so a recorded
/// missed-by-marker says the same even when nothing was marked at all.
pub fn marks_in_place(dump: &Dump, ix: &Index) -> bool {
    dump.meta.collecting
        && dump.meta.reason != "signal"
        && (dump.failures.iter().any(|f| f.check == "missed-by-marker")
            || (0..ix.n_blocks()).any(|b| ix.kind(b) == Kind::Mark))
}

pub fn mark(dump: &Dump, ix: &Index) -> Marking {
    let n = ix.n_blocks();
    let unmarked_is_missed = marks_in_place(dump, ix);
    let mut m = Marking { reached: vec![0; n.div_ceil(64) as usize], reached_count: 0, bad: Vec::new() };
    let mut work: Vec<u64> = Vec::new();
    let visit = |m: &mut Marking, work: &mut Vec<u64>, value: u64, source: &dyn Fn() -> Source, rule: Rule| {
        let Some((b, head)) = ix.target(value, rule) else {
            return;
        };
        match head {
            Some(h) => {
                if unmarked_is_missed && ix.kind(h) == Kind::Head && m.bad.len() < MAX_BAD {
                    let (wi, bit) = ((h / 64) as usize, h % 64);
                    if m.reached.get(wi).is_some_and(|w| *w >> bit & 1 == 0) {
                        m.bad.push(BadRef { target: h, target_kind: Kind::Head, value, source: source() });
                    }
                }
                let (wi, bit) = ((h / 64) as usize, h % 64);
                if let Some(word) = m.reached.get_mut(wi) {
                    if *word >> bit & 1 == 0 {
                        *word |= 1 << bit;
                        m.reached_count += 1;
                        work.push(h);
                    }
                }
            }
            None => {
                let kind = ix.kind(b);
                let aligned = ix.heap.block_at(value).is_some();
                // An unaligned word into a free block is an integer or a stale
                // interior pointer; the heap would ignore it too. A TAIL with
                // no head (left behind by a sweep or free) is reported however
                // it is reached: something still points into a dead allocation.
                let orphan_tail = kind == Kind::Tail && ix.head_of(b).is_none();
                if ((aligned && kind == Kind::Free) || orphan_tail) && m.bad.len() < MAX_BAD {
                    m.bad.push(BadRef { target: b, target_kind: kind, value, source: source() });
                }
            }
        }
    };
    for (src, v) in roots(dump) {
        let rule = src.rule();
        visit(&mut m, &mut work, v, &|| src.clone(), rule);
    }
    while let Some(h) = work.pop() {
        let n_words = ix.alloc_len(h) * ix.heap.words_per_block();
        for w in 0..n_words {
            let Some(v) = ix.heap.word(h, w) else { break };
            // Cheap reject before building a source description.
            if ix.heap.block_at(v).is_none() {
                continue;
            }
            let addr = ix.word_addr(h, w);
            visit(&mut m, &mut work, v, &|| Source::Block { head: h, word: w, addr }, Rule::Exact);
        }
    }
    m
}

/// Who refers to block `target` (any block of its allocation for interior
/// roots, the exact head address for heap words): heap words of allocated
/// blocks and roots.
pub fn referrers(dump: &Dump, ix: &Index, target: u64) -> Vec<(Source, u64)> {
    let mut out = Vec::new();
    let target_addr = ix.heap.block_addr(target);
    for (src, v) in roots(dump) {
        let hit = match src.rule() {
            Rule::Exact => v == target_addr,
            Rule::Interior => match ix.heap.block_of(v) {
                Some(b) => b == target || ix.head_of(b) == Some(target),
                None => false,
            },
        };
        if hit {
            out.push((src, v));
        }
    }
    for (head, _) in ix.heap.allocations() {
        for (w, v) in ix.words(head) {
            if v == target_addr {
                out.push((Source::Block { head, word: w, addr: ix.word_addr(head, w) }, v));
            }
        }
    }
    out
}

/// A shortest chain from a root to `target`: the root, then (head, word) hops.
pub fn path_to(dump: &Dump, ix: &Index, target: u64) -> Option<(Source, Vec<(u64, u64)>)> {
    let n = ix.n_blocks() as usize;
    // parent[b] = (block whose word first reached b, that word's index);
    // (UNSEEN, _) not reached yet; (FROM_ROOT, i) reached from root_of[i].
    const UNSEEN: u32 = u32::MAX;
    const FROM_ROOT: u32 = u32::MAX - 1;
    let mut parent: Vec<(u32, u32)> = vec![(UNSEEN, 0); n];
    let mut root_of: Vec<Source> = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    for (src, v) in roots(dump) {
        let Some((_, Some(h))) = ix.target(v, src.rule()) else {
            continue;
        };
        let Some(p) = parent.get_mut(h as usize) else {
            continue;
        };
        if p.0 == UNSEEN {
            *p = (FROM_ROOT, root_of.len() as u32);
            root_of.push(src);
            queue.push_back(h);
        }
    }
    let target_head = ix.head_of(target).unwrap_or(target);
    while let Some(h) = queue.pop_front() {
        if h == target_head {
            break;
        }
        let n_words = ix.alloc_len(h) * ix.heap.words_per_block();
        for w in 0..n_words {
            let Some(v) = ix.heap.word(h, w) else { break };
            let Some((_, Some(next))) = ix.target(v, Rule::Exact) else {
                continue;
            };
            if let Some(p) = parent.get_mut(next as usize) {
                if p.0 == UNSEEN {
                    *p = (h as u32, w as u32);
                    queue.push_back(next);
                }
            }
        }
    }
    let mut hops = Vec::new();
    let mut b = target_head;
    loop {
        let &(p, w) = parent.get(b as usize)?;
        if p == UNSEEN {
            return None;
        }
        if p == FROM_ROOT {
            let src = root_of.get(w as usize)?.clone();
            hops.reverse();
            return Some((src, hops));
        }
        hops.push((u64::from(p), u64::from(w)));
        b = u64::from(p);
        if hops.len() > n {
            return None;
        }
    }
}
