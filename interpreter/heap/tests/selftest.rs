//! Runs the `heap-selftest` binary (built with this test's profile and
//! features): the root-scanning self-test must pass clean, with collection at
//! every allocation and full verification where the build has gc-torture; and
//! with fault-injection, every fault must kill it by SIGABRT with a heap dump.
//! `skip-registers` and `short-stack-scan` can only show in optimised builds:
//! debug builds keep every value in a stack slot (so registers are never the
//! only holder) and their frames are so large that the workload's top-of-stack
//! pointers sit more than 32 words below the recorded top. They are required
//! under `--release` only — the configuration `ci/selftest.sh` runs on both
//! architectures.

use std::process::Command;

fn selftest(envs: &[(&str, &str)], dir: &std::path::Path) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_heap-selftest"));
    c.args(["--iterations", "3"]).env_clear().env("UPY_HEAPDUMP_DIR", dir);
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("run heap-selftest")
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("upy-heap-selftest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn clean_run_passes() {
    let dir = tempdir("clean");
    let torture: &[(&str, &str)] =
        if cfg!(feature = "gc-torture") { &[("UPY_GC_TORTURE", "every"), ("UPY_GC_VERIFY", "1")] } else { &[] };
    let out = selftest(torture, &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains(", 0 failures"), "{stdout}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no dump on a clean run");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_knobs_are_one_line_and_exit_2() {
    let dir = tempdir("bad");
    for (k, v) in [("UPY_GC_FAULT", "no-such-fault"), ("UPY_GC_TORTURE", "sometimes"), ("UPY_GC_VERIFY", "maybe")] {
        let out = selftest(&[(k, v)], &dir);
        assert_eq!(out.status.code(), Some(2), "{k}={v}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(v), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "fault-injection")]
#[test]
fn every_fault_is_caught_with_a_dump() {
    use std::os::unix::process::ExitStatusExt;
    for (_, name, _) in upy_heap::Fault::ALL {
        if matches!(name, "skip-registers" | "short-stack-scan") && cfg!(debug_assertions) {
            continue;
        }
        let dir = tempdir(name);
        let out = selftest(
            &[("UPY_GC_TORTURE", "every"), ("UPY_GC_VERIFY", "1"), ("UPY_GC_MARK_STACK", "16"), ("UPY_GC_FAULT", name)],
            &dir,
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.signal(), Some(6), "{name}: expected SIGABRT, got {:?}\n{err}", out.status);
        assert!(err.contains("heap dump written to"), "{name}: {err}");
        let dumps = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(dumps, 1, "{name}: one dump");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
