//! Generator and oracle for fuzzing the heap alone: sequences of heap
//! operations (alloc, free, realloc, link, unlink, drop root, collect) applied
//! to a real heap and to a reference model of the object graph, for the
//! `gc_ops` libFuzzer target and for tests. The target is a few lines of glue
//! over [`run_bytes`].
//!
//! Model: up to `SLOTS` objects, each rooted from its root-section slot or only
//! reachable through links from other objects. An object is
//! `[magic ^ id, id, link0, link1, ... payload]`; links hold exact HEAD
//! addresses of other objects. After every operation, every object reachable
//! in the model from the roots must be allocated and hold exactly what the
//! model says; anything else means the collector freed or corrupted a live
//! object. Objects the model considers unreachable are forgotten (conservative
//! scanning may keep them alive; that is allowed, so they are never checked).
//!
//! Invariant: returns `Err` with a description on the first divergence and
//! never panics on any input; the heap runs in `FailureMode::Record`, so its
//! own verifier's failures are divergences too.

use crate::config::{FailureMode, HeapConfig};
use crate::heap::Heap;
use crate::layout::WORD;

/// Objects tracked by the model (= root-section slots).
pub const SLOTS: usize = 24;
/// Link fields per object.
pub const LINKS: usize = 3;
const HEADER: usize = 2 + LINKS;
const MAGIC: usize = 0x0B1E_C700;

/// One heap operation. Indices are taken modulo the number of slots.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Op {
    /// Allocate an object with `extra` payload words into a free slot, rooted.
    Alloc {
        extra: u8,
    },
    /// Free a rooted object that no other live object links to.
    Free {
        slot: u8,
    },
    /// Resize a rooted object nothing links to (it may move).
    Realloc {
        slot: u8,
        extra: u8,
    },
    /// `from.links[field] = to`.
    Link {
        from: u8,
        field: u8,
        to: u8,
    },
    /// `from.links[field] = null`.
    Unlink {
        from: u8,
        field: u8,
    },
    /// Clear a root slot: the object lives on only if something links to it.
    DropRoot {
        slot: u8,
    },
    /// Put a reachable-but-unrooted object back into its root slot.
    Reroot {
        slot: u8,
    },
    Collect,
    /// Write a payload word.
    Write {
        slot: u8,
        word: u8,
        value: u32,
    },
}

#[derive(Clone, Copy, Default)]
struct Obj {
    live: bool,
    addr: usize,
    id: usize,
    words: usize,
    rooted: bool,
    links: [Option<usize>; LINKS], // slot indices
    payload_sum: usize,
}

/// Runs `ops` on a fresh heap (torture every allocation + verify when the
/// feature is on) and the model. `Err` describes the first divergence.
pub fn run_ops(ops: &[Op]) -> Result<(), String> {
    run_ops_with_fault(ops, None)
}

/// As [`run_ops`], with an injected fault (fault-injection builds), to show
/// the oracle catches broken collectors.
pub fn run_ops_with_fault(ops: &[Op], fault: Option<crate::Fault>) -> Result<(), String> {
    let mut config = HeapConfig::with_size(64 * 1024);
    config.fault = fault;
    config.failure_mode = FailureMode::Record;
    config.crash_dumps = false;
    #[cfg(feature = "gc-torture")]
    {
        config.torture.mode = crate::config::TortureMode::Every;
        config.torture.verify = true;
        config.torture.poison = true;
    }
    let heap = Heap::new(config).map_err(|e| e.0)?;
    let mut roots = [0usize; SLOTS];
    // SAFETY: `roots` outlives every collection of this heap (dropped after it).
    unsafe { heap.set_root_section(roots.as_ptr(), SLOTS) };
    let mut model = [Obj::default(); SLOTS];
    let mut next_id = 1usize;
    let result = heap.enter(|h| -> Result<(), String> {
        for (n, op) in ops.iter().enumerate() {
            apply(h, &mut roots, &mut model, &mut next_id, *op);
            check(h, &model).map_err(|e| format!("after op {n} {op:?}: {e}"))?;
            let f = h.take_failures();
            if let Some(first) = f.first() {
                return Err(format!("after op {n} {op:?}: heap check failed: {}", first.message));
            }
        }
        h.collect();
        check(h, &model).map_err(|e| format!("after the final collection: {e}"))
    });
    let f = heap.take_failures();
    if let Some(first) = f.first() {
        return Err(format!("heap check failed: {}", first.message));
    }
    result
}

/// Decodes bytes into operations (with `arbitrary`) and runs them.
#[cfg(feature = "arbitrary")]
pub fn run_bytes(data: &[u8]) -> Result<(), String> {
    let mut u = arbitrary::Unstructured::new(data);
    let ops: Vec<Op> = u.arbitrary().unwrap_or_default();
    run_ops(&ops[..ops.len().min(2000)])
}

fn word(addr: usize, i: usize) -> *mut usize {
    (addr + i * WORD) as *mut usize
}

fn write_root(roots: &mut [usize; SLOTS], slot: usize, v: usize) {
    // SAFETY: slot < SLOTS; volatile so the collector really sees the store.
    unsafe { core::ptr::write_volatile(&mut roots[slot], v) };
}

fn incoming(model: &[Obj; SLOTS], target: usize) -> bool {
    model.iter().any(|o| o.live && o.links.contains(&Some(target)))
}

/// Recomputes which objects are reachable from the rooted ones and forgets
/// the rest.
fn forget_unreachable(model: &mut [Obj; SLOTS]) {
    let mut reach = [false; SLOTS];
    let mut work = [0usize; SLOTS];
    let mut n = 0;
    for (i, o) in model.iter().enumerate() {
        if o.live && o.rooted {
            reach[i] = true;
            work[n] = i;
            n += 1;
        }
    }
    while n > 0 {
        n -= 1;
        let i = work[n];
        for t in model[i].links.into_iter().flatten() {
            if !reach[t] {
                reach[t] = true;
                work[n] = t;
                n += 1;
            }
        }
    }
    for (i, o) in model.iter_mut().enumerate() {
        if o.live && !reach[i] {
            *o = Obj::default();
        }
    }
}

fn apply(h: &Heap, roots: &mut [usize; SLOTS], model: &mut [Obj; SLOTS], next_id: &mut usize, op: Op) {
    let s = |x: u8| x as usize % SLOTS;
    match op {
        Op::Alloc { extra } => {
            let Some(slot) = model.iter().position(|o| !o.live) else { return };
            let words = HEADER + extra as usize % 40;
            let Ok(p) = h.alloc(words * WORD, false) else { return };
            let addr = p.as_ptr() as usize;
            let id = *next_id;
            *next_id += 1;
            // SAFETY: fresh allocation of `words` words.
            unsafe {
                word(addr, 0).write(MAGIC ^ id);
                word(addr, 1).write(id);
            }
            write_root(roots, slot, addr);
            model[slot] = Obj { live: true, addr, id, words, rooted: true, links: [None; LINKS], payload_sum: 0 };
        }
        Op::Free { slot } => {
            let i = s(slot);
            if model[i].live && model[i].rooted && !incoming(model, i) {
                write_root(roots, i, 0);
                h.free(model[i].addr as *mut u8);
                model[i] = Obj::default();
                forget_unreachable(model);
            }
        }
        Op::Realloc { slot, extra } => {
            let i = s(slot);
            if model[i].live && model[i].rooted && !incoming(model, i) {
                let words = HEADER + extra as usize % 40;
                if let Ok(q) = h.realloc(model[i].addr as *mut u8, words * WORD) {
                    let o = &mut model[i];
                    o.addr = q.as_ptr() as usize;
                    if words < o.words {
                        // payload words past the end are gone: recompute the sum
                        o.payload_sum = (HEADER..words)
                            // SAFETY: words below the new size are inside the object.
                            .map(|w| unsafe { word(o.addr, w).read() })
                            .fold(0usize, |a, b| a.wrapping_add(b));
                    }
                    o.words = words;
                    write_root(roots, i, o.addr);
                }
            }
        }
        Op::Link { from, field, to } => {
            let (f, t, k) = (s(from), s(to), field as usize % LINKS);
            if model[f].live && model[t].live {
                // SAFETY: link words are inside every object (words >= HEADER).
                unsafe { word(model[f].addr, 2 + k).write(model[t].addr) };
                model[f].links[k] = Some(t);
                forget_unreachable(model);
            }
        }
        Op::Unlink { from, field } => {
            let (f, k) = (s(from), field as usize % LINKS);
            if model[f].live {
                // SAFETY: as for Link.
                unsafe { word(model[f].addr, 2 + k).write(0) };
                model[f].links[k] = None;
                forget_unreachable(model);
            }
        }
        Op::DropRoot { slot } => {
            let i = s(slot);
            if model[i].live && model[i].rooted {
                write_root(roots, i, 0);
                model[i].rooted = false;
                forget_unreachable(model);
            }
        }
        Op::Reroot { slot } => {
            let i = s(slot);
            if model[i].live && !model[i].rooted {
                write_root(roots, i, model[i].addr);
                model[i].rooted = true;
            }
        }
        Op::Collect => h.collect(),
        Op::Write { slot, word: w, value } => {
            let i = s(slot);
            let o = &mut model[i];
            if o.live && o.words > HEADER {
                let at = HEADER + w as usize % (o.words - HEADER);
                // SAFETY: at < words.
                let old = unsafe { word(o.addr, at).read() };
                unsafe { word(o.addr, at).write(value as usize) };
                o.payload_sum = o.payload_sum.wrapping_sub(old).wrapping_add(value as usize);
            }
        }
    }
}

fn check(h: &Heap, model: &[Obj; SLOTS]) -> Result<(), String> {
    for (i, o) in model.iter().enumerate().filter(|(_, o)| o.live) {
        let size = h.size_of(o.addr as *const u8);
        if size < o.words * WORD {
            return Err(format!(
                "object {} (slot {i}, 0x{:x}) is reachable but the heap says it has {size} bytes",
                o.id, o.addr
            ));
        }
        // SAFETY: the heap confirms a live allocation of at least `words` words.
        let (m, id) = unsafe { (word(o.addr, 0).read(), word(o.addr, 1).read()) };
        if m != MAGIC ^ o.id || id != o.id {
            return Err(format!("object {} (slot {i}, 0x{:x}) header corrupted: 0x{m:x} {id}", o.id, o.addr));
        }
        for (k, l) in o.links.iter().enumerate() {
            let want = l.map(|t| model[t].addr).unwrap_or(0);
            // SAFETY: link words are inside the object.
            let got = unsafe { word(o.addr, 2 + k).read() };
            if got != want {
                return Err(format!("object {} link {k} holds 0x{got:x}, expected 0x{want:x}", o.id));
            }
        }
        // SAFETY: payload words are inside the object.
        let sum = (HEADER..o.words).map(|w| unsafe { word(o.addr, w).read() }).fold(0usize, |a, b| a.wrapping_add(b));
        if sum != o.payload_sum {
            return Err(format!("object {} payload changed (sum {sum} != {})", o.id, o.payload_sum));
        }
    }
    Ok(())
}
