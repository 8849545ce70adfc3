//! Dumps written by the real heap crate (on demand, from a heap in Record
//! mode), read back and analysed: the analyzer must agree with the heap on a
//! healthy heap and find what the heap's own verifier finds on a broken one.

use core::hint::black_box;
use heapdump::index::Index;
use heapdump::inspect::{Ctx, Decoders};
use heapdump::{blockmap, explain, inspect, read_file, summary, verify};
use upy_heap::heap_testing as t;
use upy_heap::layout::{BlockKind, BLOCK_SIZE, WORDS_PER_BLOCK};
use upy_heap::{FailureMode, Heap, HeapConfig, TortureMode, TypeInfo};

static NODE: TypeInfo = TypeInfo { name: "test-node", letter: b'N', fields: &[], all_from: Some(1) };
static NODE_DESC: u64 = 0x6e6f6465;

/// A heap in Record mode; with torture knobs (verify, poison, snapshot) when
/// the build has the heap's gc-torture feature, without them otherwise.
fn heap(snapshot: bool) -> Box<Heap> {
    let mut c = HeapConfig::with_size(64 * 1024);
    c.failure_mode = FailureMode::Record;
    c.crash_dumps = false;
    c.torture.mode = TortureMode::Off;
    let plain = c.clone();
    c.torture.verify = true;
    c.torture.poison = true;
    c.torture.snapshot = snapshot;
    let c = if c.validate().is_ok() { c } else { plain };
    let h = Heap::new(c).unwrap();
    assert!(h.register_type(&NODE_DESC as *const u64 as *const (), &NODE));
    h
}

fn tmp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("heapdump-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// Builds node -> buffer, keeps both alive on the stack, frees a third block,
/// collects, and dumps. Returns the dump path and the node and buffer addresses.
#[inline(never)]
fn build_and_dump(h: &Heap, path: &str, corrupt: bool) -> (usize, usize) {
    let node = h.alloc(3 * 8, false).unwrap().as_ptr();
    let buf = h.alloc(5 * BLOCK_SIZE, false).unwrap().as_ptr();
    let gone = h.alloc(BLOCK_SIZE, true).unwrap().as_ptr();
    let ni = t::block_index(h, node).unwrap();
    t::write_pool_word(h, ni * WORDS_PER_BLOCK, &NODE_DESC as *const u64 as usize);
    t::write_pool_word(h, ni * WORDS_PER_BLOCK + 1, buf as usize);
    h.free(gone);
    h.collect();
    if corrupt {
        // The node's field now names a freed block: a dangling field.
        let gi = t::block_index(h, gone).unwrap();
        assert_eq!(t::kind(h, gi), BlockKind::Free);
        t::write_pool_word(h, ni * WORDS_PER_BLOCK + 2, gone as usize);
    }
    h.dump("real heap test", Some(path)).unwrap();
    black_box((node, buf));
    (node as usize, buf as usize)
}

#[test]
fn healthy_real_dump_reads_and_verifies_clean() {
    let h = heap(true);
    let path = tmp("healthy.heapdump");
    let (node, buf) = h.enter(|h| build_and_dump(h, &path, false));
    let r = read_file(std::path::Path::new(&path)).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let d = &r.dump;
    assert_eq!(d.meta.reason, "on-demand");
    assert_eq!(d.meta.detail, "real heap test");
    assert_eq!(usize::from(d.meta.word_size), core::mem::size_of::<usize>());
    assert!(d.meta.load_addr.is_some());
    let rep = verify::verify(d).unwrap();
    assert!(rep.findings.is_empty(), "{}", verify::render(&rep, &r.problems));
    assert!(rep.reached >= 2);
    let s = summary::summary(d, &r.problems);
    assert!(s.contains("test-node"), "{s}");
    let m = blockmap::map(d, None, None).unwrap();
    assert!(m.contains("N"), "{m}");
    let heap = d.heap().unwrap();
    let ix = Index::new(d, heap);
    let ctx = Ctx { dump: d, ix: &ix, symbols: None };
    let nb = heap.block_of(node as u64).unwrap();
    let bb = heap.block_of(buf as u64).unwrap();
    let refs = inspect::refs(&ctx, bb);
    assert!(refs.contains(&format!("block {nb} word 1")), "{refs}");
    // The buffer is held on the stack as well as by the node: any root will do.
    let p = inspect::path(&ctx, bb);
    assert!(p.starts_with("stack word") || p.starts_with("register"), "{p}");
    assert!(p.contains(&format!("block {bb} (")), "{p}");
    let show = inspect::show(&ctx, &Decoders::default(), nb);
    assert!(show.contains("type test-node"), "{show}");
    let e = explain::explain(d).unwrap();
    assert_eq!(e.class, explain::BugClass::Healthy, "{}", e.text);
}

#[test]
fn dangling_field_in_real_dump_is_found() {
    let h = heap(false);
    let path = tmp("dangling.heapdump");
    let (node, _) = h.enter(|h| build_and_dump(h, &path, true));
    // The heap's own verifier agrees.
    assert!(h.verify() > 0);
    let own: Vec<_> = h.take_failures().into_iter().filter(|f| f.check == "dangling-field").collect();
    assert_eq!(own.len(), 1);
    let r = read_file(std::path::Path::new(&path)).unwrap();
    let rep = verify::verify(&r.dump).unwrap();
    let ours: Vec<_> = rep.findings.iter().filter(|f| f.check == "dangling-field").collect();
    assert_eq!(ours.len(), 1, "{}", verify::render(&rep, &r.problems));
    // Same words as the heap's message, without its "gc-torture: " prefix.
    assert_eq!(format!("gc-torture: {}", ours[0].message), own[0].message);
    let heap = r.dump.heap().unwrap();
    assert!(ours[0].message.contains(&format!("block {}", heap.block_of(node as u64).unwrap())));
}

/// Garbage that only transient frames ever pointed at, collected, then an
/// on-demand dump: the sweep's own stale stack words must not read as misses.
#[inline(never)]
fn garbage_then_dump(h: &Heap, path: &str) -> usize {
    let keep = h.alloc(2 * BLOCK_SIZE, false).unwrap().as_ptr();
    for _ in 0..50 {
        black_box(h.alloc(BLOCK_SIZE, true).unwrap());
    }
    h.collect();
    h.dump("after a sweep", Some(path)).unwrap();
    black_box(keep) as usize
}

#[test]
fn dump_after_a_sweep_has_no_false_misses() {
    let h = heap(true);
    let path = tmp("after-sweep.heapdump");
    h.enter(|h| garbage_then_dump(h, &path));
    let r = read_file(std::path::Path::new(&path)).unwrap();
    let rep = verify::verify(&r.dump).unwrap();
    assert!(rep.findings.is_empty(), "{}", verify::render(&rep, &r.problems));
    let e = explain::explain(&r.dump).unwrap();
    assert_eq!(e.class, explain::BugClass::Healthy, "{}", e.text);
}
