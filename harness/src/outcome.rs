//! Outcome classification and signatures.
//!
//! One run's raw result (exit, signal, deadline, captured output) becomes one
//! of the outcomes the design lists: pass, output differs, GC invariant
//! violated, crash, timeout, clean out-of-memory, harness error. Several runs
//! of one program are then compared with each other (`compare_runs`), which is
//! how "x86 and x64 disagree" or "torture changes the output" show up.
//!
//! A signature names a failure for de-duplication: its kind and check or
//! signal, the heap-dump analyzer's bug class when a dump exists, and the top
//! interpreter frames of a Rust backtrace below the panic/abort machinery when
//! stderr has one. Today's interpreters print no backtrace on a failed check,
//! so signatures are coarse (check + class); they sharpen by themselves once
//! frames appear, without changing the format.
//!
//! Invariant: classification looks only at the run's result and the expected
//! output, in a fixed order of precedence (harness error, timeout, failed
//! check, crash, out-of-memory, exit status, output), so the same evidence
//! always gives the same outcome.

use crate::sandbox::{signal_name, Exit, RunResult};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    Pass,
    /// The output is not the expected one (or runs disagree); `detail` says
    /// where and, across runs, which runs.
    OutputDiffers {
        detail: String,
    },
    /// A `gc-torture: <check>:` line on stderr.
    GcCheckFailed {
        check: String,
    },
    /// Death by a signal, or a Rust panic (`signal` is then "panic").
    Crash {
        signal: String,
    },
    Timeout,
    /// `MemoryError` (or `RecursionError`): the program hit the heap's or the
    /// stack's limit cleanly. Not a finding.
    OutOfMemory,
    HarnessError {
        detail: String,
    },
}

impl Outcome {
    /// The short column name used in tables and reports.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::OutputDiffers { .. } => "output-differs",
            Outcome::GcCheckFailed { .. } => "gc-check-failed",
            Outcome::Crash { .. } => "crash",
            Outcome::Timeout => "timeout",
            Outcome::OutOfMemory => "out-of-memory",
            Outcome::HarnessError { .. } => "harness-error",
        }
    }

    /// Pass and clean out-of-memory are the successes.
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Pass | Outcome::OutOfMemory)
    }

    /// A failure of the interpreter (rather than of the harness) worth saving.
    pub fn is_finding(&self) -> bool {
        !self.passed() && !matches!(self, Outcome::HarnessError { .. })
    }

    pub fn describe(&self) -> String {
        match self {
            Outcome::Pass | Outcome::Timeout | Outcome::OutOfMemory => self.name().to_string(),
            Outcome::OutputDiffers { detail } => format!("output differs: {detail}"),
            Outcome::GcCheckFailed { check } => format!("gc check failed: {check}"),
            Outcome::Crash { signal } => format!("crash: {signal}"),
            Outcome::HarnessError { detail } => format!("harness error: {detail}"),
        }
    }
}

/// What stderr says about the heap: failed checks in order, dump paths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StderrFacts {
    pub checks: Vec<String>,
    pub dumps: Vec<PathBuf>,
    pub panicked: bool,
    pub memory_error: bool,
    /// The top interpreter frames of a Rust backtrace, if one was printed.
    pub frames: Vec<String>,
}

/// A check name is a lower-case word with dashes: "missed-by-marker".
fn is_check_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads the torture machinery's lines (`gc-torture: <check>: ...`,
/// `<who>: heap dump written to PATH`), a panic, a `MemoryError` and a
/// backtrace out of stderr. Relative dump paths are taken from `cwd`.
pub fn parse_stderr(stderr: &str, cwd: Option<&Path>) -> StderrFacts {
    let mut f = StderrFacts::default();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("gc-torture: ") {
            if let Some((name, _)) = rest.split_once(": ") {
                if is_check_name(name) && !f.checks.iter().any(|c| c == name) {
                    f.checks.push(name.to_string());
                }
            }
        }
        if let Some(i) = line.find("heap dump written to ") {
            let p = PathBuf::from(line[i + "heap dump written to ".len()..].trim());
            let p = match cwd {
                Some(c) if p.is_relative() => c.join(p),
                _ => p,
            };
            if !f.dumps.contains(&p) {
                f.dumps.push(p);
            }
        }
        if line.starts_with("thread '") && line.contains("panicked") {
            f.panicked = true;
        }
        let t = line.trim_start();
        // Running out of heap or of recursion depth is a clean resource limit
        // (and depends on word size), not a bug.
        if t.starts_with("MemoryError") || t.starts_with("RecursionError") {
            f.memory_error = true;
        }
    }
    f.frames = backtrace_frames(stderr, 3);
    f
}

/// Frames that belong to the panic, abort, backtrace or runtime machinery,
/// not to the interpreter.
fn is_machinery(sym: &str) -> bool {
    const PREFIXES: [&str; 14] = [
        "std::",
        "core::",
        "alloc::",
        "rust_begin_unwind",
        "rust_panic",
        "__rust",
        "__libc",
        "__GI_",
        "abort",
        "raise",
        "_start",
        "main",
        "backtrace::",
        "<unknown>",
    ];
    PREFIXES.iter().any(|p| sym.starts_with(p)) || sym.starts_with("__") || sym.contains("::panicking::")
}

/// Strips a legacy mangling hash suffix (`::h0123456789abcdef`).
fn strip_hash(sym: &str) -> &str {
    match sym.rfind("::h") {
        Some(i) if sym.len() - i == 19 && sym[i + 3..].bytes().all(|b| b.is_ascii_hexdigit()) => &sym[..i],
        _ => sym,
    }
}

/// The first `n` interpreter frames of a Rust backtrace (`  N: symbol` lines).
pub fn backtrace_frames(stderr: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let t = line.trim_start();
        let Some((num, sym)) = t.split_once(": ") else { continue };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let sym = strip_hash(sym.trim());
        if sym.is_empty() || is_machinery(sym) {
            continue;
        }
        out.push(sym.to_string());
        if out.len() == n {
            break;
        }
    }
    out
}

/// Classifies one run. `expected` is the program's expected stdout, if known.
pub fn classify(result: &std::io::Result<RunResult>, expected: Option<&[u8]>) -> (Outcome, StderrFacts) {
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            return (
                Outcome::HarnessError { detail: format!("could not start the interpreter: {e}") },
                StderrFacts::default(),
            )
        }
    };
    let facts = parse_stderr(&r.stderr.text(), r.workdir.as_deref());
    let outcome = if r.timed_out || r.exit == Exit::Signal(libc::SIGXCPU) {
        Outcome::Timeout
    } else if let Some(c) = facts.checks.first() {
        Outcome::GcCheckFailed { check: c.clone() }
    } else if let Exit::Signal(s) = r.exit {
        Outcome::Crash { signal: signal_name(s) }
    } else if facts.panicked {
        Outcome::Crash { signal: "panic".into() }
    } else if facts.memory_error {
        Outcome::OutOfMemory
    } else if let Exit::Code(c @ 1..) | Exit::Code(c @ ..=-1) = r.exit {
        Outcome::OutputDiffers { detail: format!("exit status {c}: {}", first_line(&r.stderr.text())) }
    } else if r.stdout.truncated() {
        Outcome::OutputDiffers { detail: format!("output flooded: {} bytes", r.stdout.total) }
    } else {
        match expected.and_then(|e| first_difference(e, &r.stdout.bytes)) {
            Some(d) => Outcome::OutputDiffers { detail: d },
            None => Outcome::Pass,
        }
    };
    (outcome, facts)
}

fn first_line(s: &str) -> String {
    let l = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    l.chars().take(160).collect()
}

/// Where two outputs first differ ("line 3: expected 'a', got 'b'"), or `None`.
pub fn first_difference(expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    let e = String::from_utf8_lossy(expected);
    let g = String::from_utf8_lossy(got);
    let mut el = e.lines();
    let mut gl = g.lines();
    let mut n = 1;
    loop {
        match (el.next(), gl.next()) {
            (Some(a), Some(b)) if a == b => n += 1,
            (Some(a), Some(b)) => return Some(format!("line {n}: expected {}, got {}", clip(a), clip(b))),
            (Some(a), None) => return Some(format!("line {n}: expected {}, got end of output", clip(a))),
            (None, Some(b)) => return Some(format!("line {n}: expected end of output, got {}", clip(b))),
            (None, None) => return Some("the outputs differ in line endings or a final newline".into()),
        }
    }
}

fn clip(s: &str) -> String {
    let c: String = s.chars().take(60).collect();
    format!("{c:?}")
}

/// Compares the stdouts of several runs of one program (label, stdout) whose
/// outcomes were each a pass. Groups equal outputs; `Some` names the groups
/// when there is more than one.
pub fn compare_runs(runs: &[(String, Vec<u8>)]) -> Option<String> {
    let mut groups: Vec<(Vec<&str>, &[u8])> = Vec::new();
    for (label, out) in runs {
        match groups.iter_mut().find(|g| g.1 == out.as_slice()) {
            Some(g) => g.0.push(label),
            None => groups.push((vec![label], out)),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let names: Vec<String> = groups.iter().map(|g| format!("[{}]", g.0.join(", "))).collect();
    let diff = first_difference(groups[0].1, groups[1].1).unwrap_or_default();
    Some(format!("runs disagree: {} ({diff})", names.join(" vs ")))
}

/// The de-duplication key of a failing outcome: kind and check or signal,
/// then the dump analyzer's bug class, then the top frames, joined by " | ".
/// `None` for outcomes that are not findings.
pub fn signature(outcome: &Outcome, facts: &StderrFacts, bug_class: Option<&str>) -> Option<String> {
    let head = match outcome {
        Outcome::GcCheckFailed { check } => format!("check:{check}"),
        Outcome::Crash { signal } => format!("signal:{signal}"),
        Outcome::Timeout => "timeout".into(),
        Outcome::OutputDiffers { .. } => "output-differs".into(),
        _ => return None,
    };
    let mut parts = vec![head];
    if let Some(c) = bug_class {
        parts.push(format!("class:{c}"));
    }
    if !facts.frames.is_empty() {
        parts.push(facts.frames.join(" < "));
    }
    Some(parts.join(" | "))
}

/// A file-name-safe short form of a signature, for findings' directory names.
pub fn slug(signature: &str) -> String {
    let mut s: String =
        signature.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches('-');
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in signature.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    format!("{}-{:08x}", &s[..s.len().min(48)].trim_end_matches('-'), h as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::Captured;
    use std::time::Duration;

    fn result(exit: Exit, out: &str, err: &str) -> std::io::Result<RunResult> {
        Ok(RunResult {
            exit,
            timed_out: false,
            wall: Duration::ZERO,
            stdout: Captured { bytes: out.as_bytes().to_vec(), total: out.len() as u64 },
            stderr: Captured { bytes: err.as_bytes().to_vec(), total: err.len() as u64 },
            output_held_open: false,
            workdir: None,
        })
    }

    const CHECK: &str = "gc-torture: missed-by-marker: the reference marking reached block 451\n\
        gc-torture: 1 failed check(s) during reference marking after mark, before sweep\n\
        gc-torture: heap dump written to /tmp/d/upy-1-1.heapdump\n";

    #[test]
    fn failed_check() {
        let (o, f) = classify(&result(Exit::Signal(libc::SIGABRT), "", CHECK), None);
        assert_eq!(o, Outcome::GcCheckFailed { check: "missed-by-marker".into() });
        assert_eq!(f.dumps, vec![PathBuf::from("/tmp/d/upy-1-1.heapdump")]);
        assert_eq!(f.checks, vec!["missed-by-marker"]);
        assert_eq!(
            signature(&o, &f, Some("missed root in registers")).unwrap(),
            "check:missed-by-marker | class:missed root in registers"
        );
    }

    #[test]
    fn relative_dump_paths() {
        let f = parse_stderr("x: heap dump written to d/a.heapdump\n", Some(Path::new("/w")));
        assert_eq!(f.dumps, vec![PathBuf::from("/w/d/a.heapdump")]);
    }

    #[test]
    fn precedence() {
        let mut r = result(Exit::Signal(libc::SIGKILL), "", CHECK);
        r.as_mut().unwrap().timed_out = true;
        assert_eq!(classify(&r, None).0, Outcome::Timeout);
        assert_eq!(classify(&result(Exit::Signal(libc::SIGXCPU), "", ""), None).0, Outcome::Timeout);
        assert_eq!(
            classify(&result(Exit::Signal(libc::SIGSEGV), "", ""), None).0,
            Outcome::Crash { signal: "SIGSEGV".into() }
        );
        let oom = "Traceback (most recent call last):\nMemoryError: memory allocation failed\n";
        assert_eq!(classify(&result(Exit::Code(1), "", oom), Some(b"x\n")).0, Outcome::OutOfMemory);
        assert_eq!(classify(&result(Exit::Code(0), "1\n", ""), Some(b"1\n")).0, Outcome::Pass);
        assert!(matches!(classify(&result(Exit::Code(0), "1\n", ""), Some(b"2\n")).0, Outcome::OutputDiffers { .. }));
        assert!(matches!(classify(&result(Exit::Code(2), "", "bad\n"), None).0, Outcome::OutputDiffers { .. }));
        let e: std::io::Result<RunResult> = Err(std::io::Error::other("nope"));
        assert!(matches!(classify(&e, None).0, Outcome::HarnessError { .. }));
    }

    #[test]
    fn panic_with_backtrace_frames() {
        let err = "thread 'main' panicked at src/vm.rs:10:5:\nboom\nstack backtrace:\n   0: rust_begin_unwind\n   1: core::panicking::panic_fmt\n   2: upy::vm::run_frame::h0123456789abcdef\n             at ./src/vm.rs:10:5\n   3: upy::exec::exec\n   4: upy::main\n   5: std::rt::lang_start\n";
        let (o, f) = classify(&result(Exit::Code(101), "", err), None);
        assert_eq!(o, Outcome::Crash { signal: "panic".into() });
        assert_eq!(f.frames, vec!["upy::vm::run_frame", "upy::exec::exec", "upy::main"]);
        assert_eq!(signature(&o, &f, None).unwrap(), "signal:panic | upy::vm::run_frame < upy::exec::exec < upy::main");
    }

    #[test]
    fn differences() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nc\n").unwrap(), "line 2: expected \"b\", got \"c\"");
        assert_eq!(first_difference(b"a\n", b"a\n"), None);
        assert!(first_difference(b"a\n", b"a\nb\n").unwrap().contains("expected end of output"));
        let runs = vec![
            ("x64".to_string(), b"1\n".to_vec()),
            ("x86".to_string(), b"1\n".to_vec()),
            ("x86 torture".to_string(), b"2\n".to_vec()),
        ];
        let d = compare_runs(&runs).unwrap();
        assert!(d.contains("[x64, x86] vs [x86 torture]"), "{d}");
        assert_eq!(compare_runs(&runs[..2]), None);
    }

    #[test]
    fn slugs_are_safe_and_distinct() {
        let a = slug("check:missed-by-marker | class:missed root in registers");
        let b = slug("check:missed-by-marker | class:forgotten root-section slot");
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'), "{a}");
    }
}
