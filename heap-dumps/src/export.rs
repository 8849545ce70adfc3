//! `heapdump export --jsonl`: one JSON object a line, in the shape of Ruby's
//! `ObjectSpace.dump_all` (root lines first, then one line per allocation with
//! address, type, size and references), so `jq` works on it.
//!
//! Invariant: every line is a complete JSON object; addresses are strings
//! `"0x…"` (JSON numbers lose precision above 2^53).

use crate::index::{Index, Rule};
use crate::mark::{roots, Source};
use crate::model::Dump;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

fn hex(v: u64) -> String {
    format!("{v:#x}")
}

pub fn export_jsonl(dump: &Dump, out: &mut dyn Write) -> Result<(), String> {
    match export_inner(dump, out) {
        Err(e) if e.is_empty() => Ok(()),
        r => r,
    }
}

fn export_inner(dump: &Dump, out: &mut dyn Write) -> Result<(), String> {
    let heap = dump.heap().ok_or("the dump holds no ATB and POOL: nothing to export")?;
    let ix = Index::new(dump, heap);
    let mut root_groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (src, v) in roots(dump) {
        let Some((_, Some(h))) = ix.target(v, src.rule()) else {
            continue;
        };
        let group = match &src {
            Source::RootSlot { .. } => "root_section".to_string(),
            Source::Register { set, .. } => format!("registers:{set}"),
            Source::Stack { .. } => "stack".to_string(),
            Source::Block { .. } => continue,
        };
        root_groups.entry(group).or_default().push(hex(heap.block_addr(h)));
    }
    // A reader that went away (`| head`) is not an error: stop quietly.
    let w = |out: &mut dyn Write, v: Value| match writeln!(out, "{v}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(String::new()),
        r => r.map_err(|e| format!("cannot write: {e}")),
    };
    for (root, mut refs) in root_groups {
        refs.dedup();
        w(out, json!({"type": "ROOT", "root": root, "references": refs}))?;
    }
    for (head, len) in heap.allocations() {
        let mut refs: Vec<String> = Vec::new();
        for (_, v) in ix.words(head) {
            if let Some((_, Some(t))) = ix.target(v, Rule::Exact) {
                refs.push(hex(heap.block_addr(t)));
            }
        }
        let typed = ix.type_of(head);
        if let Some(t) = typed {
            // Typed objects list only their pointer fields, as the verifier reads them.
            refs = ix
                .words(head)
                .filter(|&(w, _)| w > 0 && t.is_pointer_field(w))
                .filter_map(|(_, v)| ix.target(v, Rule::Exact).and_then(|(_, h)| h))
                .map(|h| hex(heap.block_addr(h)))
                .collect();
        }
        let size = len * heap.block_size;
        w(
            out,
            json!({
                "address": hex(heap.block_addr(head)),
                "block": head,
                "type": ix.type_name(head),
                "kind": ix.kind(head).name(),
                "size": size,
                "memsize": size,
                "blocks": len,
                "finaliser": heap.ftb(head),
                "references": refs,
            }),
        )?;
    }
    Ok(())
}
