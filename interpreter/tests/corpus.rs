//! Runs every program under `corpora/` (except `corpora/fuzz-seeds` style
//! folders without `.exp` files) with the `upy` binary and compares its
//! stdout with the CPython-generated `name.py.exp`. Built with `gc-torture`,
//! each program runs with collection before every allocation and full
//! verification after every collection, on a small heap (`UPY_CORPUS_HEAP`,
//! default 512k) so the per-allocation collection stays cheap.
//!
//! `corpora/seed/` is skipped in debug torture builds (`tests/seed.rs` runs
//! it in release). A mismatch leaves `name.py.out` beside the `.exp` to diff (as
//! MicroPython's test runner does). `UPY_CORPUS_FILTER=substr` runs a subset.

use std::path::{Path, PathBuf};
use std::process::Command;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") && p.with_extension("py.exp").exists() {
            out.push(p);
        }
    }
}

#[test]
fn corpus_matches_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora");
    let mut progs = Vec::new();
    collect(&root, &mut progs);
    let filter = std::env::var("UPY_CORPUS_FILTER").ok();
    let torture = cfg!(feature = "gc-torture");
    let heap = std::env::var("UPY_CORPUS_HEAP").unwrap_or_else(|_| if torture { "512k".into() } else { "8M".into() });
    let mut failures = Vec::new();
    let mut ran = 0;
    for p in &progs {
        if let Some(f) = &filter {
            if !p.to_string_lossy().contains(f.as_str()) {
                continue;
            }
        }
        // The seed scenario takes ~20 min in a debug torture build: tests/seed.rs
        // runs it under torture in release builds instead.
        if torture && cfg!(debug_assertions) && p.starts_with(root.join("seed")) {
            eprintln!("corpus: skipping {} in a debug torture build (see tests/seed.rs)", p.display());
            continue;
        }
        ran += 1;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_upy"));
        cmd.arg("-X").arg(format!("heapsize={heap}")).arg(p.file_name().unwrap());
        cmd.current_dir(p.parent().unwrap());
        if torture {
            cmd.env("UPY_GC_TORTURE", "every").env("UPY_GC_VERIFY", "1");
        } else {
            cmd.env_remove("UPY_GC_TORTURE").env_remove("UPY_GC_VERIFY");
        }
        let out = cmd.output().expect("run upy");
        let exp = std::fs::read(p.with_extension("py.exp")).unwrap();
        let outp = p.with_extension("py.out");
        if out.stdout == exp {
            let _ = std::fs::remove_file(&outp);
        } else {
            let _ = std::fs::write(&outp, &out.stdout);
            let err = String::from_utf8_lossy(&out.stderr);
            let tail: Vec<&str> = err.lines().rev().take(4).collect();
            failures.push(format!(
                "{} (exit {:?}): {}",
                p.strip_prefix(&root).unwrap_or(p).display(),
                out.status.code(),
                tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    eprintln!(
        "corpus: {} of {ran} programs match CPython ({}, heap {heap})",
        ran - failures.len(),
        if torture { "gc-torture: collect every allocation + verify" } else { "torture off" }
    );
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
