//! `heapdump explain`: a diagnosis in plain words. It picks the failing block
//! (from the dump's FAIL section, else from an offline verify), says what it is,
//! which collection freed it, who still refers to it and whether that referrer
//! or the block's address was in the root snapshot, then names the most likely
//! bug class.
//!
//! Invariant: the bug class is derived from evidence in the dump alone, in a
//! fixed order of strength (explicit check names first, then where the
//! surviving reference lives), and the evidence is printed with it, so a reader
//! can disagree with the verdict.

use crate::diff::{referrers_of_freed, Alloc};
use crate::index::{describe_block, Index};
use crate::mark::Source;
use crate::model::{Dump, Kind, RING_OVERFLOWED, RING_REGISTERS_CAPTURED};
use crate::verify::{self, Finding};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BugClass {
    MissedRegisterRoot,
    MissedStackRange,
    ForgottenRootSlot,
    DoubleFree,
    WildFree,
    SweepError,
    FinaliserOnLive,
    MarkStackOverflowDrop,
    WriteAfterFree,
    CounterDrift,
    UseAfterExplicitFree,
    Unknown,
    Healthy,
}

impl BugClass {
    pub fn name(self) -> &'static str {
        match self {
            BugClass::MissedRegisterRoot => "missed root in registers",
            BugClass::MissedStackRange => "missed stack range",
            BugClass::ForgottenRootSlot => "forgotten root-section slot",
            BugClass::DoubleFree => "double free",
            BugClass::WildFree => "wild free",
            BugClass::SweepError => "sweep error",
            BugClass::FinaliserOnLive => "finaliser on a live object",
            BugClass::MarkStackOverflowDrop => "mark-stack overflow drop",
            BugClass::WriteAfterFree => "write after free",
            BugClass::CounterDrift => "counter drift",
            BugClass::UseAfterExplicitFree => "use after an explicit free",
            BugClass::Unknown => "unknown",
            BugClass::Healthy => "none (heap is healthy)",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            BugClass::MissedRegisterRoot => "a pointer held only in a callee-saved register was not seen by the collector: check that the register capture function is not inlined (LTO) and that its array lies below every frame that can hold a root",
            BugClass::MissedStackRange => "the stack scan did not cover the word that held the pointer: check the recorded stack top (entry function not inlined) and where the scan starts",
            BugClass::ForgottenRootSlot => "a slot of the root section was not scanned: check that the root section's declared length covers every root",
            BugClass::DoubleFree => "a block was freed that was not a HEAD any more: it had been freed (or swept) already",
            BugClass::WildFree => "free was called with an address outside the pool or not block-aligned",
            BugClass::SweepError => "the sweep left the allocation table malformed (tails without a head, marks not cleared, finaliser bits off heads)",
            BugClass::FinaliserOnLive => "a finaliser ran for a block that is still allocated after the sweep",
            BugClass::MarkStackOverflowDrop => "the mark stack overflowed and the rescan did not pick up the dropped pointers",
            BugClass::WriteAfterFree => "a freed block was written after it was freed (poison damaged)",
            BugClass::CounterDrift => "the heap's counters disagree with its allocation table",
            BugClass::UseAfterExplicitFree => "a block freed explicitly (not by a collection) is still referenced",
            BugClass::Unknown => "the evidence does not single out a known class",
            BugClass::Healthy => "nothing to explain",
        }
    }
}

pub struct Explanation {
    pub class: BugClass,
    pub text: String,
    /// The failed check the diagnosis is about, if any.
    pub check: Option<String>,
    pub block: Option<u64>,
    pub block_addr: Option<u64>,
    pub findings: usize,
}

impl Explanation {
    /// A machine-readable verdict, for the harness's triage and signatures.
    pub fn to_json(&self, dump: &Dump) -> serde_json::Value {
        serde_json::json!({
            "class": self.class.name(),
            "check": self.check,
            "block": self.block,
            "address": self.block_addr.map(|a| format!("{a:#x}")),
            "findings": self.findings,
            "fault": if dump.meta.fault.is_empty() { None } else { Some(&dump.meta.fault) },
            "reason": dump.meta.reason,
            "location": dump.meta.location,
            "text": self.text,
        })
    }
}

fn plain(class: BugClass, text: String) -> Explanation {
    Explanation { class, text, check: None, block: None, block_addr: None, findings: 0 }
}

/// The check names of the strongest failures, strongest first.
fn rank(check: &str) -> u8 {
    match check {
        "double-free" | "wild-free" => 0,
        "finalised-live" => 1,
        "missed-by-marker" => 2,
        "dangling-field" => 3,
        "atb-tail-after-free" | "atb-tail-at-start" => 4,
        "poison" => 5,
        "mark-outside-collection" | "ftb-not-head" => 6,
        "counters" => 7,
        _ => 8,
    }
}

pub fn explain(dump: &Dump) -> Result<Explanation, String> {
    let report = verify::verify(dump)?;
    let heap = dump.heap().ok_or("the dump holds no heap")?;
    let ix = Index::new(dump, heap);
    let mut s = String::new();
    let m = &dump.meta;
    if m.reason == "check-failed" {
        let _ = writeln!(s, "The dump was written because a check failed, at {}.", m.location);
    } else {
        let _ = writeln!(s, "The dump was written because: {} ({}) at {}.", m.reason, m.detail, m.location);
    }
    if !m.fault.is_empty() {
        let _ = writeln!(s, "The process ran with the injected fault '{}'.", m.fault);
    }

    // The primary failure: recorded ones first, then our own findings.
    let mut candidates: Vec<Finding> = report.recorded.clone();
    candidates.extend(report.findings.iter().cloned());
    candidates.sort_by_key(|f| rank(&f.check));
    let Some(primary) = candidates.first().cloned() else {
        if m.reason == "signal" {
            let _ = writeln!(
                s,
                "The process died of {}, yet the heap verifies cleanly ({} blocks, {} allocations reachable): the crash may not come from the collector, or its damage lies outside what a dump shows.",
                if m.detail.is_empty() { "a signal" } else { &m.detail },
                report.blocks_checked,
                report.reached
            );
            if let Some(r) = &dump.roots {
                for set in r.register_sets.iter().filter(|s| s.label == "signal") {
                    for (name, v) in &set.regs {
                        if let Some(b) = ix.heap.block_of(*v) {
                            let _ = writeln!(
                                s,
                                "At the crash, register {name} = {v:#x} pointed into {}.",
                                describe_block(&ix, b)
                            );
                        }
                    }
                }
            }
            let _ = writeln!(s, "Most likely bug class: {}.", BugClass::Unknown.name());
            return Ok(plain(BugClass::Unknown, s));
        }
        let _ = writeln!(
            s,
            "No check fails: the heap verifies cleanly ({} blocks, {} allocations reachable).",
            report.blocks_checked, report.reached
        );
        let _ = writeln!(s, "Most likely bug class: {}.", BugClass::Healthy.name());
        return Ok(plain(BugClass::Healthy, s));
    };
    let _ = writeln!(s, "Failed check: {}", primary.message);
    let n_fail = candidates.len();
    if n_fail > 1 {
        let _ = writeln!(s, "({} other finding(s); run `heapdump verify` for all.)", n_fail - 1);
    }

    let class = match primary.check.as_str() {
        "double-free" => Some(BugClass::DoubleFree),
        "wild-free" => Some(BugClass::WildFree),
        "finalised-live" => Some(BugClass::FinaliserOnLive),
        "atb-tail-after-free" | "atb-tail-at-start" | "mark-outside-collection" | "ftb-not-head" => {
            Some(BugClass::SweepError)
        }
        "poison" => Some(BugClass::WriteAfterFree),
        "counters" => Some(BugClass::CounterDrift),
        _ => None,
    };

    let block = primary.block.filter(|&b| b < ix.n_blocks());
    let mut evidence_class = None;
    if let Some(b) = block {
        evidence_class = describe_failing_block(dump, &ix, b, &mut s);
    }
    // A typed field pointing at a free block with no sign of a missed root:
    // the object outlived an explicit free of what it points at.
    let evidence_class = evidence_class.or_else(|| {
        (primary.check == "dangling-field").then(|| {
            let _ = writeln!(s, "No root or marker evidence points at the collector: most likely the pointed-at block was freed explicitly while this field still held it.");
            BugClass::UseAfterExplicitFree
        })
    });
    let class = class.or(evidence_class).unwrap_or(BugClass::Unknown);
    let _ = writeln!(s, "Most likely bug class: {}.", class.name());
    let _ = writeln!(s, "Why it matters: {}.", class.advice());
    Ok(Explanation {
        class,
        text: s,
        check: Some(primary.check.clone()),
        block,
        block_addr: block.map(|b| ix.heap.block_addr(b)),
        findings: n_fail,
    })
}

/// Describes the failing block and returns the class its referrers point at.
fn describe_failing_block(dump: &Dump, ix: &Index, b: u64, s: &mut String) -> Option<BugClass> {
    let heap = &ix.heap;
    let before = dump.heap_before();
    let bix = before.map(|h| Index::new(dump, h));
    // What the block was: from the pre-collection snapshot if it has been freed.
    let (alloc, was_live_before) = match (&bix, ix.kind(b)) {
        (Some(bi), Kind::Free | Kind::Tail) if b < bi.n_blocks() && bi.head_of(b).is_some() => {
            let h = bi.head_of(b).unwrap_or(b);
            (Alloc { head: h, blocks: bi.alloc_len(h), type_name: bi.type_name(h) }, true)
        }
        _ => {
            let h = ix.head_of(b).unwrap_or(b);
            let blocks = if ix.head_of(b).is_some() { ix.alloc_len(h) } else { 1 };
            (Alloc { head: h, blocks, type_name: ix.type_name(h) }, false)
        }
    };
    let size = alloc.blocks * heap.block_size;
    let _ = writeln!(
        s,
        "The block: {}; the allocation is {} block(s) ({size} bytes) of type {}.",
        describe_block(ix, b),
        alloc.blocks,
        alloc.type_name
    );
    let marks_in_place = crate::mark::marks_in_place(dump, ix);
    let now = ix.kind(alloc.head);
    let freed_by_last = was_live_before && now == Kind::Free;
    let unmarked_now = marks_in_place && now == Kind::Head;
    let freed_explicitly = before.is_some() && !was_live_before && now == Kind::Free;
    let col = dump.before_collection.map_or("?".into(), |c| c.to_string());
    if unmarked_now {
        let _ = writeln!(s, "The dump was written during collection {col}, after marking: the block is still unmarked, so the sweep would free it.");
    } else if freed_by_last {
        let _ = writeln!(s, "It was allocated just before collection {col} and that collection's sweep freed it.");
    } else if freed_explicitly {
        let _ =
            writeln!(s, "It was already free before the last collection: it was freed explicitly, not by the sweep.");
    } else if before.is_none() && now == Kind::Free {
        let _ = writeln!(s, "The dump has no pre-collection snapshot, so which collection freed it is not known.");
    }
    let refs = referrers_of_freed(dump, ix, &alloc);
    if refs.is_empty() {
        let _ = writeln!(s, "Nothing in the dump refers to it any more.");
    }
    const SHOWN: usize = 6;
    for (src, v) in refs.iter().take(SHOWN) {
        let extra = match src {
            Source::Block { head, .. } => format!(", in {}", describe_block(ix, *head)),
            _ => String::new(),
        };
        let _ = writeln!(s, "Referred to by {} = {v:#x}{extra}.", src.describe_in(ix));
    }
    if refs.len() > SHOWN {
        let _ = writeln!(s, "… and {} more reference(s).", refs.len() - SHOWN);
    }
    // Only a block the collector got wrong is evidence of where a root was lost.
    if !(unmarked_now || freed_by_last || before.is_none()) {
        return freed_explicitly.then(|| {
            let _ = writeln!(s, "Whoever still refers to it kept a pointer past its free.");
            BugClass::UseAfterExplicitFree
        });
    }
    let last = dump.last_collection();
    let top = dump.roots.as_ref().map_or(0, |r| r.stack_hi);
    let mut in_captured = false;
    let mut in_other_regs: Vec<String> = Vec::new();
    let mut above_scan = None;
    let mut root_slot = None;
    let mut heap_referrer = None;
    for (src, _) in &refs {
        match src {
            Source::Register { set, name } => {
                if set == "captured" {
                    in_captured = true;
                } else {
                    in_other_regs.push(format!("{name} ({set})"));
                }
            }
            // Words below the scan's start were the collector's own frames (or
            // frames pushed since); only words between the scan's end and the
            // stack top show a scan that stopped short.
            Source::Stack { addr, .. } => {
                if let Some(e) = last {
                    if *addr >= e.stack_hi && *addr < top.max(e.stack_hi) && above_scan.is_none() {
                        above_scan = Some(*addr);
                    }
                }
            }
            Source::RootSlot { slot, .. } => root_slot = root_slot.or(Some(*slot)),
            Source::Block { head, .. } => heap_referrer = heap_referrer.or(Some(*head)),
        }
    }
    if let Some(e) = last {
        if e.flags & RING_REGISTERS_CAPTURED == 0 {
            let _ = writeln!(s, "The RING says collection {} did not capture the registers.", e.number);
        }
    }
    if !in_other_regs.is_empty() && !in_captured {
        let _ = writeln!(
            s,
            "Its address is in the register snapshot {} but not in the registers the collector captured.",
            in_other_regs.join(", ")
        );
        return Some(BugClass::MissedRegisterRoot);
    }
    if let (Some(addr), Some(e)) = (above_scan, last) {
        let _ = writeln!(
            s,
            "A stack word at {addr:#x} holds it, above the range {:#x}..{:#x} that collection {} scanned; the stack top is {top:#x}, so the scan stops {} word(s) short.",
            e.stack_lo,
            e.stack_hi,
            e.number,
            top.saturating_sub(e.stack_hi) / heap.word_size
        );
        return Some(BugClass::MissedStackRange);
    }
    if let Some(slot) = root_slot {
        let scanned = last.map(|e| e.root_words);
        let _ = writeln!(
            s,
            "Root-section slot {slot} holds it{}, yet the collector did not mark it.",
            scanned.map_or(String::new(), |w| format!(" (the last collection scanned the root section's {w} words)"))
        );
        return Some(BugClass::ForgottenRootSlot);
    }
    if let Some(h) = heap_referrer {
        let overflowed = last.is_some_and(|e| e.flags & RING_OVERFLOWED != 0)
            || dump.counter("mark_stack_overflows").is_some_and(|v| v > 0);
        let rk = ix.kind(h);
        let holders: Vec<String> = crate::mark::roots(dump)
            .into_iter()
            .filter(|(src, v)| matches!(ix.target(*v, src.rule()), Some((_, Some(x))) if x == h))
            .take(4)
            .map(|(src, _)| src.describe())
            .collect();
        if holders.is_empty() {
            let _ = writeln!(
                s,
                "No root holds the referrer, block {h}, directly: it is reached through other heap blocks."
            );
        } else {
            let _ = writeln!(s, "The referrer, block {h}, is held directly by {}.", holders.join(", "));
        }
        let size = dump.counter("mark_stack_size").map_or(String::new(), |n| format!(" (mark stack of {n} entries)"));
        if marks_in_place && rk == Kind::Mark {
            let _ = writeln!(s, "The referrer, block {h}, is MARKed: the marker reached it but never followed its pointer{size}. Pointers the mark stack could not hold were dropped{}.", if overflowed { "; the counters record an overflow" } else { " without the overflow being recorded, so no rescan ran" });
            return Some(BugClass::MarkStackOverflowDrop);
        }
        if overflowed && rk.starts_allocation() {
            let _ = writeln!(
                s,
                "The referrer, block {h}, is allocated and the mark stack overflowed during the last collection{size}."
            );
            return Some(BugClass::MarkStackOverflowDrop);
        }
        let _ = writeln!(s, "The referrer, block {h}, is {}.", rk.name());
    }
    None
}
