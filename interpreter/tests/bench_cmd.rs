//! The `upy-bench` command's argument handling and output shape, against a
//! tiny program in a scratch directory. Timings are never asserted.

use std::path::PathBuf;
use std::process::{Command, Output};

const BENCH: &str = env!("CARGO_BIN_EXE_upy-bench");
const UPY: &str = env!("CARGO_BIN_EXE_upy");

/// A scratch directory holding `tiny.py`, unique to the test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("upy-bench-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("tiny.py"), "print(sum(range(10)))\nprint('done')\n").unwrap();
    d
}

fn bench(args: &[&str]) -> Output {
    Command::new(BENCH).args(args).output().expect("run upy-bench")
}

fn stderr_line(o: &Output) -> String {
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(e.starts_with("upy-bench: "), "{e}");
    e
}

fn have_python() -> bool {
    Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn table_and_json_for_a_tiny_program() {
    if !have_python() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let d = scratch("ok");
    let json = d.join("out.json");
    let o = bench(&[
        "--upy",
        UPY,
        "--runs",
        "2",
        "--dir",
        d.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--clock",
        "cpu",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}\n{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].contains("runs: 2") && lines[0].contains("clock: cpu"), "{out}");
    assert_eq!(lines[1].split_whitespace().collect::<Vec<_>>(), ["program", "upy", "s", "python3", "s", "ratio"]);
    let row: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(row.len(), 4, "{out}");
    assert_eq!(row[0], "tiny");
    for v in &row[1..] {
        assert!(v.parse::<f64>().is_ok(), "{v} in {out}");
    }
    assert!(lines[3].starts_with("geometric mean"), "{out}");
    let j = std::fs::read_to_string(&json).unwrap();
    for key in
        ["\"name\": \"tiny\"", "\"upy_wall_s\"", "\"python_cpu_s\"", "\"ratio\"", "\"geomean_ratio\"", "\"runs\": 2"]
    {
        assert!(j.contains(key), "{key} missing in {j}");
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn filter_that_matches_nothing_is_an_error() {
    let d = scratch("filter");
    let o = bench(&["--upy", UPY, "--dir", d.to_str().unwrap(), "--filter", "nomatch"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_line(&o).contains("no programs matching 'nomatch'"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn different_output_is_an_error_not_a_time() {
    // `echo` stands in for CPython: it "runs" the program by printing its name.
    let d = scratch("mismatch");
    let o = bench(&["--upy", UPY, "--python", "echo", "--runs", "1", "--dir", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr_line(&o);
    assert!(e.contains("tiny: output differs from python's: line 1"), "{e}");
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn missing_binaries_and_bad_usage() {
    let o = bench(&["--upy", "/nonexistent/upy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_line(&o).contains("'/nonexistent/upy' not found"));

    let o = bench(&["--upy", UPY, "--python", "/nonexistent/python3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_line(&o).contains("cannot run '/nonexistent/python3'"));

    for bad in [&["--runs", "0"][..], &["--clock", "sundial"], &["--frobnicate"], &["--json"], &["--timeout", "-1"]] {
        let o = bench(bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(stderr_line(&o).lines().nth(1).is_some_and(|l| l.starts_with("usage: upy-bench")), "{bad:?}");
    }
    let o = bench(&["--help"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).starts_with("usage: upy-bench"));
}
