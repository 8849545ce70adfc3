//! The gate's corpus stage with a stand-in `upy` (tests/standins/upy-standin.sh):
//! one row per (architecture, torture mode), one failing row per failing
//! program, slow runs noted rather than failed, and a hang failed by the
//! per-run timeout. The heap stages get a prebuilt binary with
//! no faults asked, so no release build is needed.

use gctorture::build::Builder;
use gctorture::gate;
use gctorture::interp::Arch;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn standin() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/standins/upy-standin.sh")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gctorture-gate-upy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn program(dir: &Path, name: &str, first_line: &str) {
    std::fs::write(dir.join(format!("{name}.py")), format!("{first_line}\nprint('{name}')\n")).unwrap();
    std::fs::write(dir.join(format!("{name}.py.exp")), format!("{name}\n")).unwrap();
}

fn options(root: &Path, corpus: &Path) -> gate::Options {
    let mut o = gate::Options::new(root.join("out"));
    o.archs = vec![Arch::X64, Arch::X86];
    o.prebuilt = vec![(Arch::X64, PathBuf::from("/bin/true")), (Arch::X86, PathBuf::from("/bin/true"))];
    o.faults = vec![];
    o.corpus = vec![corpus.to_path_buf()];
    o.upy = vec![(Arch::X64, standin()), (Arch::X86, standin())];
    o.corpus_timeout = Duration::from_secs(3);
    o.jobs = 4;
    o
}

#[test]
fn corpus_stage_rows_and_notes() {
    let root = scratch("corpus");
    let corpus = root.join("corpus");
    std::fs::create_dir_all(corpus.join("data/pkg")).unwrap();
    program(&corpus, "a", "# standin: pass");
    program(&corpus, "b", "# standin: pass");
    // A module beside the programs (no .exp): not a program, but copied along.
    std::fs::write(corpus.join("data/pkg/mod.py"), "# standin: wrong\n").unwrap();
    let builder = Builder::new(&root);
    let mut o = options(&root, &corpus);
    o.slow = Duration::ZERO;
    let r = gate::run(&builder, &o, &|_| {});
    let corpus_rows: Vec<_> = r.rows.iter().filter(|r| r.stage == "corpus").collect();
    assert_eq!(corpus_rows.len(), 4, "{}", r.table());
    assert!(corpus_rows.iter().all(|r| r.passed && r.detail.starts_with("2 programs, 0 failed")), "{}", r.table());
    assert!(r.notes.iter().any(|n| n.contains("slower than 0s (not a failure)")), "{:?}", r.notes);
    assert!(r.notes.iter().any(|n| n.starts_with("corpus: 2 programs, 8 runs, 2 passed")), "{:?}", r.notes);
    assert!(r.not_yet.contains(&gate::EXT_FUZZ));
    assert!(!r.not_yet.contains(&gate::EXT_CORPUS));

    // A wrong output and a hang: one failing row each, named by program.
    program(&corpus, "c", "# standin: torture");
    program(&corpus, "d", "# standin: hang");
    let o = options(&root, &corpus);
    let r = gate::run(&builder, &o, &|_| {});
    let failing: Vec<_> = r.rows.iter().filter(|r| r.stage == "corpus" && r.arch == "-").collect();
    let names: Vec<&str> = failing.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(names, ["c.py", "d.py"], "{}", r.table());
    assert!(failing[1].detail.contains("timeout"), "{:?}", failing[1]);
    assert!(!r.passed());
    std::fs::remove_dir_all(&root).unwrap();
}
