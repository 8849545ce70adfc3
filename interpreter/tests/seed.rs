//! The seed scenario (issue 5, item 6): `corpora/seed/flt_hex_exec.py`, its
//! 20,000 `exec` calls checked against CPython's output, under collection at
//! every allocation plus full heap verification when built with `gc-torture`.
//!
//! A debug torture build needs about twenty minutes for it, so the corpus
//! runner skips `corpora/seed/` in debug torture builds and this test runs it
//! in release builds instead (ignored in debug builds):
//!
//!   cargo test -p upy --release --features gc-torture --test seed
//!
//! Without `gc-torture` it runs with torture off; the elapsed time is printed.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug builds: run with --release (see the file comment)")]
fn seed_flt_hex_exec_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora/seed");
    let torture = cfg!(feature = "gc-torture");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_upy"));
    cmd.arg("-X").arg(if torture { "heapsize=512k" } else { "heapsize=8M" }).arg("flt_hex_exec.py");
    cmd.current_dir(&dir);
    if torture {
        cmd.env("UPY_GC_TORTURE", "every").env("UPY_GC_VERIFY", "1");
    } else {
        cmd.env_remove("UPY_GC_TORTURE").env_remove("UPY_GC_VERIFY");
    }
    let t0 = Instant::now();
    let out = cmd.output().expect("run upy");
    let secs = t0.elapsed().as_secs_f64();
    eprintln!("seed: flt_hex_exec.py in {secs:.1} s ({})", if torture { "torture + verify" } else { "torture off" });
    let exp = std::fs::read(dir.join("flt_hex_exec.py.exp")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&exp),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
