//! Every analysis on the synthetic scenarios (x86 and x64): a healthy heap and
//! one heap per bug class, each with exactly one defect.

use heapdump::explain::{explain, BugClass};
use heapdump::index::Index;
use heapdump::inspect::{self, Ctx, Decoders};
use heapdump::scenarios::{build, healthy, Scenario};
use heapdump::{blockmap, diff, export, read_bytes, render, summary, verify, Dump};

fn read(d: &heapdump::synth::SynthDump) -> Dump {
    let r = read_bytes(d.to_bytes()).expect("readable");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    r.dump
}

fn both(f: impl Fn(bool)) {
    f(false);
    f(true);
}

#[test]
fn healthy_heap_verifies_clean() {
    both(|x64| {
        let (d, _) = healthy(x64);
        let dump = read(&d);
        let rep = verify::verify(&dump).unwrap();
        assert!(rep.findings.is_empty(), "{}", verify::render(&rep, &[]));
        assert!(rep.recorded.is_empty());
        assert_eq!(rep.reached, 8);
        assert!(verify::render(&rep, &[]).contains("heap OK"));
        assert_eq!(explain(&dump).unwrap().class, BugClass::Healthy);
    });
}

#[test]
fn summary_names_everything() {
    both(|x64| {
        let (d, _) = healthy(x64);
        let s = summary::summary(&read(&d), &[]);
        for want in [
            if x64 { "x86-64, 8-byte words, 32-byte blocks" } else { "x86 (i686), 4-byte words, 16-byte blocks" },
            "512 blocks",
            "reason      on-demand: test",
            "heap/src/tests.rs:10",
            "live_blocks",
            "484 free, 8 head, 20 tail, 0 mark",
            "largest run 481 blocks",
            "test-node",
            "snapshot    heap before collection 7",
            "recent collections",
            "registers,verified",
        ] {
            assert!(s.contains(want), "missing {want:?} in\n{s}");
        }
    });
}

#[test]
fn map_has_micropython_layout() {
    let (d, _) = healthy(false);
    let m = blockmap::map(&read(&d), None, None).unwrap();
    let lines: Vec<&str> = m.lines().collect();
    assert_eq!(lines[0], "GC memory layout; from 0xa001000:");
    assert_eq!(lines[1], format!("00000000: ...hSTh=FLNh{}{}", "=".repeat(19), ".".repeat(33)));
    assert_eq!(lines[2], "       (7 lines all free)");
    assert_eq!(lines.len(), 3);
    // x64: 32-byte blocks, so the second row starts at 64*32 = 0x800.
    let (mut d, _) = healthy(true);
    d.alloc_at(70, 1);
    let m = blockmap::map(&read(&d), None, None).unwrap();
    let lines: Vec<&str> = m.lines().collect();
    assert!(lines[2].starts_with("00000800: ......h."), "{m}");
    assert_eq!(lines[3], "       (6 lines all free)");
    // A range shows only its rows.
    let m = blockmap::map(&read(&d), Some(64), Some(128)).unwrap();
    assert_eq!(m.lines().count(), 2, "{m}");
    assert!(m.lines().nth(1).unwrap().starts_with("00000800: "));
}

#[test]
fn each_defect_is_found_by_verify() {
    let want = [
        (Scenario::DanglingField, "dangling-field"),
        (Scenario::TailAfterFree, "atb-tail-after-free"),
        (Scenario::MissedRegister, "missed-by-marker"),
        (Scenario::MissedStackRange, "missed-by-marker"),
        (Scenario::ForgottenRootSlot, "missed-by-marker"),
        (Scenario::MarkStackOverflow, "missed-by-marker"),
        (Scenario::PoisonDamaged, "poison"),
        (Scenario::FinalisedLive, "finalised-live"),
    ];
    both(|x64| {
        for (s, check) in want {
            let (d, lm) = build(s, x64);
            let dump = read(&d);
            let rep = verify::verify(&dump).unwrap();
            let checks: Vec<&str> = rep.findings.iter().map(|f| f.check.as_str()).collect();
            assert_eq!(checks, vec![check], "{s:?} x64={x64}: {}", verify::render(&rep, &[]));
            assert_eq!(rep.findings[0].block, lm.victim, "{s:?}");
            let msg = &rep.findings[0].message;
            assert!(msg.starts_with(&format!("{check}: ")), "{msg}");
            let victim = lm.victim.unwrap();
            assert!(msg.contains(&format!("block {victim} ({:#x})", d.addr(victim))), "{msg}");
        }
    });
}

#[test]
fn missed_by_marker_names_both_ends() {
    both(|x64| {
        let (d, lm) = build(Scenario::MissedRegister, x64);
        let rep = verify::verify(&read(&d)).unwrap();
        let reg = if x64 { "r12" } else { "esi" };
        let m = &rep.findings[0].message;
        assert!(
            m.contains(&format!("referrer: register {reg} (shadow capture) = {:#x}", d.addr(lm.victim.unwrap()))),
            "{m}"
        );
        assert!(m.contains("freed by its sweep"), "{m}");
        let (d, lm) = build(Scenario::MarkStackOverflow, x64);
        let rep = verify::verify(&read(&d)).unwrap();
        let m = &rep.findings[0].message;
        assert!(m.contains(&format!("referrer: block {} word 3", lm.items)), "{m}");
    });
}

#[test]
fn recorded_failures_are_reported() {
    both(|x64| {
        for (s, check) in [(Scenario::DoubleFree, "double-free"), (Scenario::FinalisedLive, "finalised-live")] {
            let (d, _) = build(s, x64);
            let rep = verify::verify(&read(&d)).unwrap();
            // A double free leaves nothing in the heap to see offline.
            assert_eq!(rep.findings.is_empty(), s == Scenario::DoubleFree);
            assert_eq!(rep.recorded.len(), 1);
            assert_eq!(rep.recorded[0].check, check);
        }
    });
}

#[test]
fn explain_names_each_class() {
    let want = [
        (Scenario::Healthy, BugClass::Healthy),
        (Scenario::DanglingField, BugClass::UseAfterExplicitFree),
        (Scenario::TailAfterFree, BugClass::SweepError),
        (Scenario::MissedRegister, BugClass::MissedRegisterRoot),
        (Scenario::MissedStackRange, BugClass::MissedStackRange),
        (Scenario::ForgottenRootSlot, BugClass::ForgottenRootSlot),
        (Scenario::DoubleFree, BugClass::DoubleFree),
        (Scenario::FinalisedLive, BugClass::FinaliserOnLive),
        (Scenario::MarkStackOverflow, BugClass::MarkStackOverflowDrop),
        (Scenario::PoisonDamaged, BugClass::WriteAfterFree),
    ];
    both(|x64| {
        for (s, class) in want {
            let (d, _) = build(s, x64);
            let e = explain(&read(&d)).unwrap();
            assert_eq!(e.class, class, "{s:?} x64={x64}:\n{}", e.text);
            assert!(e.text.contains(&format!("Most likely bug class: {}.", class.name())), "{}", e.text);
        }
    });
    let (d, _) = build(Scenario::MissedRegister, true);
    let e = explain(&read(&d)).unwrap();
    assert!(e.text.contains("r12 (shadow) but not in the registers the collector captured"), "{}", e.text);
    assert!(e.text.contains("that collection's sweep freed it"), "{}", e.text);
}

#[test]
fn diff_of_snapshot_finds_freed_and_still_referenced() {
    both(|x64| {
        let (d, lm) = build(Scenario::MissedRegister, x64);
        let dump = read(&d);
        let (a, b) = (dump.heap_before().unwrap(), dump.heap().unwrap());
        let df = diff::diff(&dump, a, &dump, b);
        let freed: Vec<u64> = df.freed.iter().map(|f| f.head).collect();
        assert_eq!(freed, vec![0, lm.victim.unwrap()]);
        assert!(df.allocated.is_empty());
        assert_eq!(df.still_referenced.len(), 1);
        assert_eq!(df.still_referenced[0].freed.head, lm.victim.unwrap());
        let text = diff::render(&df, &b, &Index::new(&dump, b));
        assert!(text.contains("freed but still referenced: 1"), "{text}");
        assert!(text.contains("(shadow capture)"), "{text}");
    });
}

#[test]
fn diff_of_two_dumps() {
    let (d1, lm) = healthy(true);
    let mut d2 = d1.clone();
    let fresh = d2.alloc(2);
    d2.set_word(lm.float, 1, 2.5f64.to_bits());
    d2.free(lm.text);
    let (a, b) = (read(&d1), read(&d2));
    let df = diff::diff(&a, a.heap().unwrap(), &b, b.heap().unwrap());
    assert_eq!(df.allocated.iter().map(|x| x.head).collect::<Vec<_>>(), vec![fresh]);
    assert_eq!(df.freed.iter().map(|x| x.head).collect::<Vec<_>>(), vec![lm.text]);
    assert_eq!(df.changed.len(), 1);
    assert_eq!(df.changed[0].0.head, lm.float);
    // The text is still referenced by the tuple and the list's items.
    assert_eq!(df.still_referenced.len(), 1);
    assert_eq!(df.still_referenced[0].by.len(), 2);
}

#[test]
fn show_refs_path_decode_by_type() {
    both(|x64| {
        let (d, lm) = healthy(x64);
        let dump = read(&d);
        let heap = dump.heap().unwrap();
        let ix = Index::new(&dump, heap);
        let ctx = Ctx { dump: &dump, ix: &ix, symbols: None };
        let dec = Decoders::default();
        let s = inspect::show(&ctx, &dec, lm.float);
        assert!(s.contains("float value 1.5"), "{s}");
        assert!(s.contains("finaliser bit set"), "{s}");
        let s = inspect::show(&ctx, &dec, lm.text);
        assert!(s.contains("text \"hello, world!\""), "{s}");
        let s = inspect::show(&ctx, &dec, lm.list);
        assert!(s.contains("3 items (capacity 8)"), "{s}");
        assert!(s.contains("type tuple"), "{s}");
        assert!(s.contains("hex"), "{s}");
        // A tail shows its allocation.
        let s = inspect::show(&ctx, &dec, lm.node + 2);
        assert!(s.contains("is a TAIL of the allocation below"), "{s}");
        let r = inspect::refs(&ctx, lm.text);
        assert!(r.contains("pointer field"), "{r}");
        assert_eq!(r.lines().count(), 3, "{r}");
        let p = inspect::path(&ctx, lm.text);
        assert!(p.starts_with("root slot 0"), "{p}");
        assert!(p.contains(&format!("block {} word 1 -> block {}", lm.items, lm.text)), "{p}");
        let p = inspect::path(&ctx, 0);
        assert!(p.contains("unreachable"), "{p}");
    });
}

#[test]
fn export_is_one_json_object_per_line() {
    both(|x64| {
        let (d, lm) = healthy(x64);
        let dump = read(&d);
        let mut out = Vec::new();
        export::export_jsonl(&dump, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let objs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let roots: Vec<_> = objs.iter().filter(|o| o["type"] == "ROOT").collect();
        assert_eq!(roots.len(), 4);
        let list = objs.iter().find(|o| o["type"] == "list").unwrap();
        assert_eq!(list["address"], format!("{:#x}", d.addr(lm.list)));
        assert_eq!(list["references"], serde_json::json!([format!("{:#x}", d.addr(lm.items))]));
        assert_eq!(list["size"], d.block_size());
        assert_eq!(objs.len(), 4 + 8);
    });
}

#[test]
fn render_png_and_svg() {
    let (d, _) = build(Scenario::MissedRegister, true);
    let dump = read(&d);
    let pic = render::picture(&dump).unwrap();
    assert_eq!(pic.cells.len(), 512);
    let mut png = Vec::new();
    render::png(&pic, &mut png).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let dec = png::Decoder::new(std::io::Cursor::new(png));
    let reader = dec.read_info().unwrap();
    assert_eq!(reader.info().width as u64, pic.cols * pic.cell);
    let mut svg = Vec::new();
    render::svg(&pic, &mut svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("#dc1414"), "the failing block is red");
}

#[test]
fn unknown_sections_and_minor_extensions_are_skipped() {
    let (mut d, _) = healthy(true);
    d.minor = 7;
    d.extra_sections.push((*b"XTRA", vec![1, 2, 3]));
    d.meta_extension = vec![9; 40];
    let r = read_bytes(d.to_bytes()).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.dump.unknown_sections, vec!["XTRA".to_string()]);
    assert_eq!(r.dump.minor, 7);
    assert!(verify::verify(&r.dump).unwrap().findings.is_empty());
}

#[test]
fn newer_major_is_refused() {
    let (mut d, _) = healthy(true);
    d.major = 2;
    let e = read_bytes(d.to_bytes()).err().unwrap();
    assert!(e.to_string().contains("version 2.0 is newer"), "{e}");
}

#[test]
fn truncation_in_every_section_is_reported() {
    let (d, _) = healthy(true);
    let bytes = d.to_bytes();
    // Cut inside every section in turn: reading never fails after META's geometry.
    let mut offsets = Vec::new();
    let mut pos = 16usize;
    while pos + 12 <= bytes.len() {
        let tag = String::from_utf8_lossy(&bytes[pos..pos + 4]).to_string();
        let len = u64::from_le_bytes(bytes[pos + 4..pos + 12].try_into().unwrap()) as usize;
        offsets.push((tag, pos, len));
        pos += 12 + len;
    }
    for (tag, start, len) in offsets {
        if tag == "END " {
            continue;
        }
        let cut = start + 12 + len / 2;
        let r = read_bytes(bytes[..cut].to_vec());
        if tag == "META" {
            assert!(r.is_err() || !r.as_ref().unwrap().problems.is_empty());
            continue;
        }
        let r = r.unwrap_or_else(|e| panic!("{tag}: {e}"));
        let name = tag.trim_end().to_string();
        assert!(
            r.problems.iter().any(|p| p.contains(&format!("section {name} truncated"))) || len == 0,
            "{tag}: {:?}",
            r.problems
        );
        assert!(r.problems.iter().any(|p| p.contains("no END section")), "{tag}");
        // Every analysis still runs on what is there.
        let _ = verify::verify(&r.dump);
        let _ = explain(&r.dump);
        let _ = summary::summary(&r.dump, &r.problems);
        let _ = blockmap::map(&r.dump, None, None);
    }
}

#[test]
fn decoders_are_pluggable_by_type_name() {
    struct Node;
    impl inspect::Decoder for Node {
        fn decode(&self, ctx: &Ctx, head: u64, out: &mut String) {
            let next = ctx.ix.heap.word(head, 1).unwrap_or(0);
            out.push_str(&format!("  node, next {next:#x}\n"));
        }
    }
    let (d, lm) = healthy(true);
    let dump = read(&d);
    let heap = dump.heap().unwrap();
    let ix = Index::new(&dump, heap);
    let ctx = Ctx { dump: &dump, ix: &ix, symbols: None };
    let mut dec = Decoders::default();
    dec.register("test-node", Box::new(Node));
    let s = inspect::show(&ctx, &dec, lm.node);
    assert!(s.contains(&format!("node, next {:#x}", d.addr(lm.list))), "{s}");
}

#[test]
fn signal_dump_without_failures_is_not_called_healthy() {
    let (mut d, lm) = healthy(true);
    d.reason = "signal".into();
    d.detail = "SIGSEGV".into();
    d.flags |= 1;
    d.set_register("signal", "rip", 0x1234);
    d.set_register("signal", "rax", d.addr(lm.text) + 4);
    let e = explain(&read(&d)).unwrap();
    assert_eq!(e.class, BugClass::Unknown, "{}", e.text);
    assert!(e.text.contains("died of SIGSEGV"), "{}", e.text);
    assert!(
        e.text.contains(&format!("register rax = {:#x} pointed into block {}", d.addr(lm.text) + 4, lm.text)),
        "{}",
        e.text
    );
}
