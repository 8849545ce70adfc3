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
use crate::model::{Dump, Kind, RING_OVERFLOWED};
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
    let _ = writeln!(
        s,
        "The dump was written because: {} ({}) at {}.",
        m.reason, m.detail, m.location
    );
    if !m.fault.is_empty() {
        let _ = writeln!(s, "The process ran with the injected fault '{}'.", m.fault);
    }

    // The primary failure: recorded ones first, then our own findings.
    let mut candidates: Vec<Finding> = report.recorded.clone();
    candidates.extend(report.findings.iter().cloned());
    candidates.sort_by_key(|f| rank(&f.check));
    let Some(primary) = candidates.first().cloned() else {
        let _ = writeln!(
            s,
            "No check fails: the heap verifies cleanly ({} blocks, {} allocations reachable).",
            report.blocks_checked, report.reached
        );
        let _ = writeln!(s, "Most likely bug class: {}.", BugClass::Healthy.name());
        return Ok(Explanation {
            class: BugClass::Healthy,
            text: s,
        });
    };
    let _ = writeln!(s, "Failed check: {}", primary.message);
    let n_fail = candidates.len();
    if n_fail > 1 {
        let _ = writeln!(
            s,
            "({} other finding(s); run `heapdump verify` for all.)",
            n_fail - 1
        );
    }

    let class = match primary.check.as_str() {
        "double-free" => Some(BugClass::DoubleFree),
        "wild-free" => Some(BugClass::WildFree),
        "finalised-live" => Some(BugClass::FinaliserOnLive),
        "atb-tail-after-free"
        | "atb-tail-at-start"
        | "mark-outside-collection"
        | "ftb-not-head" => Some(BugClass::SweepError),
        "poison" => Some(BugClass::WriteAfterFree),
        "counters" => Some(BugClass::CounterDrift),
        _ => None,
    };

    let block = primary.block.filter(|&b| b < ix.n_blocks());
    let mut evidence_class = None;
    if let Some(b) = block {
        evidence_class = describe_failing_block(dump, &ix, b, &mut s);
    }
    let class = class.or(evidence_class).unwrap_or(BugClass::Unknown);
    let _ = writeln!(s, "Most likely bug class: {}.", class.name());
    let _ = writeln!(s, "Why it matters: {}.", class.advice());
    Ok(Explanation { class, text: s })
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
            (
                Alloc {
                    head: h,
                    blocks: bi.alloc_len(h),
                    type_name: bi.type_name(h),
                },
                true,
            )
        }
        _ => {
            let h = ix.head_of(b).unwrap_or(b);
            let blocks = if ix.head_of(b).is_some() {
                ix.alloc_len(h)
            } else {
                1
            };
            (
                Alloc {
                    head: h,
                    blocks,
                    type_name: ix.type_name(h),
                },
                false,
            )
        }
    };
    let size = alloc.blocks * heap.block_size;
    let _ = writeln!(
        s,
        "The block: {} is now {}; it was a {} of {} block(s) ({size} bytes).",
        describe_block(ix, b),
        ix.kind(b).name(),
        alloc.type_name,
        alloc.blocks
    );
    let freed_by_last = was_live_before && ix.kind(alloc.head) == Kind::Free;
    match (before.is_some(), freed_by_last, dump.before_collection) {
        (true, true, c) => {
            let _ = writeln!(
                s,
                "It was allocated just before collection {} and that collection's sweep freed it.",
                c.map_or("?".into(), |c| c.to_string())
            );
        }
        (true, false, _) if ix.kind(alloc.head) == Kind::Free => {
            let _ = writeln!(s, "It was already free before the last collection: it was freed explicitly, not by the sweep.");
        }
        (false, _, _) => {
            let _ = writeln!(s, "The dump has no pre-collection snapshot, so which collection freed it is not known.");
        }
        _ => {}
    }
    let refs = referrers_of_freed(dump, ix, &alloc);
    if refs.is_empty() {
        let _ = writeln!(s, "Nothing in the dump refers to it any more.");
    }
    let last = dump.last_collection();
    let mut in_captured = false;
    let mut in_other_regs: Vec<String> = Vec::new();
    let mut stack_outside = None;
    let mut stack_inside = false;
    let mut root_slot = None;
    let mut heap_referrer = None;
    for (src, v) in refs.iter().take(12) {
        let extra = match src {
            Source::Block { head, .. } => format!(" of {}", describe_block(ix, *head)),
            _ => String::new(),
        };
        let _ = writeln!(s, "Referred to by {} = {v:#x}{extra}.", src.describe());
    }
    for (src, _) in &refs {
        match src {
            Source::Register { set, name } => {
                if set == "captured" {
                    in_captured = true;
                } else {
                    in_other_regs.push(format!("{name} ({set})"));
                }
            }
            Source::Stack { addr, .. } => match last {
                Some(e) if *addr < e.stack_lo || *addr >= e.stack_hi => stack_outside = Some(*addr),
                _ => stack_inside = true,
            },
            Source::RootSlot { slot, .. } => root_slot = root_slot.or(Some(*slot)),
            Source::Block { head, .. } => heap_referrer = heap_referrer.or(Some(*head)),
        }
    }
    let mut class = None;
    if !in_other_regs.is_empty() && !in_captured {
        let _ = writeln!(s, "Its address is in the register snapshot {} but not in the registers the collector captured.", in_other_regs.join(", "));
        class = Some(BugClass::MissedRegisterRoot);
    }
    if class.is_none() {
        if let (Some(addr), Some(e)) = (stack_outside, last) {
            let _ = writeln!(
                s,
                "A stack word at {addr:#x} holds it, outside the range {:#x}..{:#x} that collection {} scanned.",
                e.stack_lo, e.stack_hi, e.number
            );
            class = Some(BugClass::MissedStackRange);
        }
    }
    if class.is_none() {
        if let Some(slot) = root_slot {
            let scanned = last.map(|e| e.root_words);
            let _ = writeln!(
                s,
                "Root-section slot {slot} holds it{}.",
                scanned.map_or(String::new(), |w| format!(
                    " (the last collection scanned {w} root-section words)"
                ))
            );
            class = Some(BugClass::ForgottenRootSlot);
        }
    }
    if class.is_none() {
        if let Some(h) = heap_referrer {
            let overflowed = last.is_some_and(|e| e.flags & RING_OVERFLOWED != 0)
                || dump.counter("mark_stack_overflows").is_some_and(|v| v > 0) && last.is_none();
            let live = ix.kind(h).starts_allocation();
            let referrer_in_roots =
                crate::mark::roots(dump)
                    .iter()
                    .any(|(src, v)| match ix.target(*v, src.rule()) {
                        Some((_, Some(x))) => x == h,
                        _ => false,
                    });
            let _ = writeln!(
                s,
                "The referrer, block {h}, is {}{}.",
                if live { "allocated" } else { "not allocated" },
                if referrer_in_roots {
                    " and directly held by a root"
                } else {
                    ""
                }
            );
            if overflowed && live {
                let _ = writeln!(s, "The last collection's mark stack overflowed, and the block's referrer is a marked heap block.");
                class = Some(BugClass::MarkStackOverflowDrop);
            } else if before.is_some() && !freed_by_last {
                class = Some(BugClass::UseAfterExplicitFree);
            }
        }
    }
    if class.is_none() && stack_inside {
        let _ = writeln!(
            s,
            "A stack word inside the scanned range holds it, so the marker should have seen it."
        );
    }
    class
}
