//! Offline re-run of the gc-torture verifier's checks on a dump's heap.
//!
//! Invariant: every finding is one line in the torture verifier's own words
//! (the part after its `gc-torture: ` prefix): the check name from FORMAT.md,
//! the block as `block <i> (<addr>) <KIND>[, n blocks][, type T]`, and for a
//! reference both ends, the referrer as `root slot`, `register`, `stack word`
//! or `block <i> word <w>`. `double-free` and `wild-free` happen inside a call
//! the dump cannot replay, so they come only from the FAIL section, passed
//! through as recorded; `finalised-live` is also found offline when the dump
//! holds the pre-collection finaliser table.

use crate::index::{describe_block, Index};
use crate::mark::{self, BadRef, Source};
use crate::model::{Dump, Heap, Kind};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Finding {
    pub check: String,
    pub block: Option<u64>,
    pub message: String,
    /// The referrer, for reference checks.
    pub source: Option<Source>,
}

pub struct Report {
    pub findings: Vec<Finding>,
    /// Observations that are not failures (e.g. stale roots to long-freed blocks).
    pub notes: Vec<String>,
    pub recorded: Vec<Finding>,
    pub blocks_checked: u64,
    pub reached: u64,
}

/// Caps each check's findings so a wrecked heap gives a readable report.
const MAX_PER_CHECK: usize = 50;

fn push(
    out: &mut Vec<Finding>,
    counts: &mut std::collections::HashMap<&'static str, usize>,
    check: &'static str,
    block: Option<u64>,
    message: String,
    source: Option<Source>,
) {
    let c = counts.entry(check).or_insert(0);
    *c += 1;
    if *c <= MAX_PER_CHECK {
        out.push(Finding { check: check.into(), block, message, source });
    }
}

pub fn verify(dump: &Dump) -> Result<Report, String> {
    let heap = dump.heap().ok_or("the dump holds no ATB and POOL: nothing to verify")?;
    let ix = Index::new(dump, heap);
    let mut f = Vec::new();
    let mut counts = HashMap::new();
    let n = ix.n_blocks();
    let poison_on = dump.counter("poison").is_some_and(|v| v != 0);
    let poison = dump.poison();
    let mut prev = Kind::Free;
    let mut used = 0u64;
    let mut heads = 0u64;
    for i in 0..n {
        let k = heap.kind(i);
        let addr = heap.block_addr(i);
        match k {
            Kind::Tail if i == 0 => push(&mut f, &mut counts, "atb-tail-at-start", Some(i), format!("atb-tail-at-start: block 0 ({addr:#x}) is a TAIL"), None),
            Kind::Tail if prev == Kind::Free => push(&mut f, &mut counts, "atb-tail-after-free", Some(i), format!(
                "atb-tail-after-free: block {i} ({addr:#x}) is a TAIL following FREE block {}: the sweep or a free left part of an allocation behind",
                i - 1
            ), None),
            Kind::Mark if !dump.meta.collecting => push(&mut f, &mut counts, "mark-outside-collection", Some(i), format!("mark-outside-collection: block {i} ({addr:#x}) is MARK while no collection runs"), None),
            _ => {}
        }
        if heap.ftb(i) && !k.starts_allocation() {
            push(
                &mut f,
                &mut counts,
                "ftb-not-head",
                Some(i),
                format!("ftb-not-head: block {i} ({addr:#x}) has its finaliser bit set but is {}", k.name()),
                None,
            );
        }
        if k.starts_allocation() {
            heads += 1;
        }
        if k != Kind::Free {
            used += 1;
        } else if poison_on {
            check_poison(&heap, i, poison, &mut f, &mut counts);
        }
        prev = k;
    }
    if let (Some(la), Some(lb)) = (dump.counter("live_allocs"), dump.counter("live_blocks")) {
        // Only the whole heap can be compared with the counters.
        if n == dump.meta.n_blocks && (la != heads || lb != used) {
            push(
                &mut f,
                &mut counts,
                "counters",
                None,
                format!("counters: the ATB holds {heads} allocations in {used} blocks, the counters say {la} in {lb}"),
                None,
            );
        }
    }

    // Dangling fields: every allocated typed object, reached or not.
    for (head, _) in heap.allocations() {
        let Some(t) = ix.type_of(head) else { continue };
        for (w, v) in ix.words(head) {
            if w == 0 || !t.is_pointer_field(w) {
                continue;
            }
            let Some(b) = heap.block_at(v) else { continue };
            if b >= n {
                continue;
            }
            let k = heap.kind(b);
            if k == Kind::Free || k == Kind::Tail {
                let src = Source::Block { head, word: w, addr: ix.word_addr(head, w) };
                push(
                    &mut f,
                    &mut counts,
                    "dangling-field",
                    Some(b),
                    format!(
                        "dangling-field: field {w} of {} points at block {b} ({v:#x}), which is {}",
                        describe_block(&ix, head),
                        k.name()
                    ),
                    Some(src),
                );
            }
        }
    }

    finalised_live(dump, &ix, &mut f, &mut counts);

    let marking = mark::mark(dump, &ix);
    let mut notes = Vec::new();
    let before = dump.heap_before();
    let mut stale = 0usize;
    // After a sweep, stack words below the last collection's scan start were
    // the collector's own frames then (its sweep held addresses of the blocks
    // it freed) or were pushed since: stale, not evidence of a missed root.
    let scan_lo = dump.last_collection().map(|e| e.stack_lo);
    for bad in &marking.bad {
        let was = before.as_ref().filter(|h| bad.target < h.n_blocks).map(|h| h.kind(bad.target));
        let below_scan = match (&bad.source, scan_lo) {
            (Source::Stack { addr, .. }, Some(lo)) => *addr < lo,
            _ => false,
        };
        match (bad.target_kind, was) {
            (Kind::Head, _) => {}
            (_, _) if below_scan => {
                stale += 1;
                if stale <= 3 {
                    notes.push(format!(
                        "stale reference: {} holds {:#x}, block {} ({}), below the stack range the last collection scanned",
                        bad.source.describe(),
                        bad.value,
                        bad.target,
                        bad.target_kind.name()
                    ));
                }
                continue;
            }
            (Kind::Tail, _) => {
                notes.push(format!(
                    "reference into a TAIL without a head: {} holds {:#x}, inside block {} ({:#x})",
                    bad.source.describe_in(&ix),
                    bad.value,
                    bad.target,
                    heap.block_addr(bad.target)
                ));
                continue;
            }
            (_, Some(Kind::Free)) => {
                stale += 1;
                if stale > 3 {
                    continue;
                }
                notes.push(format!(
                    "stale reference: {} holds {:#x}, block {} which was already FREE before the last collection (freed explicitly, not by the sweep)",
                    bad.source.describe_in(&ix), bad.value, bad.target
                ));
                continue;
            }
            (_, None) => {
                notes.push(format!(
                    "possible missed-by-marker (no pre-collection snapshot to tell a missed reference from a stale one): {}",
                    missed_message(&ix, bad, None, dump.before_collection)
                ));
                continue;
            }
            _ => {}
        }
        push(
            &mut f,
            &mut counts,
            "missed-by-marker",
            Some(bad.target),
            missed_message(&ix, bad, was, dump.before_collection),
            Some(bad.source.clone()),
        );
    }
    if stale > 3 {
        notes.push(format!("{} more stale references not shown", stale - 3));
    }
    for (check, c) in &counts {
        if *c > MAX_PER_CHECK {
            notes.push(format!("{check}: {} more findings not shown", c - MAX_PER_CHECK));
        }
    }

    let recorded = dump
        .failures
        .iter()
        .map(|x| Finding {
            check: x.check.clone(),
            block: x.block,
            message: if x.message.is_empty() {
                format!(
                    "{}: block {} ({:#x}) kind {}",
                    x.check,
                    x.block.map_or("-".into(), |b| b.to_string()),
                    x.block_addr,
                    x.kind
                )
            } else {
                x.message.clone()
            },
            source: None,
        })
        .collect();
    Ok(Report { findings: f, notes, recorded, blocks_checked: n, reached: marking.reached_count })
}

/// The sweep clears a block's finaliser bit when it runs the finaliser, and
/// frees the block right after. So a block that had its bit set just before
/// the last collection and is still the same allocation now, with the bit
/// clear, had its finaliser run while alive. Needs the pre-collection snapshot,
/// a dump written after that sweep, and no allocation since (which could have
/// reused the block).
fn finalised_live(dump: &Dump, ix: &Index, f: &mut Vec<Finding>, counts: &mut HashMap<&'static str, usize>) {
    let Some(before) = dump.heap_before() else { return };
    if dump.meta.collecting || dump.counter("alloc_since_collect").is_some_and(|n| n != 0) {
        return;
    }
    let heap = &ix.heap;
    for (head, _) in before.allocations() {
        if head >= heap.n_blocks || !before.ftb(head) {
            continue;
        }
        if heap.kind(head).starts_allocation() && !heap.ftb(head) {
            push(
                f,
                counts,
                "finalised-live",
                Some(head),
                format!(
                    "finalised-live: the sweep ran the finaliser of {}, which is still allocated: it was reachable",
                    describe_block(ix, head)
                ),
                None,
            );
        }
    }
}

/// The torture verifier's missed-by-marker line, adapted to what a dump shows:
/// mid-collection the block is still an unmarked HEAD; after the sweep it is FREE.
pub fn missed_message(ix: &Index, bad: &BadRef, was: Option<Kind>, collection: Option<u64>) -> String {
    let fate = match (bad.target_kind, was) {
        (Kind::Head, _) => "which the collector left unmarked and would free".to_string(),
        (_, Some(k)) if k != Kind::Free => format!(
            "which was {} before collection {} and was freed by its sweep",
            k.name(),
            collection.map_or("?".into(), |c| c.to_string())
        ),
        _ => "which is not allocated".to_string(),
    };
    let referrer = match &bad.source {
        Source::Block { .. } => bad.source.describe_in(ix),
        other => format!("{} = {:#x}", other.describe(), bad.value),
    };
    format!(
        "missed-by-marker: the reference marking reached {}, {fate}; referrer: {referrer}",
        describe_block(ix, bad.target)
    )
}

fn check_poison(
    heap: &Heap,
    i: u64,
    poison: u64,
    f: &mut Vec<Finding>,
    counts: &mut std::collections::HashMap<&'static str, usize>,
) {
    for w in 0..heap.words_per_block() {
        let Some(v) = heap.word(i, w) else { return };
        if v != poison {
            let addr = heap.block_addr(i);
            push(f, counts, "poison", Some(i), format!(
                "poison: free block {i} ({addr:#x}) word {w} holds {v:#x}, not the poison pattern: written after it was freed"
            ), None);
            return;
        }
    }
}

pub fn render(report: &Report, problems: &[String]) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str(&format!("dump problem: {p}\n"));
    }
    for x in &report.findings {
        s.push_str(&x.message);
        s.push('\n');
    }
    for x in &report.recorded {
        s.push_str(&format!("recorded by the writer: {}\n", x.message));
    }
    for n in &report.notes {
        s.push_str(&format!("note: {n}\n"));
    }
    let status = if report.findings.is_empty() && report.recorded.is_empty() {
        "heap OK".to_string()
    } else {
        format!("heap FAILED: {} finding(s), {} recorded failure(s)", report.findings.len(), report.recorded.len())
    };
    s.push_str(&format!(
        "{status} ({} blocks checked, {} allocations reached from the roots)\n",
        report.blocks_checked, report.reached
    ));
    s
}

/// The report as one JSON object, for tools.
pub fn to_json(report: &Report, problems: &[String]) -> serde_json::Value {
    let f = |x: &Finding| serde_json::json!({"check": x.check, "block": x.block, "message": x.message});
    serde_json::json!({
        "ok": report.findings.is_empty() && report.recorded.is_empty(),
        "findings": report.findings.iter().map(f).collect::<Vec<_>>(),
        "recorded": report.recorded.iter().map(f).collect::<Vec<_>>(),
        "notes": report.notes,
        "problems": problems,
        "blocks_checked": report.blocks_checked,
        "reached": report.reached,
    })
}
