//! `heapdump diff`: what changed between two heap states, either two dumps or
//! the before/after-collection pair inside one torture dump. The part that
//! matters most for the bug class: blocks the last sweep freed that something
//! live (or a root) still refers to, and who that is.
//!
//! Invariant: both states are compared block by block over the blocks both
//! cover; a difference in geometry (pool address, block size) is reported and
//! the comparison still runs on block indices.

use crate::index::{Index, Rule};
use crate::mark::{roots, Source};
use crate::model::{Dump, Heap, Kind};
use std::fmt::Write;

#[derive(Clone, Debug)]
pub struct Alloc {
    pub head: u64,
    pub blocks: u64,
    pub type_name: String,
}

#[derive(Clone, Debug)]
pub struct StillReferenced {
    pub freed: Alloc,
    /// (referrer, value); the referrer is a root or a block allocated after.
    pub by: Vec<(Source, u64)>,
}

#[derive(Default)]
pub struct Diff {
    pub notes: Vec<String>,
    pub freed: Vec<Alloc>,
    pub allocated: Vec<Alloc>,
    pub changed: Vec<(Alloc, String)>,
    pub still_referenced: Vec<StillReferenced>,
    /// When the later state was dumped between mark and sweep: the heads left
    /// unmarked, which the sweep would free, and which of them are referenced.
    pub unmarked: Option<Vec<Alloc>>,
    pub unmarked_referenced: Vec<StillReferenced>,
}

/// Compares heap `a` (earlier) with heap `b` (later); `b_dump` supplies the
/// roots and types of the later state.
pub fn diff(a_dump: &Dump, a: Heap, b_dump: &Dump, b: Heap) -> Diff {
    let mut d = Diff::default();
    if a.pool_addr != b.pool_addr || a.block_size != b.block_size {
        d.notes.push(format!(
            "the heaps differ in geometry (pool {:#x}/{}-byte blocks vs {:#x}/{}-byte blocks); compared by block index",
            a.pool_addr, a.block_size, b.pool_addr, b.block_size
        ));
    }
    if a.n_blocks != b.n_blocks {
        d.notes
            .push(format!("block counts differ ({} vs {}); compared over the common blocks", a.n_blocks, b.n_blocks));
    }
    let ia = Index::new(a_dump, a);
    let ib = Index::new(b_dump, b);
    let n = ia.n_blocks().min(ib.n_blocks());
    for (head, len) in a.allocations() {
        if head >= n {
            break;
        }
        let alloc = Alloc { head, blocks: len, type_name: ia.type_name(head) };
        let kb = b.kind(head);
        if !kb.starts_allocation() {
            if kb == Kind::Free {
                d.freed.push(alloc);
            } else {
                d.changed.push((alloc, format!("head became {}", kb.name())));
            }
            continue;
        }
        let len_b = ib.alloc_len(head);
        if len_b != len {
            d.changed.push((alloc, format!("resized from {len} to {len_b} blocks")));
        } else if a.block_bytes(head, len) != b.block_bytes(head, len) {
            let words = (0..len * a.words_per_block()).filter(|&w| a.word(head, w) != b.word(head, w)).count();
            d.changed.push((alloc, format!("{words} word(s) changed")));
        }
    }
    for (head, len) in b.allocations() {
        if head >= n {
            break;
        }
        if !a.kind(head).starts_allocation() {
            d.allocated.push(Alloc { head, blocks: len, type_name: ib.type_name(head) });
        }
    }
    for f in &d.freed {
        let by = referrers_of_freed(b_dump, &ib, f);
        if !by.is_empty() {
            d.still_referenced.push(StillReferenced { freed: f.clone(), by });
        }
    }
    if crate::mark::marks_in_place(b_dump, &ib) {
        let unmarked: Vec<Alloc> = b
            .allocations()
            .filter(|&(h, _)| b.kind(h) == Kind::Head)
            .map(|(head, blocks)| Alloc { head, blocks, type_name: ib.type_name(head) })
            .collect();
        for u in &unmarked {
            let by = referrers_of_freed(b_dump, &ib, u);
            if !by.is_empty() {
                d.unmarked_referenced.push(StillReferenced { freed: u.clone(), by });
            }
        }
        d.unmarked = Some(unmarked);
    }
    d
}

/// Who, in the later state, still refers to the freed allocation `f`: roots by
/// their rule (interior for stack and registers) and words of allocated blocks
/// holding its exact head address.
pub fn referrers_of_freed(dump: &Dump, ix: &Index, f: &Alloc) -> Vec<(Source, u64)> {
    let heap = &ix.heap;
    let lo = heap.block_addr(f.head);
    let hi = heap.block_addr(f.head.saturating_add(f.blocks));
    let mut out = Vec::new();
    for (src, v) in roots(dump) {
        let hit = match src.rule() {
            Rule::Exact => v == lo,
            Rule::Interior => v >= lo && v < hi,
        };
        if hit {
            out.push((src, v));
        }
    }
    for (head, _) in heap.allocations() {
        for (w, v) in ix.words(head) {
            if v == lo {
                out.push((Source::Block { head, word: w, addr: ix.word_addr(head, w) }, v));
            }
        }
    }
    out
}

const MAX_LINES: usize = 100;

fn list<T>(s: &mut String, title: &str, items: &[T], line: impl Fn(&T) -> String) {
    let _ = writeln!(s, "{title}: {}", items.len());
    for x in items.iter().take(MAX_LINES) {
        let _ = writeln!(s, "  {}", line(x));
    }
    if items.len() > MAX_LINES {
        let _ = writeln!(s, "  … {} more", items.len() - MAX_LINES);
    }
}

pub fn render(d: &Diff, b: &Heap, b_index: &Index) -> String {
    let mut s = String::new();
    for n in &d.notes {
        let _ = writeln!(s, "note: {n}");
    }
    let a =
        |x: &Alloc| format!("block {} at {:#x} ({}, {} blocks)", x.head, b.block_addr(x.head), x.type_name, x.blocks);
    list(&mut s, "freed", &d.freed, |x| a(x));
    list(&mut s, "allocated", &d.allocated, |x| a(x));
    list(&mut s, "changed", &d.changed, |(x, why)| format!("{}: {why}", a(x)));
    let referenced = |r: &StillReferenced| {
        let by: Vec<String> =
            r.by.iter()
                .take(8)
                .map(|(src, v)| match src {
                    Source::Block { head, .. } => {
                        format!("{} of {} = {v:#x}", src.describe(), crate::index::describe_block(b_index, *head))
                    }
                    _ => format!("{} = {v:#x}", src.describe()),
                })
                .collect();
        format!("{} referenced by {}", a(&r.freed), by.join("; "))
    };
    list(&mut s, "freed but still referenced", &d.still_referenced, referenced);
    if let Some(u) = &d.unmarked {
        let _ = writeln!(s, "dumped between mark and sweep:");
        list(&mut s, "unmarked (the sweep would free them)", u, |x| a(x));
        list(&mut s, "unmarked but still referenced", &d.unmarked_referenced, referenced);
    }
    s
}
