//! The gate end to end against the real `heap-selftest`, built by the gate's
//! own build module (release, fat LTO, fault injection) for x64 and x86 into
//! the shared build cache, so later runs rebuild nothing.
//!
//! One test function on purpose: the builds are shared, and the stages
//! depend on each other (the findings of the gate are replayed; the gate's
//! binary is tampered with to prove the capture check can fail).

use gctorture::bincheck;
use gctorture::build::{Builder, Profile, Request};
use gctorture::gate;
use gctorture::interp::{Arch, Interpreter, KnobStyle, Knobs};
use gctorture::outcome::Outcome;
use gctorture::runner::execute;
use gctorture::sandbox::Limits;
use object::{Object, ObjectSection, ObjectSymbol};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gctorture-gate-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// Expected analyzer verdict for each injected fault.
fn class_of(fault: &str) -> &'static str {
    match fault {
        "skip-registers" => "missed root in registers",
        "short-stack-scan" => "missed stack range",
        "forget-root" => "forgotten root-section slot",
        "double-free" => "double free",
        "tail-left-behind" => "sweep error",
        "mark-overflow-drop" => "mark-stack overflow drop",
        "early-finaliser" => "finaliser on a live object",
        _ => "?",
    }
}

/// A copy of `bin` with the first stores of the register capture replaced by NOPs.
fn tamper(bin: &Path, dest: &Path) {
    let mut data = std::fs::read(bin).unwrap();
    let (off, len) = {
        let f = object::File::parse(&*data).unwrap();
        let sym = f.symbols().find(|s| s.name() == Ok(bincheck::CAPTURE_SYMBOL)).unwrap();
        let sec = f.section_by_index(sym.section_index().unwrap()).unwrap();
        let (file_off, _) = sec.file_range().unwrap();
        ((file_off + sym.address() - sec.address()) as usize, 20usize)
    };
    // Skip the first instruction (sub rsp/esp, imm8: 4 or 3 bytes) and blank the stores after it.
    let start = off + if data[off] == 0x48 { 4 } else { 3 };
    for b in &mut data[start..start + len] {
        *b = 0x90;
    }
    std::fs::write(dest, data).unwrap();
    let mut perm = std::fs::metadata(dest).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(dest, perm).unwrap();
}

#[test]
fn gate_catches_every_fault_on_both_architectures() {
    let builder = Builder::new(&workspace());
    let out = out_dir("full");
    let opts = gate::Options::new(out.clone());
    let report = gate::run(&builder, &opts, &|_| {});
    print!("{}", report.table());
    assert!(report.passed(), "{}", report.table());
    let n_faults = upy_heap::Fault::ALL.len();
    // Two builds per architecture: each built, capture-checked and run clean.
    assert_eq!(report.rows.len(), 4 + 4 + 4 + 2 * n_faults);
    for r in report.rows.iter().filter(|r| r.stage == "fault") {
        assert!(r.time_ms < 60_000, "{r:?}");
        assert!(r.detail.contains(class_of(&r.subject)), "{}: {}", r.subject, r.detail);
        let dir = r.finding.as_ref().unwrap();
        let rec = gctorture::findings::load(dir).unwrap();
        assert!(!rec.dumps.is_empty());
        assert!(dir.join(&rec.dumps[0]).is_file());
    }

    // The builds are cached now.
    for arch in Arch::ALL {
        let b = builder.build(&Request::heap_selftest(arch, Profile::Release, &["fault-injection"])).unwrap();
        assert!(b.cached, "{arch:?} rebuilt");
    }

    // A finding of the gate replays to the same signature.
    let skip = report.rows.iter().find(|r| r.subject == "skip-registers").unwrap();
    let replayed =
        gctorture::replay::replay(skip.finding.as_ref().unwrap(), Duration::from_secs(60), &std::env::temp_dir())
            .unwrap();
    assert!(replayed.reproduced(), "{:?}", replayed.execution.signature);

    let x64 = builder.build(&Request::heap_selftest(Arch::X64, Profile::Release, &["fault-injection"])).unwrap().path;
    let x86 = builder.build(&Request::heap_selftest(Arch::X86, Profile::Release, &["fault-injection"])).unwrap().path;

    // The crash-signal path: SIGSEGV with a dump, classified as a crash.
    let scratch = std::env::temp_dir();
    let crash = Interpreter {
        name: "x86".into(),
        arch: Arch::X86,
        path: x86.clone(),
        style: KnobStyle::Env,
        args: vec!["--crash".into()],
    };
    let e = execute(&crash, &Knobs::full(), None, &Limits::default(), &scratch);
    assert_eq!(e.outcome, Outcome::Crash { signal: "SIGSEGV".into() });
    assert_eq!(e.dumps.len(), 1, "{}", String::from_utf8_lossy(e.stderr()));
    assert!(e.signature.as_deref().unwrap().starts_with("signal:SIGSEGV"));

    // A bad knob is a one-line refusal, exit 2: not a pass.
    let mut bad = Knobs::full();
    bad.fault = Some("no-such-fault".into());
    let plain =
        Interpreter { name: "x64".into(), arch: Arch::X64, path: x64.clone(), style: KnobStyle::Env, args: vec![] };
    let e = execute(&plain, &bad, None, &Limits::default(), &scratch);
    assert!(
        matches!(&e.outcome, Outcome::OutputDiffers { detail } if detail.contains("exit status 2")),
        "{:?}",
        e.outcome
    );

    // A binary whose capture does not store the registers fails the capture check, and the gate.
    let tampered = out.join("tampered-x64");
    tamper(&x64, &tampered);
    let c = bincheck::check_file(&tampered).unwrap();
    assert!(!c.ok());
    assert!(c.missing_stores.contains(&"rbx".to_string()), "{:?}", c);
    let mut o = gate::Options::new(out.join("tampered"));
    o.archs = vec![Arch::X64];
    o.prebuilt = vec![(Arch::X64, tampered.clone())];
    o.faults = vec!["forget-root".into()];
    let r = gate::run(&builder, &o, &|_| {});
    assert!(!r.passed());
    assert!(r.rows.iter().any(|r| r.stage == "capture" && !r.passed));

    // An interpreter that never fails: the fault is "not caught" within the bound.
    let mut o = gate::Options::new(out.join("blind"));
    o.archs = vec![Arch::X64];
    o.prebuilt = vec![(Arch::X64, PathBuf::from("/bin/true"))];
    o.faults = vec!["skip-registers".into()];
    o.bound = Duration::from_millis(500);
    let r = gate::run(&builder, &o, &|_| {});
    let f = r.rows.iter().find(|r| r.stage == "fault").unwrap();
    assert!(!f.passed && f.detail.starts_with("not caught"), "{f:?}");
    assert!(!r.passed());

    std::fs::remove_dir_all(&out).unwrap();
}
