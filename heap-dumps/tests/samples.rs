//! Every subcommand on the real fault-injection sample dumps in `samples/`;
//! `explain` must name each fault's own bug class on both architectures.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heapdump");

const EXPECTED: [(&str, &str); 7] = [
    ("skip-registers", "missed root in registers"),
    ("forget-root", "forgotten root-section slot"),
    ("short-stack-scan", "missed stack range"),
    ("double-free", "double free"),
    ("tail-left-behind", "sweep error"),
    ("mark-overflow-drop", "mark-stack overflow drop"),
    ("early-finaliser", "finaliser on a live object"),
];

fn samples() -> Vec<(String, String, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out = Vec::new();
    for (fault, _) in EXPECTED {
        for arch in ["x86", "x64"] {
            let p = dir.join(format!("{fault}-{arch}.heapdump"));
            if p.exists() {
                out.push((fault.to_string(), arch.to_string(), p));
            }
        }
    }
    out
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(BIN).args(args).output().unwrap();
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn there_are_samples_for_both_architectures() {
    let s = samples();
    assert_eq!(s.iter().filter(|x| x.1 == "x86").count(), 7);
    assert_eq!(s.iter().filter(|x| x.1 == "x64").count(), 7);
}

#[test]
fn explain_names_each_fault() {
    for (fault, arch, p) in samples() {
        let want = EXPECTED.iter().find(|e| e.0 == fault).unwrap().1;
        let (code, out, err) = run(&["explain", p.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{fault}-{arch}: {err}");
        assert!(out.contains(&format!("Most likely bug class: {want}.")), "{fault}-{arch}:\n{out}");
        assert!(out.contains(&format!("injected fault '{fault}'")), "{fault}-{arch}:\n{out}");
    }
}

#[test]
fn every_subcommand_runs_on_every_sample() {
    let tmp = std::env::temp_dir().join(format!("heapdump-samples-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for (fault, arch, p) in samples() {
        let p = p.to_str().unwrap();
        let name = format!("{fault}-{arch}");
        let (code, out, err) = run(&["summary", p]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(out.contains(if arch == "x64" { "x86-64" } else { "x86 (i686)" }), "{name}");
        assert!(out.contains("gc-torture, fault-injection"), "{name}: {out}");
        assert!(out.contains(&format!("fault       {fault} (injected)")), "{name}");
        let (code, out, _) = run(&["verify", p]);
        assert_eq!(code, Some(1), "{name}: verify must fail:\n{out}");
        assert!(out.contains("heap FAILED"), "{name}");
        let (code, out, _) = run(&["map", p]);
        assert_eq!(code, Some(0));
        assert!(out.starts_with("GC memory layout; from 0x"), "{name}");
        let (code, out, _) = run(&["export", "--jsonl", p]);
        assert_eq!(code, Some(0));
        for line in out.lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
        let (code, out, err) = run(&["diff", p]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(out.contains("freed:"), "{name}");
        let png = tmp.join(format!("{name}.png"));
        let (code, _, err) = run(&["render", p, "--png", png.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{name}: {err}");
        // The failing block from the dump's own FAIL section, by address.
        let r = heapdump::read_file(std::path::Path::new(p)).unwrap();
        let f = r.dump.failures.iter().find(|f| f.block.is_some()).expect("a failure about a block");
        let addr = format!("{:#x}", f.block_addr);
        for cmd in ["show", "refs", "path"] {
            let (code, out, err) = run(&[cmd, p, &addr]);
            assert_eq!(code, Some(0), "{name} {cmd}: {err}");
            assert!(out.contains(&format!("block {}", f.block.unwrap())), "{name} {cmd}:\n{out}");
        }
    }
}

/// The heap keeps at most this many failures in a dump's FAIL section.
const HEAP_MAX_FAILURES: usize = 16;

#[test]
fn verify_agrees_with_the_recorded_failures() {
    for (fault, arch, p) in samples() {
        let r = heapdump::read_file(&p).unwrap();
        assert!(r.problems.is_empty(), "{fault}-{arch}: {:?}", r.problems);
        let rep = heapdump::verify::verify(&r.dump).unwrap();
        // The first failure's line word for word (the heap's prefix removed;
        // ours adds " = value" after a root).
        let ours: Vec<String> =
            rep.findings.iter().map(|f| f.message.split(" = 0x").next().unwrap().to_string()).collect();
        let first = r.dump.failures[0].message.trim_start_matches("gc-torture: ");
        let offline = |check: &str| check != "double-free" && check != "wild-free";
        if offline(&r.dump.failures[0].check) {
            assert!(ours.iter().any(|o| o == first), "{fault}-{arch}: first recorded line not found offline: {first}");
        }
        // Every failure the heap recorded that a dump can show is found offline,
        // by check and block...
        let ours_keys: Vec<(String, Option<u64>)> = rep.findings.iter().map(|f| (f.check.clone(), f.block)).collect();
        for rec in &r.dump.failures {
            if offline(&rec.check) {
                assert!(
                    ours_keys.contains(&(rec.check.clone(), rec.block)),
                    "{fault}-{arch}: recorded but not found offline: {}",
                    rec.message
                );
            }
        }
        // ...and, unless the heap's list was full, nothing more.
        if r.dump.failures.len() < HEAP_MAX_FAILURES {
            for (check, block) in &ours_keys {
                assert!(
                    r.dump.failures.iter().any(|x| &x.check == check && x.block == *block),
                    "{fault}-{arch}: found offline but not recorded: {check} {block:?}"
                );
            }
        }
    }
}

#[test]
fn diff_shows_the_block_the_sweep_would_free() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/skip-registers-x64.heapdump");
    let (code, out, _) = run(&["diff", p.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(out.contains("unmarked but still referenced: 1"), "{out}");
    assert!(out.contains("(shadow capture)"), "{out}");
}

#[test]
fn json_verdicts_for_tools() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/forget-root-x64.heapdump");
    let (code, out, _) = run(&["explain", "--json", p.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["class"], "forgotten root-section slot");
    assert_eq!(v["check"], "missed-by-marker");
    assert_eq!(v["fault"], "forget-root");
    assert!(v["address"].as_str().unwrap().starts_with("0x"));
    let (code, out, _) = run(&["verify", "--json", p.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["findings"].as_array().unwrap().len() > 16);
}
