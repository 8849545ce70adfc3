//! The `gc` and `micropython` modules from outside: `mem_info`'s text layout
//! (address-dependent, so checked by shape here rather than in the corpus),
//! its block map against the map the `heapdump` tool draws from a dump taken
//! at the same moment, `gc.dump` writing a complete dump atomically,
//! `gc.threshold` causing collections, and `heap_lock`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const UPY: &str = env!("CARGO_BIN_EXE_upy");

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("upy-gc-modules-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn run(src: &str, heap: &str) -> Output {
    // One file per call: the tests run on parallel threads of one process.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let p = tmp(&format!("prog-{n}.py"));
    std::fs::write(&p, src).unwrap();
    let out = Command::new(UPY)
        .arg("-X")
        .arg(format!("heapsize={heap}"))
        .arg(&p)
        .env_remove("UPY_GC_TORTURE")
        .env_remove("UPY_GC_VERIFY")
        .output()
        .unwrap();
    assert!(out.status.success(), "upy failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The `heapdump` binary of the same build, when the workspace built it.
fn heapdump() -> Option<PathBuf> {
    let p = Path::new(UPY).parent()?.join("heapdump");
    p.exists().then_some(p)
}

fn num(s: &str) -> usize {
    s.trim().parse().unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

/// Checks the three summary lines; returns (total, used, free).
fn check_summary(lines: &[&str]) -> (usize, usize, usize) {
    let stack = lines[0].strip_prefix("stack: ").expect(lines[0]);
    let (used, limit) = stack.split_once(" out of ").expect(lines[0]);
    assert!(num(used) > 0 && num(used) < num(limit), "{}", lines[0]);
    let gc = lines[1].strip_prefix("GC: total: ").expect(lines[1]);
    let parts: Vec<&str> = gc.split(", ").collect();
    assert_eq!(parts.len(), 3, "{}", lines[1]);
    let total = num(parts[0]);
    let used = num(parts[1].strip_prefix("used: ").unwrap());
    let free = num(parts[2].strip_prefix("free: ").unwrap());
    assert_eq!(used + free, total, "{}", lines[1]);
    let b = lines[2].strip_prefix(" No. of 1-blocks: ").expect(lines[2]);
    let f: Vec<&str> = b.split(", ").collect();
    assert_eq!(f.len(), 4, "{}", lines[2]);
    assert!(f[1].starts_with("2-blocks: ") && f[2].starts_with("max blk sz: ") && f[3].starts_with("max free sz: "));
    (total, used, free)
}

/// The map's rows as (offset, cells); "(N lines all free)" rows expanded
/// (with no offset of their own).
fn map_rows(lines: &[&str], cell: impl Fn(char) -> char) -> Vec<(Option<usize>, String)> {
    let mut rows = Vec::new();
    for l in lines {
        if let Some(n) = l.trim().strip_prefix('(').and_then(|r| r.strip_suffix(" lines all free)")) {
            for _ in 0..num(n) {
                rows.push((None, ".".repeat(64)));
            }
            continue;
        }
        let (off, cells) = l.split_once(": ").unwrap_or_else(|| panic!("bad map line {l:?}"));
        assert!(off.chars().all(|c| c.is_ascii_hexdigit()), "{l:?}");
        assert!(!cells.is_empty() && cells.len() <= 64, "{l:?}");
        rows.push((Some(usize::from_str_radix(off, 16).unwrap()), cells.chars().map(&cell).collect()));
    }
    rows
}

#[test]
fn mem_info_has_micropythons_layout() {
    let out = run("import micropython\nmicropython.mem_info()\nx = [1, 2]\nmicropython.mem_info(1)\n", "64k");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (total, _, _) = check_summary(&lines[0..3]);
    check_summary(&lines[3..6]);
    assert!(lines[6].starts_with("GC memory layout; from 0x") && lines[6].ends_with(':'), "{}", lines[6]);
    let allowed = ".=hmTLDSAFBM";
    let rows = map_rows(&lines[7..], |c| {
        assert!(allowed.contains(c), "unexpected cell {c:?}");
        c
    });
    let cells: usize = rows.iter().map(|r| r.1.len()).sum();
    let block = total / cells;
    assert!(block == 16 || block == 32, "total {total} over {cells} cells");
    assert_eq!(block * cells, total);
    for (i, (off, _)) in rows.iter().enumerate() {
        if let Some(off) = off {
            assert_eq!(*off, (i * 64 * block) & 0xfffff, "row {i}");
        }
    }
    assert!(text.contains('L') && text.contains('='), "{text}");
}

#[test]
fn gc_dump_writes_a_dump_heapdump_reads_with_the_same_map() {
    let dump = tmp("map.heapdump");
    let _ = std::fs::remove_file(&dump);
    let src = format!("import micropython, gc\nmicropython.mem_info(1)\ngc.dump({:?})\n", dump.to_str().unwrap());
    let out = run(&src, "64k");
    let bytes = std::fs::read(&dump).expect("dump written");
    assert_eq!(&bytes[..8], b"UPYHEAP\0");
    let tmpfile = dump.with_extension("heapdump.tmp");
    assert!(!tmpfile.exists(), "temporary file left behind");
    let Some(hd) = heapdump() else {
        eprintln!("heapdump binary not built: map comparison skipped");
        return;
    };
    let sum = Command::new(&hd).arg("summary").arg(&dump).output().unwrap();
    assert!(sum.status.success(), "{}", String::from_utf8_lossy(&sum.stderr));
    assert!(String::from_utf8_lossy(&sum.stdout).contains("on-demand: gc.dump"));
    let map = Command::new(&hd).arg("map").arg(&dump).output().unwrap();
    assert!(map.status.success(), "{}", String::from_utf8_lossy(&map.stderr));
    // Same blocks in the same states; only the head letters (ours follow
    // MicroPython's, the tool's name our types) and offset widths differ.
    let class = |c: char| if c == '.' || c == '=' { c } else { 'h' };
    let ours = String::from_utf8(out.stdout).unwrap();
    let theirs = String::from_utf8(map.stdout).unwrap();
    let a: Vec<&str> = ours.lines().skip(4).collect();
    let b: Vec<&str> = theirs.lines().skip_while(|l| !l.starts_with("GC memory layout")).skip(1).collect();
    let ra = map_rows(&a, class);
    let rb = map_rows(&b, class);
    assert_eq!(ra.iter().map(|r| &r.1).collect::<Vec<_>>(), rb.iter().map(|r| &r.1).collect::<Vec<_>>());
}

#[test]
fn gc_dump_rejects_bad_paths() {
    let src = "import gc\nfor p in [5, '', '/nonexistent-dir/x/y.heapdump']:\n    try:\n        gc.dump(p)\n    except (TypeError, ValueError, OSError) as e:\n        print(type(e).__name__)\n";
    let out = run(src, "256k");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "TypeError\nValueError\nOSError\n");
}

/// Collections run by a loop making garbage, read from a dump by the
/// `heapdump` tool (None when the tool is not built).
fn collections_after(threshold: Option<usize>) -> Option<usize> {
    let hd = heapdump()?;
    let dump = tmp(&format!("thr-{}.heapdump", threshold.unwrap_or(0)));
    let set = threshold.map(|t| format!("gc.threshold({t})\n")).unwrap_or_default();
    let src =
        format!("import gc\n{set}for i in range(300):\n    x = [i] * 20\ngc.dump({:?})\n", dump.to_str().unwrap());
    run(&src, "4M");
    let sum = Command::new(&hd).arg("summary").arg(&dump).output().unwrap();
    let text = String::from_utf8_lossy(&sum.stdout).into_owned();
    let line = text.lines().find(|l| l.trim_start().starts_with("collections ")).expect("collections counter");
    Some(num(line.trim_start().trim_start_matches("collections")))
}

#[test]
fn threshold_round_trips_and_collects() {
    let out = run(
        "import gc\nprint(gc.threshold())\ngc.threshold(4096)\nprint(gc.threshold())\ngc.threshold(1000)\nprint(gc.threshold() in (992, 1000))\ngc.threshold(-1)\nprint(gc.threshold())\n",
        "256k",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "-1\n4096\nTrue\n-1\n");
    if let (Some(without), Some(with)) = (collections_after(None), collections_after(Some(2048))) {
        assert!(with > without + 10, "threshold 2048: {with} collections, none set: {without}");
    }
}

#[test]
fn heap_lock_makes_allocation_fail() {
    let src = "import micropython\nmicropython.heap_lock()\nmicropython.heap_lock()\ntry:\n    x = [0] * 100\n    r = 'allocated'\nexcept MemoryError:\n    r = 'MemoryError'\na = micropython.heap_unlock()\nb = micropython.heap_unlock()\nprint(r, a, b, micropython.heap_locked())\n";
    let out = run(src, "256k");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "MemoryError 1 0 0\n");
}

#[test]
fn gc_verify_passes_on_a_healthy_heap() {
    let out = run(
        "import gc\nx = {i: str(i) for i in range(100)}\nprint(gc.verify())\ngc.collect()\nprint(gc.verify())\n",
        "256k",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "None\nNone\n");
}
