//! `gctorture fuzz` end to end, with CPython both as the oracle and (through
//! a wrapper) as the interpreter under test: a clean campaign has no finding;
//! a wrapper that dies by SIGSEGV on any program defining a class gives one
//! de-duplicated, minimised finding; shards and resume follow the state file.
//! Skipped, with a message, where no `python3` is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> Option<PathBuf> {
    let out = Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.is_file().then_some(p)
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gctorture-fuzz-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fuzz(interp: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_gctorture"))
        .arg("fuzz")
        .arg("--interpreter")
        .arg(format!("x64={}", interp.display()))
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}

/// A campaign killed with SIGKILL while it finds things loses nothing it had
/// saved: every finding directory is whole, and `--resume` carries on.
#[test]
fn a_killed_campaign_keeps_its_findings() {
    let Some(py) = python() else {
        eprintln!("skipped: no python3 on this machine");
        return;
    };
    let d = scratch("kill");
    let wrapper = d.join("crashy.sh");
    // Every program crashes, after a pause, so findings keep coming.
    std::fs::write(
        &wrapper,
        format!("#!/bin/sh\n{} -c 'import time; time.sleep(0.05)'\nkill -SEGV $$\n", py.display()),
    )
    .unwrap();
    let mut perm = std::fs::metadata(&wrapper).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(&wrapper, perm).unwrap();
    let out = d.join("camp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gctorture"))
        .args(["fuzz", "--duration", "60", "--oracle", "none", "--reduce-tests", "0", "--out"])
        .arg(&out)
        .arg("--interpreter")
        .arg(format!("x64={}", wrapper.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !out.join("state.json").exists() && start.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    let dirs: Vec<PathBuf> = std::fs::read_dir(out.join("findings")).unwrap().map(|e| e.unwrap().path()).collect();
    let whole: Vec<&PathBuf> =
        dirs.iter().filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.')).collect();
    assert_eq!(whole.len(), 1, "{dirs:?}");
    let rec: serde_json::Value = serde_json::from_slice(&std::fs::read(whole[0].join("record.json")).unwrap()).unwrap();
    assert_eq!(rec["signature"], "signal:SIGSEGV");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("state.json")).unwrap()).unwrap();
    let done = state["done"].as_u64().unwrap();
    assert!(done >= 1);
    let (code, text) = fuzz(&wrapper, &out, &["--count", "2", "--oracle", "none", "--reduce-tests", "0", "--resume"]);
    assert_eq!(code, 1, "{text}");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("state.json")).unwrap()).unwrap();
    assert_eq!(state["done"].as_u64().unwrap(), done + 2);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn campaigns() {
    let Some(py) = python() else {
        eprintln!("skipped: no python3 (oracle and stand-in interpreter) on this machine");
        return;
    };
    let d = scratch("c");

    // Clean: CPython against itself.
    let (code, text) = fuzz(&py, &d.join("clean"), &["--count", "12", "--seed", "5"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("12 programs"), "{text}");
    assert!(text.contains("0 findings"), "{text}");
    assert!(text.contains("100% ran to completion"), "{text}");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(d.join("clean/state.json")).unwrap()).unwrap();
    assert_eq!(state["done"], 12);

    // Resume continues after the finished prefix.
    let (code, text) = fuzz(&py, &d.join("clean"), &["--count", "3", "--seed", "5", "--resume"]);
    assert_eq!(code, 0, "{text}");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(d.join("clean/state.json")).unwrap()).unwrap();
    assert_eq!(state["done"], 15);
    let (code, text) = fuzz(&py, &d.join("clean"), &["--count", "3", "--seed", "6", "--resume"]);
    assert_eq!(code, 2, "{text}");

    // A buggy interpreter: dies by SIGSEGV on any program that defines a class.
    let wrapper = d.join("crashy.sh");
    std::fs::write(
        &wrapper,
        format!("#!/bin/sh\nfor a; do prog=$a; done\nif grep -q '^class ' \"$prog\"; then kill -SEGV $$; fi\nexec {} \"$@\"\n", py.display()),
    )
    .unwrap();
    let mut perm = std::fs::metadata(&wrapper).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(&wrapper, perm).unwrap();
    let (code, text) = fuzz(&wrapper, &d.join("crashy"), &["--count", "16", "--seed", "1", "--reduce-tests", "60"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("1 distinct signatures"), "{text}");
    let findings: Vec<PathBuf> =
        std::fs::read_dir(d.join("crashy/findings")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    let rec: serde_json::Value = serde_json::from_slice(&std::fs::read(f.join("record.json")).unwrap()).unwrap();
    assert_eq!(rec["signature"], "signal:SIGSEGV");
    assert_eq!(rec["seed"], 1);
    assert!(rec["knobs"]["verify"].as_bool().unwrap());
    for m in rec["modules"].as_array().unwrap() {
        assert!(f.join(m.as_str().unwrap()).is_file(), "{m}");
    }
    let r = Command::new(env!("CARGO_BIN_EXE_gctorture")).arg("replay").arg(f).output().unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stdout));
    let min = std::fs::read_to_string(f.join("minimised.py")).unwrap();
    assert!(min.lines().count() <= 2 && min.starts_with("class "), "{min}");

    // Two interpreters that disagree, with no oracle: the odd one out is a finding.
    let chatty = d.join("chatty.sh");
    std::fs::write(&chatty, format!("#!/bin/sh\n{} \"$@\"; rc=$?; echo extra; exit $rc\n", py.display())).unwrap();
    std::fs::set_permissions(&chatty, std::fs::metadata(&wrapper).unwrap().permissions()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gctorture"))
        .args(["fuzz", "--count", "2", "--oracle", "none", "--out"])
        .arg(d.join("disagree"))
        .arg("--interpreter")
        .arg(format!("x64={}", py.display()))
        .arg("--interpreter")
        .arg(format!("x86={}", chatty.display()))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let n = std::fs::read_dir(d.join("disagree/findings")).unwrap().count();
    assert_eq!(n, 2, "one finding per program");

    // Shards split the indices: 0/2 and 1/2 together are the whole campaign.
    let (_, a) = fuzz(&py, &d.join("s0"), &["--count", "2", "--shard", "0/2", "--oracle", "none"]);
    let (_, b) = fuzz(&py, &d.join("s1"), &["--count", "2", "--shard", "1/2", "--oracle", "none"]);
    assert!(a.contains("shard 0/2: 2 programs") && b.contains("shard 1/2: 2 programs"), "{a}\n{b}");
    std::fs::remove_dir_all(d).unwrap();
}
