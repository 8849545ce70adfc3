//! Ready-made synthetic dumps for tests, examples and benches: one healthy heap
//! and one per bug class the analyzer must recognise, each in x86 and x64
//! flavour. They mimic what the heap crate writes after a failed torture check.
//!
//! Invariant: each scenario's heap is healthy except for the one defect it is
//! named after, so a test can assert that exactly that defect is found.

use crate::model::{Failure, Kind, RING_OVERFLOWED, RING_REGISTERS_CAPTURED, RING_VERIFIED};
use crate::synth::SynthDump;

/// Addresses of interesting blocks in a scenario, for assertions.
#[derive(Clone, Debug, Default)]
pub struct Landmarks {
    pub list: u64,
    pub items: u64,
    pub node: u64,
    pub float: u64,
    pub text: u64,
    /// The block at fault (freed while referenced, or malformed), if any.
    pub victim: Option<u64>,
    /// The block holding the bad reference, if it is a heap block.
    pub referrer: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    Healthy,
    DanglingField,
    TailAfterFree,
    MissedRegister,
    MissedStackRange,
    ForgottenRootSlot,
    DoubleFree,
    FinalisedLive,
    MarkStackOverflow,
    PoisonDamaged,
}

impl Scenario {
    pub const ALL: [Scenario; 10] = [
        Scenario::Healthy,
        Scenario::DanglingField,
        Scenario::TailAfterFree,
        Scenario::MissedRegister,
        Scenario::MissedStackRange,
        Scenario::ForgottenRootSlot,
        Scenario::DoubleFree,
        Scenario::FinalisedLive,
        Scenario::MarkStackOverflow,
        Scenario::PoisonDamaged,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scenario::Healthy => "healthy",
            Scenario::DanglingField => "dangling-field",
            Scenario::TailAfterFree => "tail-after-free",
            Scenario::MissedRegister => "missed-register",
            Scenario::MissedStackRange => "missed-stack-range",
            Scenario::ForgottenRootSlot => "forgotten-root-slot",
            Scenario::DoubleFree => "double-free",
            Scenario::FinalisedLive => "finalised-live",
            Scenario::MarkStackOverflow => "mark-stack-overflow",
            Scenario::PoisonDamaged => "poison-damaged",
        }
    }
}

/// A small healthy heap: a root slot holds a list whose items array holds a
/// tuple and a string; the stack holds a test node; a register holds a float.
/// One garbage block was freed by the last collection (collection 7).
pub fn healthy(x64: bool) -> (SynthDump, Landmarks) {
    let mut d = SynthDump::new(x64, 512);
    d.poison_all_free();
    d.flags = 2;
    d.reason = "on-demand".into();
    d.detail = "test".into();
    d.location = "heap/src/tests.rs:10".into();
    d.build_id = "00112233445566778899aabbccddeeff00112233".into();
    let t_list = d.add_type("list", b'L', None, &[3]);
    let t_tuple = d.add_type("tuple", b'T', Some(2), &[]);
    let t_str = d.add_type("str", b'S', None, &[3]);
    let t_float = d.add_type("float", b'F', None, &[]);
    let t_node = d.add_type("test-node", b'N', Some(1), &[]);

    let garbage = d.alloc(3);
    let text_data = d.alloc(1);
    let data_addr = d.addr(text_data);
    d.set_word(text_data, 0, u64::from_le_bytes(*b"hello, w"));
    d.set_word(text_data, 1, u64::from_le_bytes(*b"orld!\0\0\0"));
    if !x64 {
        d.set_word(text_data, 0, u64::from(u32::from_le_bytes(*b"hell")));
        d.set_word(text_data, 1, u64::from(u32::from_le_bytes(*b"o, w")));
        d.set_word(text_data, 2, u64::from(u32::from_le_bytes(*b"orld")));
        d.set_word(text_data, 3, u64::from(u32::from_le_bytes(*b"!\0\0\0")));
    }
    let text = d.object(t_str, &[0x1234, 13, data_addr]);
    let tuple = d.object(t_tuple, &[2, 0x3, d.addr(text)]);
    let items = d.alloc(2);
    let float = d.object(t_float, &[1.5f64.to_bits()]);
    if !x64 {
        let bits = 1.5f64.to_bits();
        d.set_word(float, 1, bits & 0xffff_ffff);
        d.set_word(float, 2, bits >> 32);
    }
    d.set_word(items, 0, d.addr(tuple));
    d.set_word(items, 1, d.addr(text));
    d.set_word(items, 2, 0x7);
    let list = d.object(t_list, &[8, 3, d.addr(items)]);
    let node = d.object(t_node, &[d.addr(list), 0x1]);
    // A big untyped buffer with tails, as a lexer buffer would be.
    let buf = d.alloc(20);
    d.set_word(node, 3, d.addr(buf));
    d.heap.ftb[float as usize] = true;

    d.push_root_slot(d.addr(list));
    d.push_root_slot(0x1); // a small int
    d.push_stack_word(0x4242);
    d.push_stack_word(d.addr(node) + 8); // interior pointer: maps to the head
    d.push_stack_word(0);
    let sp = if x64 { "rbx" } else { "ebx" };
    d.set_register("captured", sp, d.addr(float));
    d.set_register("shadow", sp, d.addr(float));
    d.push_collection(6, RING_REGISTERS_CAPTURED | RING_VERIFIED);
    d.snapshot_before(7);
    d.free(garbage);
    d.push_collection(7, RING_REGISTERS_CAPTURED | RING_VERIFIED);
    d.set_consistent_counters();
    let lm = Landmarks { list, items, node, float, text, victim: None, referrer: None };
    (d, lm)
}

fn fail(d: &SynthDump, check: &str, block: u64, kind: u8, referrer: Option<(u64, u64, &str)>) -> Failure {
    let addr = d.addr(block);
    let (raddr, rblock, rdesc) = match referrer {
        Some((a, b, desc)) => (a, Some(b), desc.to_string()),
        None => (0, None, String::new()),
    };
    Failure {
        check: check.into(),
        block: Some(block),
        block_addr: addr,
        kind,
        referrer_addr: raddr,
        referrer_block: rblock,
        referrer_desc: rdesc.clone(),
        message: format!(
            "{check}: block {block} at {addr:#x} kind {kind}{}",
            if rdesc.is_empty() { String::new() } else { format!(", referrer {rdesc}") }
        ),
    }
}

/// Builds scenario `s`; the victim, if any, is freed by collection 7.
pub fn build(s: Scenario, x64: bool) -> (SynthDump, Landmarks) {
    let (mut d, mut lm) = healthy(x64);
    let reg = if x64 { "r12" } else { "esi" };
    if s != Scenario::Healthy {
        d.reason = "check-failed".into();
        d.fault = s.name().into();
        d.flags |= 4;
    }
    // A victim allocated before collection 7 and freed by its sweep: it is
    // allocated in the pre-collection snapshot only.
    let freed_victim = |d: &mut SynthDump| -> u64 {
        let v = d.n_blocks - 40;
        d.alloc_at(v, 2);
        d.set_word(v, 0, 0x99);
        let bs = d.block_size() as usize;
        let (lo, hi) = (v as usize, v as usize + 2);
        if let Some((snap, _)) = d.before.as_mut() {
            snap.atb[lo..hi].clone_from_slice(&d.heap.atb[lo..hi]);
            snap.pool[lo * bs..hi * bs].clone_from_slice(&d.heap.pool[lo * bs..hi * bs]);
        }
        d.free(v);
        v
    };
    // A victim freed explicitly before the collection (free in both states).
    let explicit_victim = |d: &mut SynthDump| -> u64 {
        let v = d.n_blocks - 30;
        d.alloc_at(v, 1);
        d.free(v);
        if let Some((snap, _)) = d.before.as_mut() {
            snap.atb[v as usize] = Kind::Free;
        }
        v
    };
    match s {
        Scenario::Healthy => {}
        Scenario::DanglingField => {
            let v = explicit_victim(&mut d);
            d.set_word(lm.node, 2, d.addr(v));
            lm.victim = Some(v);
            lm.referrer = Some(lm.node);
            d.detail = "dangling-field".into();
            let f = fail(
                &d,
                "dangling-field",
                v,
                0,
                Some((d.addr(lm.node) + 2 * u64::from(d.word_size), lm.node, "block node word 2")),
            );
            d.add_failure(f);
        }
        Scenario::TailAfterFree => {
            let b = d.alloc(3);
            d.free(b);
            d.heap.atb[(b + 1) as usize] = Kind::Tail;
            lm.victim = Some(b + 1);
            d.detail = "atb-tail-after-free".into();
            let f = fail(&d, "atb-tail-after-free", b + 1, 2, None);
            d.add_failure(f);
        }
        Scenario::MissedRegister => {
            let v = freed_victim(&mut d);
            d.set_register("shadow", reg, d.addr(v));
            lm.victim = Some(v);
            d.detail = "missed-by-marker".into();
            let f = fail(&d, "missed-by-marker", v, 0, Some((0, u64::MAX, &format!("register {reg}"))));
            d.add_failure(Failure { referrer_block: None, ..f });
        }
        Scenario::MissedStackRange => {
            let v = freed_victim(&mut d);
            // The word sits above the range the last collection scanned.
            d.push_stack_word(d.addr(v));
            lm.victim = Some(v);
            d.detail = "missed-by-marker".into();
        }
        Scenario::ForgottenRootSlot => {
            let v = freed_victim(&mut d);
            d.push_root_slot(d.addr(v));
            lm.victim = Some(v);
            d.detail = "missed-by-marker".into();
        }
        Scenario::DoubleFree => {
            let v = freed_victim(&mut d);
            lm.victim = Some(v);
            d.detail = "double-free".into();
            let f = fail(&d, "double-free", v, 0, None);
            d.add_failure(f);
        }
        Scenario::FinalisedLive => {
            // The sweep ran its finaliser (clearing the bit) but it stays allocated.
            d.heap.ftb[lm.float as usize] = false;
            lm.victim = Some(lm.float);
            d.detail = "finalised-live".into();
            let f = fail(&d, "finalised-live", lm.float, 1, None);
            d.add_failure(f);
        }
        Scenario::MarkStackOverflow => {
            let v = freed_victim(&mut d);
            // The items array (reached through the list) holds the victim.
            d.set_word(lm.items, 3, d.addr(v));
            if let Some(e) = d.ring.last_mut() {
                e.flags |= RING_OVERFLOWED;
            }
            lm.victim = Some(v);
            lm.referrer = Some(lm.items);
            d.detail = "missed-by-marker".into();
        }
        Scenario::PoisonDamaged => {
            let b = d.alloc(1);
            d.free(b);
            d.set_word(b, 1, 0x1234);
            lm.victim = Some(b);
            d.detail = "poison".into();
        }
    }
    d.set_consistent_counters();
    (d, lm)
}

/// A large healthy x64 heap of about `mib` MiB for benches: chains of nodes
/// and untyped buffers, every fourth allocation garbage-freed.
pub fn large(mib: u64) -> SynthDump {
    let n_blocks = mib * 1024 * 1024 / 32;
    let mut d = SynthDump::new(true, n_blocks);
    d.poison_all_free();
    let t_node = d.add_type("test-node", b'N', Some(1), &[]);
    let t_list = d.add_type("list", b'L', None, &[3]);
    let mut prev = 0u64;
    let mut i = 0u64;
    let mut garbage = Vec::new();
    while d.hint + 8 < n_blocks {
        let b = if i.is_multiple_of(3) {
            let b = d.alloc(1 + i % 5);
            d.set_word(b, 1, prev);
            b
        } else if i % 3 == 1 {
            d.object(t_node, &[prev, 0x11])
        } else {
            d.object(t_list, &[4, 2, prev])
        };
        if i % 4 == 3 {
            garbage.push(b);
        } else {
            prev = d.addr(b);
        }
        i += 1;
    }
    d.push_root_slot(prev);
    d.push_stack_word(prev);
    d.push_collection(1, RING_REGISTERS_CAPTURED | RING_VERIFIED);
    for g in garbage {
        d.free(g);
    }
    d.set_consistent_counters();
    d
}

/// `large`, with one typed object's field left pointing at a block freed
/// before the dump: verify and explain then do their full work (dangling
/// field, referrer search over the whole heap).
pub fn large_broken(mib: u64) -> SynthDump {
    let mut d = large(mib);
    let node = d.types.iter().find(|t| t.name == "test-node").map(|t| t.descriptor);
    let n = d.n_blocks;
    let holder = (0..n).find(|&b| d.heap.atb[b as usize] == Kind::Head && Some(word(&d, b, 0)) == node);
    let victim = (n / 2..n)
        .find(|&b| d.heap.atb[b as usize] == Kind::Head && d.heap.atb.get(b as usize + 1) != Some(&Kind::Tail));
    if let (Some(h), Some(v)) = (holder, victim) {
        d.free(v);
        let addr = d.addr(v);
        d.set_word(h, 2, addr);
        d.reason = "check-failed".into();
    }
    d.set_consistent_counters();
    d
}

fn word(d: &SynthDump, b: u64, w: u64) -> u64 {
    let off = (b * d.block_size() + w * 8) as usize;
    let mut x = [0u8; 8];
    x.copy_from_slice(&d.heap.pool[off..off + 8]);
    u64::from_le_bytes(x)
}
