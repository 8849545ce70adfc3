//! `heapdump show`, `refs` and `path`: one block in detail, who points at it,
//! and how it is reached from the roots. Block decoding is pluggable by type
//! name: a `Decoder` registered under a TYPE-table name adds a typed reading on
//! top of the hex view and the generic word-by-word view, which are always shown.
//!
//! Invariant: decoders read only through `Heap::word`/`block_bytes`, which are
//! bounds-checked, and cap what they print, so a hostile block (a list claiming
//! 2^60 items) costs no more than its own bytes.

use crate::index::{describe_block, Index};
use crate::mark::{self, Source};
use crate::model::{Dump, Kind};
use crate::symbols::Symbols;
use std::collections::HashMap;
use std::fmt::Write;

pub struct Ctx<'a> {
    pub dump: &'a Dump,
    pub ix: &'a Index<'a>,
    pub symbols: Option<&'a Symbols>,
}

impl Ctx<'_> {
    /// What a word's value points at, if anything recognisable.
    pub fn describe_value(&self, v: u64) -> Option<String> {
        let heap = &self.ix.heap;
        if let Some(t) = self.dump.type_by_descriptor(v) {
            return Some(format!("type descriptor of {}", t.name));
        }
        if let Some(b) = heap.block_of(v) {
            let aligned = heap.block_at(v).is_some();
            let k = self.ix.kind(b);
            return Some(if aligned {
                format!("-> {}", describe_block(self.ix, b))
            } else {
                match self.ix.head_of(b) {
                    Some(h) => format!(
                        "inside block {b} of the allocation at block {h} ({} {})",
                        self.ix.type_name(h),
                        k.name()
                    ),
                    None => format!("inside block {b} ({})", k.name()),
                }
            });
        }
        if v == self.dump.poison() && v != 0 {
            return Some("poison".into());
        }
        if let Some(sym) = self.symbols.and_then(|s| s.lookup(v)) {
            return Some(sym);
        }
        if let Some(r) = &self.dump.roots {
            let ws = u64::from(self.dump.meta.word_size);
            if v >= r.section_addr && v < r.section_addr.saturating_add(r.section_words.saturating_mul(ws)) {
                return Some(format!("root section slot {}", (v - r.section_addr) / ws));
            }
            if v >= r.stack_lo && v < r.stack_hi {
                return Some("stack address".into());
            }
        }
        None
    }
}

pub trait Decoder {
    /// Appends a typed reading of the allocation at `head` to `out`.
    fn decode(&self, ctx: &Ctx, head: u64, out: &mut String);
}

/// Decoders keyed by TYPE-table name.
pub struct Decoders {
    by_name: HashMap<String, Box<dyn Decoder>>,
}

impl Default for Decoders {
    fn default() -> Self {
        let mut d = Decoders { by_name: HashMap::new() };
        d.register("float", Box::new(FloatDecoder));
        d.register("str", Box::new(StrDecoder));
        d.register("bytes", Box::new(StrDecoder));
        d.register("list", Box::new(ListDecoder));
        d.register("tuple", Box::new(TupleDecoder));
        d
    }
}

impl Decoders {
    pub fn register(&mut self, name: &str, dec: Box<dyn Decoder>) {
        self.by_name.insert(name.to_string(), dec);
    }

    pub fn get(&self, name: &str) -> Option<&dyn Decoder> {
        self.by_name.get(name).map(|b| b.as_ref())
    }
}

/// Caps items printed by container decoders.
const MAX_ITEMS: u64 = 32;

/// MicroPython layout: `{type, double value}` (the value spans two words on x86).
struct FloatDecoder;
impl Decoder for FloatDecoder {
    fn decode(&self, ctx: &Ctx, head: u64, out: &mut String) {
        let h = &ctx.ix.heap;
        let bits = if h.word_size == 8 {
            h.word(head, 1)
        } else {
            h.word(head, 1).zip(h.word(head, 2)).map(|(lo, hi)| lo | hi << 32)
        };
        match bits {
            Some(b) => {
                let _ = writeln!(out, "  float value {}", f64::from_bits(b));
            }
            None => out.push_str("  float value cut off\n"),
        }
    }
}

/// MicroPython layout: `{type, hash, len, data pointer}`.
struct StrDecoder;
impl Decoder for StrDecoder {
    fn decode(&self, ctx: &Ctx, head: u64, out: &mut String) {
        let h = &ctx.ix.heap;
        let (Some(len), Some(data)) = (h.word(head, 2), h.word(head, 3)) else {
            out.push_str("  string header cut off\n");
            return;
        };
        let _ = write!(out, "  length {len}, data at {data:#x}");
        let Some(b) = h.block_of(data) else {
            out.push_str(" (outside the heap)\n");
            return;
        };
        let off = (data - h.block_addr(b)) as usize;
        let bytes = h.block_bytes(b, ctx.ix.n_blocks().saturating_sub(b));
        let shown = len.min(256) as usize;
        let text = bytes.get(off..).map(|x| &x[..x.len().min(shown)]).unwrap_or(&[]);
        let _ = writeln!(
            out,
            "\n  text {:?}{}",
            String::from_utf8_lossy(text),
            if (len as usize) > text.len() { " …" } else { "" }
        );
    }
}

/// MicroPython layout: `{type, alloc, len, items pointer}`.
struct ListDecoder;
impl Decoder for ListDecoder {
    fn decode(&self, ctx: &Ctx, head: u64, out: &mut String) {
        let h = &ctx.ix.heap;
        let (Some(alloc), Some(len), Some(items)) = (h.word(head, 1), h.word(head, 2), h.word(head, 3)) else {
            out.push_str("  list header cut off\n");
            return;
        };
        let _ = writeln!(out, "  {len} items (capacity {alloc}) at {items:#x}");
        let Some(b) = h.block_at(items) else {
            return;
        };
        for i in 0..len.min(MAX_ITEMS) {
            match h.word(b, i) {
                Some(v) => {
                    let _ = writeln!(out, "  [{i}] {v:#x} {}", ctx.describe_value(v).unwrap_or_default());
                }
                None => break,
            }
        }
        if len > MAX_ITEMS {
            let _ = writeln!(out, "  … {} more", len - MAX_ITEMS);
        }
    }
}

/// MicroPython layout: `{type, len, items...}`.
struct TupleDecoder;
impl Decoder for TupleDecoder {
    fn decode(&self, ctx: &Ctx, head: u64, out: &mut String) {
        let h = &ctx.ix.heap;
        let Some(len) = h.word(head, 1) else { return };
        let _ = writeln!(out, "  {len} items");
        for i in 0..len.min(MAX_ITEMS) {
            match h.word(head, 2 + i) {
                Some(v) => {
                    let _ = writeln!(out, "  [{i}] {v:#x} {}", ctx.describe_value(v).unwrap_or_default());
                }
                None => break,
            }
        }
    }
}

/// Caps the hex view; the generic word view covers the rest.
const MAX_HEX_BYTES: usize = 4096;

pub fn show(ctx: &Ctx, decoders: &Decoders, block: u64) -> String {
    let ix = ctx.ix;
    let heap = &ix.heap;
    let mut s = String::new();
    let head = ix.head_of(block);
    let (start, len) = match head {
        Some(h) => (h, ix.alloc_len(h)),
        None => (block, 1),
    };
    if head.is_some_and(|h| h != block) {
        let _ = writeln!(s, "block {block} at {:#x} is a TAIL of the allocation below", heap.block_addr(block));
    }
    let _ = writeln!(s, "{}", describe_block(ix, start));
    let _ = writeln!(s, "  finaliser bit {}", if heap.ftb(start) { "set" } else { "clear" });
    if let Some(before) = ctx.dump.heap_before() {
        if start < before.n_blocks {
            let _ = writeln!(s, "  before the last collection: {}", before.kind(start).name());
        }
    }
    if ix.kind(start) == Kind::Free {
        let _ = writeln!(s, "  (free block: contents are whatever was left or the poison)");
    }
    let ty = head.and_then(|h| ix.type_of(h));
    if let (Some(t), Some(h)) = (ty, head) {
        if let Some(d) = decoders.get(&t.name) {
            let _ = writeln!(s, "decoded as {} (MicroPython layout)", t.name);
            d.decode(ctx, h, &mut s);
        }
    }
    let _ = writeln!(s, "words");
    let n_words = len * heap.words_per_block();
    for w in 0..n_words {
        let Some(v) = heap.word(start, w) else { break };
        let field = if head.is_some_and(|h| ix.is_field(h, w)) { "field" } else { "     " };
        let width = heap.word_size as usize * 2;
        let _ = writeln!(
            s,
            "  {:#x} [{w:>3}] {field} {v:0width$x} {}",
            ix.word_addr(start, w),
            ctx.describe_value(v).unwrap_or_default(),
        );
    }
    let _ = writeln!(s, "hex");
    let bytes = heap.block_bytes(start, len);
    for (i, chunk) in bytes.chunks(16).enumerate().take(MAX_HEX_BYTES / 16) {
        let addr = heap.block_addr(start).wrapping_add(16 * i as u64);
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String =
            chunk.iter().map(|&b| if b.is_ascii_graphic() || b == b' ' { b as char } else { '.' }).collect();
        let _ = writeln!(s, "  {addr:#014x}  {:<47}  {ascii}", hex.join(" "));
    }
    if bytes.len() > MAX_HEX_BYTES {
        let _ = writeln!(s, "  … {} more bytes", bytes.len() - MAX_HEX_BYTES);
    }
    s
}

pub fn refs(ctx: &Ctx, block: u64) -> String {
    let ix = ctx.ix;
    let target = ix.head_of(block).unwrap_or(block);
    let mut s = String::new();
    let _ = writeln!(s, "references to {}", describe_block(ix, target));
    let list = mark::referrers(ctx.dump, ix, target);
    if list.is_empty() {
        s.push_str("  none\n");
    }
    for (src, v) in &list {
        let extra = match src {
            Source::Block { head, word, .. } => {
                let field = if ix.is_field(*head, *word) { ", pointer field" } else { "" };
                format!(" of {}{field}", describe_block(ix, *head))
            }
            _ => String::new(),
        };
        let _ = writeln!(s, "  {} = {v:#x}{extra}", src.describe());
    }
    s
}

pub fn path(ctx: &Ctx, block: u64) -> String {
    let ix = ctx.ix;
    let target = ix.head_of(block).unwrap_or(block);
    let mut s = String::new();
    match mark::path_to(ctx.dump, ix, target) {
        None => {
            let _ = writeln!(s, "{}: unreachable from the roots", describe_block(ix, target));
        }
        Some((src, hops)) => {
            let first = hops.first().map_or(target, |h| h.0);
            let _ = writeln!(s, "{} -> {}", src.describe(), describe_block(ix, first));
            for (i, &(h, w)) in hops.iter().enumerate() {
                let next = hops.get(i + 1).map_or(target, |n| n.0);
                let _ = writeln!(s, "  block {h} word {w} -> {}", describe_block(ix, next));
            }
        }
    }
    s
}
