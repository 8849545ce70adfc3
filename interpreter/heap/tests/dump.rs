//! Heap dumps: written on demand and read back section by section; written by
//! the crash-signal path of a process that dies by SIGSEGV. The full reader
//! and analyzer live in `heap-dumps/`; this checks the writer's framing.

mod common;
use std::collections::BTreeMap;
use upy_heap::layout::{ARCH_CODE, BLOCK_SIZE, WORD};

/// Splits a dump into its sections (tag → payload), checking the framing.
fn sections(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    assert_eq!(&bytes[..8], b"UPYHEAP\0");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 1, "major version");
    let mut at = 16;
    let mut out = BTreeMap::new();
    while at < bytes.len() {
        let tag = String::from_utf8(bytes[at..at + 4].to_vec()).unwrap();
        let len = u64::from_le_bytes(bytes[at + 4..at + 12].try_into().unwrap()) as usize;
        let payload = bytes[at + 12..at + 12 + len].to_vec();
        at += 12 + len;
        let end = tag == "END ";
        out.insert(tag, payload);
        if end {
            assert_eq!(at, bytes.len(), "END is last");
        }
    }
    assert!(out.contains_key("END "), "complete dump");
    out
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

#[test]
fn on_demand_dump_reads_back() {
    let dir = std::env::temp_dir().join(format!("upy-heap-dump-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("x.heapdump");
    let h = common::plain(64 * 1024);
    let mut roots = [0usize; 3];
    // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
    unsafe { h.set_root_section(roots.as_ptr(), 3) };
    let (written, pool_addr) = h.enter(|h| {
        let p = h.alloc(BLOCK_SIZE * 2, false).unwrap();
        // SAFETY: test code; the address is a live allocation of this heap, or the test's own root array.
        unsafe { p.as_ptr().write_bytes(0x5A, 8) };
        roots[1] = p.as_ptr() as usize;
        h.collect();
        let w = h.dump("unit test", Some(path.to_str().unwrap())).unwrap();
        (w.as_str().to_string(), h.pool_range().0)
    });
    assert_eq!(written, path.to_str().unwrap());
    assert!(!dir.join("x.heapdump.tmp").exists(), "the temporary file was renamed away");
    let bytes = std::fs::read(&path).unwrap();
    let s = sections(&bytes);
    for tag in ["META", "COUN", "RING", "ROOT", "TYPE", "ATB ", "FTB ", "POOL"] {
        assert!(s.contains_key(tag), "section {tag}");
    }
    let meta = &s["META"];
    assert_eq!(meta[0], ARCH_CODE);
    assert_eq!(meta[1] as usize, WORD);
    assert_eq!(u16::from_le_bytes([meta[2], meta[3]]) as usize, BLOCK_SIZE);
    assert_eq!(u64_at(meta, 32), pool_addr as u64);
    let n_blocks = u64_at(meta, 40) as usize;
    assert_eq!(s["POOL"].len(), n_blocks * BLOCK_SIZE);
    assert_eq!(s["ATB "].len(), n_blocks / 4);
    assert_eq!(&s["POOL"][..8], &[0x5A; 8], "the pool's bytes are the heap's");
    assert_eq!(s["ATB "][0] & 0b1111, 0b1001, "block 0 HEAD, block 1 TAIL");
    // ROOT starts with the root section: address, length, words.
    let root = &s["ROOT"];
    assert_eq!(u64_at(root, 8), 3);
    assert_eq!(u64_at(root, 16 + 8), pool_addr as u64);
    // One collection in the ring.
    assert_eq!(u32::from_le_bytes(s["RING"][..4].try_into().unwrap()), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn crash_signal_writes_a_dump_and_dies_by_the_signal() {
    use std::os::unix::process::ExitStatusExt;
    let dir = std::env::temp_dir().join(format!("upy-heap-crash-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_heap-selftest"))
        .arg("--crash")
        .env_clear()
        .env("UPY_HEAPDUMP_DIR", &dir)
        .output()
        .unwrap();
    assert_eq!(out.status.signal(), Some(libc_sigsegv()), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fatal signal SIGSEGV") && stderr.contains("heap dump written to"), "{stderr}");
    let dumps: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(dumps.len(), 1, "{dumps:?}");
    let s = sections(&std::fs::read(&dumps[0]).unwrap());
    let meta = &s["META"];
    // reason string follows 9 u64s + 8 bytes of header fields
    let at = 8 + 8 * 7;
    let len = u32::from_le_bytes(meta[at..at + 4].try_into().unwrap()) as usize;
    assert_eq!(&meta[at + 4..at + 4 + len], b"signal");
    let root = &s["ROOT"];
    assert!(root.windows(6).any(|w| w == b"signal"), "the signal's register set is recorded");
    let _ = std::fs::remove_dir_all(&dir);
}

fn libc_sigsegv() -> i32 {
    11
}
