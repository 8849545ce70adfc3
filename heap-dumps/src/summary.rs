//! `heapdump summary`: what wrote the dump and why, and the heap's shape in
//! figures (kinds, types, fragmentation, recent collections).
//!
//! Invariant: it reports only what the dump holds; missing sections are said to
//! be missing rather than shown as zeros.

use crate::index::Index;
use crate::model::*;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn summary(dump: &Dump, problems: &[String]) -> String {
    let m = &dump.meta;
    let mut s = String::new();
    let _ = writeln!(s, "format      {}.{}", dump.major, dump.minor);
    let mut flags = Vec::new();
    if dump.flags & FLAG_SIGNAL != 0 {
        flags.push("written from a signal handler");
    }
    if dump.flags & FLAG_TORTURE != 0 {
        flags.push("gc-torture");
    }
    if dump.flags & FLAG_FAULT_INJECTION != 0 {
        flags.push("fault-injection");
    }
    if !flags.is_empty() {
        let _ = writeln!(s, "built with  {}", flags.join(", "));
    }
    let _ = writeln!(s, "arch        {}, {}-byte words, {}-byte blocks", m.arch().name(), m.word_size, m.block_size);
    let pool_bytes = m.n_blocks.saturating_mul(u64::from(m.block_size));
    let _ = writeln!(
        s,
        "heap        {} blocks ({} bytes), area {:#x}, ATB {:#x}, FTB {:#x}, pool {:#x}..{:#x}",
        m.n_blocks,
        pool_bytes,
        m.area_addr,
        m.atb_addr,
        m.ftb_addr,
        m.pool_addr,
        m.pool_addr.saturating_add(pool_bytes)
    );
    let _ = writeln!(s, "reason      {}: {}", m.reason, m.detail);
    let _ = writeln!(s, "at          {}", m.location);
    let _ = writeln!(s, "process     pid {}, written at unix time {}", m.pid, m.time);
    if !m.exe_path.is_empty() || !m.build_id.is_empty() {
        let _ = writeln!(
            s,
            "executable  {} (build id {})",
            m.exe_path,
            if m.build_id.is_empty() { "none" } else { &m.build_id }
        );
    }
    if !m.fault.is_empty() {
        let _ = writeln!(s, "fault       {} (injected)", m.fault);
    }
    if m.collecting {
        let _ = writeln!(s, "note        a collection was in progress");
    }
    if !dump.counters.is_empty() {
        let _ = writeln!(s, "counters");
        for (name, v) in &dump.counters {
            let _ = writeln!(s, "  {name:<22} {v}");
        }
    }
    match dump.heap() {
        Some(heap) => heap_figures(&mut s, dump, heap),
        None => {
            let _ = writeln!(s, "heap contents: missing (no ATB/POOL section)");
        }
    }
    if dump.heap_before().is_some() {
        let _ = writeln!(
            s,
            "snapshot    heap before collection {} is included (use `heapdump diff`)",
            dump.before_collection.map_or("?".to_string(), |c| c.to_string())
        );
    }
    if !dump.ring.is_empty() {
        let _ = writeln!(s, "recent collections (oldest first)");
        let _ = writeln!(
            s,
            "  {:>6} {:>10} {:>8} {:>8} {:>8} {:>5}  stack scanned          flags",
            "#", "allocs", "marked", "freed", "fblocks", "fin"
        );
        for e in &dump.ring {
            let mut fl = Vec::new();
            if e.flags & RING_OVERFLOWED != 0 {
                fl.push("overflowed");
            }
            if e.flags & RING_REGISTERS_CAPTURED != 0 {
                fl.push("registers");
            }
            if e.flags & RING_VERIFIED != 0 {
                fl.push("verified");
            }
            let _ = writeln!(
                s,
                "  {:>6} {:>10} {:>8} {:>8} {:>8} {:>5}  {:#x}..{:#x}  {}",
                e.number,
                e.alloc_count,
                e.marked,
                e.freed_allocs,
                e.freed_blocks,
                e.finalisers,
                e.stack_lo,
                e.stack_hi,
                fl.join(",")
            );
        }
    }
    if let Some(r) = &dump.roots {
        let regs: usize = r.register_sets.iter().map(|x| x.regs.len()).sum();
        let _ = writeln!(
            s,
            "roots       {} root-section words at {:#x}, {} register set(s) ({} registers), {} stack words {:#x}..{:#x}",
            r.section.len(),
            r.section_addr,
            r.register_sets.len(),
            regs,
            r.stack.len(),
            r.stack_lo,
            r.stack_hi
        );
    }
    if !dump.failures.is_empty() {
        let _ = writeln!(s, "failed checks ({})", dump.failures.len());
        for f in &dump.failures {
            let _ = writeln!(s, "  {}", if f.message.is_empty() { &f.check } else { &f.message });
        }
    }
    if !dump.unknown_sections.is_empty() {
        let _ = writeln!(s, "skipped unknown sections: {}", dump.unknown_sections.join(", "));
    }
    for p in problems {
        let _ = writeln!(s, "problem     {p}");
    }
    s
}

fn heap_figures(s: &mut String, dump: &Dump, heap: Heap) {
    let ix = Index::new(dump, heap);
    let n = ix.n_blocks();
    let mut kinds = [0u64; 4];
    let mut free_runs = 0u64;
    let mut largest = 0u64;
    let mut run = 0u64;
    for i in 0..n {
        let k = heap.kind(i);
        kinds[k as usize] += 1;
        if k == Kind::Free {
            run += 1;
        } else if run > 0 {
            free_runs += 1;
            largest = largest.max(run);
            run = 0;
        }
    }
    if run > 0 {
        free_runs += 1;
        largest = largest.max(run);
    }
    if n < dump.meta.n_blocks {
        let _ = writeln!(s, "blocks      only {n} of {} blocks are in the dump", dump.meta.n_blocks);
    }
    let _ = writeln!(s, "blocks      {} free, {} head, {} tail, {} mark", kinds[0], kinds[1], kinds[2], kinds[3]);
    let free_bytes = kinds[0] * heap.block_size;
    let frag = if kinds[0] == 0 { 0.0 } else { 100.0 * (1.0 - largest as f64 / kinds[0] as f64) };
    let _ = writeln!(
        s,
        "free        {} bytes in {} runs, largest run {} blocks ({} bytes), fragmentation {:.1}%",
        free_bytes,
        free_runs,
        largest,
        largest * heap.block_size,
        frag
    );
    let mut by_type: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut max_alloc = 0;
    for (head, len) in heap.allocations() {
        let e = by_type.entry(ix.type_name(head)).or_default();
        e.0 += 1;
        e.1 += len * heap.block_size;
        max_alloc = max_alloc.max(len);
    }
    let mut rows: Vec<_> = by_type.into_iter().collect();
    rows.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(&b.0)));
    let total: u64 = rows.iter().map(|r| r.1 .0).sum();
    let _ = writeln!(s, "objects     {total} allocations, largest {max_alloc} blocks");
    let _ = writeln!(s, "  {:<20} {:>10} {:>12}", "type", "count", "bytes");
    for (name, (count, bytes)) in rows {
        let _ = writeln!(s, "  {name:<20} {count:>10} {bytes:>12}");
    }
}
