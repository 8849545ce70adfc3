//! Every subcommand on the real fault-injection sample dumps in `samples/`;
//! `explain` must name each fault's own bug class on both architectures.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heapdump");

const EXPECTED: [(&str, &str); 6] = [
    ("skip-registers", "missed root in registers"),
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
    assert!(s.iter().filter(|x| x.1 == "x86").count() >= 5);
    assert!(s.iter().filter(|x| x.1 == "x64").count() >= 6);
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

#[test]
fn verify_agrees_with_the_recorded_failures() {
    for (fault, arch, p) in samples() {
        let r = heapdump::read_file(&p).unwrap();
        assert!(r.problems.is_empty(), "{fault}-{arch}: {:?}", r.problems);
        let rep = heapdump::verify::verify(&r.dump).unwrap();
        // Offline checks that the dump can show reproduce the heap's own lines.
        for f in &rep.findings {
            let line = format!("gc-torture: {}", f.message);
            let line = line.split(" = 0x").next().unwrap().to_string();
            assert!(
                r.dump.failures.iter().any(|x| x.message.starts_with(&line)),
                "{fault}-{arch}: offline finding not recorded by the heap: {}",
                f.message
            );
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
