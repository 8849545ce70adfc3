//! The built `heapdump` binary: every subcommand on synthetic dumps, and bad
//! input of every kind giving one line on stderr and a non-zero exit.

use heapdump::scenarios::{build, healthy, Scenario};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_heapdump");

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("heapdump-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exactly one line on stderr, naming the program, and the given exit code.
fn one_line_error(o: &Output, code: i32, needle: &str) {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {e}");
    assert_eq!(e.lines().count(), 1, "stderr: {e}");
    assert!(e.starts_with("heapdump: "), "{e}");
    assert!(e.contains(needle), "{e} lacks {needle:?}");
}

#[test]
fn every_subcommand_on_a_healthy_dump() {
    let (d, lm) = healthy(true);
    let p = write("healthy.heapdump", &d.to_bytes());
    let p = s(&p);
    let o = run(&["summary", p]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("x86-64"));
    let o = run(&["map", p]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("GC memory layout; from 0x7f0000100000:\n00000000: "));
    let o = run(&["map", p, "--from", "0x7f0000100000", "--to", "64"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
    let o = run(&["verify", p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("heap OK"));
    let list = format!("{:#x}", d.addr(lm.list));
    let o = run(&["show", p, &list]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("type list"));
    let text = format!("{:#x}", d.addr(lm.text));
    let o = run(&["refs", p, &text]);
    assert!(stdout(&o).contains("pointer field"));
    let o = run(&["path", p, &text]);
    assert!(stdout(&o).starts_with("root slot 0"));
    let o = run(&["diff", p]);
    assert!(stdout(&o).contains("freed: 1"), "{}", stdout(&o));
    let o = run(&["diff", p, p]);
    assert!(stdout(&o).contains("freed: 0"));
    let o = run(&["explain", p]);
    assert!(stdout(&o).contains("none (heap is healthy)"));
    let o = run(&["export", "--jsonl", p]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 12);
    let png = dir().join("h.png");
    let svg = dir().join("h.svg");
    let o = run(&["render", p, "--png", s(&png), "--svg", s(&svg)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn verify_exits_one_on_failures_and_explain_names_class() {
    let (d, _) = build(Scenario::MissedStackRange, false);
    let p = write("stack.heapdump", &d.to_bytes());
    let o = run(&["verify", s(&p)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("missed-by-marker: the reference marking reached block"));
    let o = run(&["explain", s(&p)]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Most likely bug class: missed stack range."), "{}", stdout(&o));
}

#[test]
fn bad_input_gives_one_line() {
    let o = run(&["summary", "/nonexistent/x.heapdump"]);
    one_line_error(&o, 2, "cannot read");
    let p = write("not-a-dump", b"hello world, this is not a heap dump");
    one_line_error(&run(&["summary", s(&p)]), 2, "not a upy heap dump");
    let p = write("empty", b"");
    one_line_error(&run(&["verify", s(&p)]), 2, "not a upy heap dump");
    let (mut d, _) = healthy(true);
    d.major = 3;
    let p = write("newer.heapdump", &d.to_bytes());
    one_line_error(&run(&["summary", s(&p)]), 2, "newer than this reader");
    let (d, _) = healthy(true);
    let p = write("ok.heapdump", &d.to_bytes());
    one_line_error(&run(&["show", s(&p), "0x10"]), 2, "outside the heap");
    one_line_error(&run(&["refs", s(&p), "zebra"]), 2, "not an address");
    one_line_error(&run(&["map", s(&p), "--from", "100", "--to", "10"]), 2, "after --to");
    one_line_error(&run(&["map", s(&p), "--to", "999999"]), 2, "outside the heap");
    one_line_error(&run(&["summary"]), 2, "required");
    one_line_error(&run(&["frobnicate"]), 2, "unrecognized subcommand");
    one_line_error(&run(&["summary", s(&p), "--bogus"]), 2, "--bogus");
}

#[test]
fn truncated_dumps_show_what_they_can_with_one_line() {
    let (d, _) = healthy(true);
    let bytes = d.to_bytes();
    for cut in [20usize, 100, 400, bytes.len() / 2, bytes.len() - 5] {
        let p = write(&format!("cut-{cut}.heapdump"), &bytes[..cut]);
        for cmd in ["summary", "verify", "map", "explain", "export", "diff"] {
            let args: Vec<&str> = if cmd == "export" { vec![cmd, "--jsonl", s(&p)] } else { vec![cmd, s(&p)] };
            let o = run(&args);
            let e = stderr(&o);
            assert!(!o.status.success(), "{cmd} on cut {cut}");
            assert_eq!(e.lines().count(), 1, "{cmd} on cut {cut}: {e}");
            assert!(!e.contains("panicked"), "{cmd} on cut {cut}: {e}");
        }
    }
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let p = write("large.heapdump", &heapdump::scenarios::large(2).to_bytes());
    for args in [vec!["export", "--jsonl", s(&p)], vec!["map", s(&p)]] {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}
