//! One entry point that reads arbitrary bytes as a dump and runs every
//! analysis on it, for the libFuzzer target in `fuzz/` and the proptests: the
//! glue stays a few lines and both exercise exactly the same code.
//!
//! Invariant: returns normally for every input; a panic here is a bug.

use crate::index::Index;
use crate::{blockmap, diff, explain, export, inspect, read_bytes, render, summary, verify};

pub fn run_all(data: &[u8]) {
    let Ok(r) = read_bytes(data.to_vec()) else { return };
    let d = &r.dump;
    let _ = summary::summary(d, &r.problems);
    let _ = blockmap::map(d, None, None);
    let _ = verify::verify(d).map(|rep| verify::render(&rep, &r.problems));
    let _ = explain::explain(d);
    let _ = export::export_jsonl(d, &mut std::io::sink());
    if let Ok(p) = render::picture(d) {
        let _ = render::svg(&p, &mut std::io::sink());
    }
    if let (Some(a), Some(b)) = (d.heap_before(), d.heap()) {
        let _ = diff::diff(d, a, d, b);
    }
    if let Some(h) = d.heap() {
        let ix = Index::new(d, h);
        let ctx = inspect::Ctx { dump: d, ix: &ix, symbols: None };
        let decoders = inspect::Decoders::default();
        for b in [0, h.n_blocks / 2, h.n_blocks.saturating_sub(1)] {
            if b < h.n_blocks {
                let _ = inspect::show(&ctx, &decoders, b);
                let _ = inspect::refs(&ctx, b);
                let _ = inspect::path(&ctx, b);
            }
        }
    }
}
