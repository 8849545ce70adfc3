//! Snapshot tests of the disassembler: every `snapshots/NAME.py` is compiled
//! and its `--dis` text compared with `snapshots/NAME.dis`. Set
//! `UPY_UPDATE_SNAPSHOTS=1` to (re)write the expected files; a mismatch
//! leaves `NAME.dis.new` beside the expected file to diff.

mod common;

use std::path::Path;

#[test]
fn disassembly_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPY_UPDATE_SNAPSHOTS").is_some();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "snapshot programs missing");
    let mut vm = common::vm(4 << 20);
    let mut failed = Vec::new();
    for py in &names {
        let src = std::fs::read(py).unwrap();
        let got = match common::compile_text(&mut vm, &src, upy::Mode::Exec) {
            Ok(t) => t,
            Err(e) => format!("error: {e}\n"),
        };
        let exp_path = py.with_extension("dis");
        let new_path = py.with_extension("dis.new");
        if update {
            std::fs::write(&exp_path, &got).unwrap();
            continue;
        }
        let exp = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if exp != got {
            std::fs::write(&new_path, &got).unwrap();
            failed.push(py.file_name().unwrap().to_string_lossy().to_string());
        } else {
            let _ = std::fs::remove_file(&new_path);
        }
    }
    assert!(failed.is_empty(), "snapshots differ (see tests/snapshots/*.dis.new): {failed:?}");
}
