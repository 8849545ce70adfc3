//! `gctorture run`, `replay` and `reduce` end to end, with a stand-in
//! interpreter (tests/standins/upy-standin.sh) that passes, prints the wrong
//! output, hangs, floods, forks, allocates without bound, writes files, fails
//! a heap check or dies by a signal, as each program asks. The harness must
//! classify each correctly and never be taken down.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn standin() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/standins/upy-standin.sh")
}

fn gctorture() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gctorture"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gctorture-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes `name.py` (first line: the behaviour) and `name.py.exp`.
fn program(dir: &Path, name: &str, behaviour: &str) {
    std::fs::write(dir.join(format!("{name}.py")), format!("# standin: {behaviour}\nprint('{name}')\n")).unwrap();
    std::fs::write(dir.join(format!("{name}.py.exp")), format!("{name}\n")).unwrap();
}

fn run_json(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let json = dir.join("report.json");
    let junit = dir.join("report.xml");
    let mut cmd = gctorture();
    cmd.arg("run")
        .arg(dir.join("corpus"))
        .arg("--interpreter")
        .arg(format!("x64={}", standin().display()))
        .arg("--interpreter")
        .arg(format!("x86={}", standin().display()))
        .args(["--timeout", "3", "--memory", "256", "--progress", "never", "--json"])
        .arg(&json)
        .arg("--junit")
        .arg(&junit)
        .args(extra);
    let out = cmd.output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    (out.status.code().unwrap_or(-1), v, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn verdicts(v: &serde_json::Value) -> Vec<(String, String, String)> {
    v["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = Path::new(p["program"].as_str().unwrap()).file_stem().unwrap().to_string_lossy().into_owned();
            (name, p["verdict"].as_str().unwrap().to_string(), p["detail"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn a_clean_corpus_passes() {
    let d = scratch("clean");
    let c = d.join("corpus");
    std::fs::create_dir_all(c.join("sub")).unwrap();
    program(&c, "a", "pass");
    program(&c.join("sub"), "b", "pass");
    program(&c, "oom", "memoryerror");
    program(&c, "forks", "fork");
    program(&c, "writes", "write");
    // A module without .exp is not a program.
    std::fs::write(c.join("helper.py"), "# standin: wrong\n").unwrap();
    let (code, v, stdout) = run_json(&d, &[]);
    assert_eq!(code, 0, "{stdout}");
    let vs = verdicts(&v);
    assert_eq!(vs.len(), 5, "{vs:?}");
    assert!(vs.iter().all(|p| p.1 == "pass"), "{vs:?}");
    // 5 programs x 2 builds x torture on/off.
    assert_eq!(v["runs"], 20);
    assert!(stdout.contains("5 passed, 0 failed"), "{stdout}");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn misbehaving_interpreters_are_classified() {
    let d = scratch("bad");
    let c = d.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    let cases = [
        ("ok", "pass", "pass"),
        ("wrong", "wrong", "output-differs"),
        ("torture", "torture", "output-differs"),
        ("hang", "hang", "timeout"),
        ("flood", "flood", "output-differs"),
        ("alloc", "alloc", "output-differs"),
        ("gccheck", "gccheck", "gc-check-failed"),
        ("segv", "segv", "crash"),
        ("abrt", "abrt", "crash"),
        ("bus", "bus", "crash"),
        ("fpe", "fpe", "crash"),
        ("ill", "ill", "crash"),
        ("kill", "kill", "crash"),
    ];
    for (name, behaviour, _) in cases {
        program(&c, name, behaviour);
    }
    let findings = d.join("findings");
    let t = Instant::now();
    let (code, v, stdout) = run_json(&d, &["--findings", findings.to_str().unwrap(), "--jobs", "4"]);
    assert_eq!(code, 1, "{stdout}");
    // The hangs are bounded by the timeout, not the harness's patience.
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
    let vs = verdicts(&v);
    for (name, _, want) in cases {
        let got = vs.iter().find(|p| p.0 == name).unwrap_or_else(|| panic!("{name} missing: {vs:?}"));
        assert_eq!(got.1, want, "{name}: {}", got.2);
    }
    let detail = |n: &str| vs.iter().find(|p| p.0 == n).unwrap().2.clone();
    // Torture changed the output: the runs that disagree are named.
    let t = detail("torture");
    assert!(t.contains("torture=every"), "{t}");
    assert!(detail("segv").contains("SIGSEGV"), "{}", detail("segv"));
    assert!(detail("fpe").contains("SIGFPE"));
    assert!(detail("gccheck").contains("dangling-field"));
    assert!(detail("flood").contains("flooded"), "{}", detail("flood"));
    // Findings: one directory per signature, each with the program and a replay line.
    let list = gctorture().arg("findings").arg(&findings).output().unwrap();
    let text = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(text.contains("signal:SIGSEGV"), "{text}");
    assert!(text.contains("check:dangling-field"), "{text}");
    assert!(text.contains("timeout"), "{text}");
    let segv = std::fs::read_dir(&findings)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("sigsegv"))
        .unwrap();
    assert!(segv.join("segv.py").is_file());
    let rec: serde_json::Value = serde_json::from_slice(&std::fs::read(segv.join("record.json")).unwrap()).unwrap();
    assert!(rec["replay"].as_str().unwrap().starts_with("gctorture replay "));
    // Two builds x two torture modes gave the same signature: saved once.
    assert_eq!(rec["duplicates"], 3, "{rec}");
    let r = gctorture().arg("replay").arg(&segv).output().unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stdout));
    assert!(String::from_utf8_lossy(&r.stdout).starts_with("reproduced: signal:SIGSEGV"));
    // No half-written finding is left behind.
    assert!(std::fs::read_dir(&findings).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".tmp")));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn reduce_keeps_the_signature() {
    let d = scratch("reduce");
    let f = d.join("big.py");
    let mut text = String::new();
    for i in 0..30 {
        text.push_str(&format!("x{i} = [{i}] * 3\n"));
        if i == 17 {
            text.push_str("boom()\n");
        }
    }
    std::fs::write(&f, &text).unwrap();
    let out = gctorture()
        .arg("reduce")
        .arg(&f)
        .arg("--interpreter")
        .arg(format!("x64={}", standin().display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(d.join("big.py.min")).unwrap(), "boom()\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains("signal:SIGSEGV"));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn bad_arguments_are_one_line_and_exit_2() {
    for args in [
        vec!["--bogus"],
        vec!["gate", "--arch", "arm"],
        vec!["gate", "--interpreter", "nonsense"],
        vec!["gate", "--fault", "no-such-fault", "--interpreter", "x64=/bin/true", "--arch", "x64"],
        vec!["run", "/nonexistent/corpus", "--interpreter", "x64=/bin/true"],
        vec!["run", "--torture", "sometimes"],
        vec!["replay", "/nonexistent/finding"],
        vec!["frobnicate"],
        vec![],
    ] {
        let out = gctorture().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("gctorture: "), "{args:?}: {err}");
    }
    let out = gctorture().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}
