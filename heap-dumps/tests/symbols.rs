//! Symbolisation with `--binary`: words that point into the executable are
//! named from its symbol table, correcting for the load address. The binary
//! used is the `heapdump` executable itself.

use heapdump::scenarios::healthy;
use object::{Object, ObjectKind, ObjectSymbol, SymbolKind};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heapdump");

/// A function symbol of the binary with a size, and whether it is PIE.
fn some_function() -> (String, u64, u64, bool) {
    let data = std::fs::read(BIN).unwrap();
    let f = object::File::parse(&*data).unwrap();
    let pie = f.kind() == ObjectKind::Dynamic;
    let s = f
        .symbols()
        .find(|s| {
            s.kind() == SymbolKind::Text
                && s.size() >= 16
                && s.name().is_ok_and(|n| n.contains("heapdump") && n.contains("main"))
        })
        .expect("a main function symbol");
    (format!("{:#}", rustc_demangle::demangle(s.name().unwrap())), s.address(), s.size(), pie)
}

#[test]
fn words_into_the_binary_are_named() {
    let (name, addr, _, pie) = some_function();
    for recorded_bias in [true, false] {
        let bias = if pie { 0x5555_0000_0000u64 } else { 0 };
        let (mut d, lm) = healthy(true);
        if recorded_bias {
            d.load_addr = bias;
        }
        // A "static object" pointer: 8 bytes into the function, as run-time address.
        d.set_word(lm.node, 2, bias + addr + 8);
        let p = std::env::temp_dir().join(format!("heapdump-sym-{}-{recorded_bias}.heapdump", std::process::id()));
        std::fs::write(&p, d.to_bytes()).unwrap();
        let node = format!("{:#x}", d.addr(lm.node));
        let mut args = vec!["show".to_string(), p.to_str().unwrap().into(), node, "--binary".into(), BIN.into()];
        if !recorded_bias && pie {
            args.push("--load-bias".into());
            args.push(format!("{bias:#x}"));
        }
        let o = Command::new(BIN).args(&args).output().unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(out.contains(&format!("<{name}+0x8>")), "{out}");
        assert!(out.contains(&format!("load bias {bias:#x}")), "{out}");
    }
}

#[test]
fn a_missing_binary_is_one_line() {
    let (d, lm) = healthy(true);
    let p = std::env::temp_dir().join(format!("heapdump-sym-missing-{}.heapdump", std::process::id()));
    std::fs::write(&p, d.to_bytes()).unwrap();
    let o = Command::new(BIN)
        .args(["show", p.to_str().unwrap(), &format!("{:#x}", d.addr(lm.node)), "--binary", "/nonexistent/upy"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(e.lines().count(), 1);
    assert!(e.contains("cannot read binary"), "{e}");
}

fn build_id(path: &str) -> Option<String> {
    let data = std::fs::read(path).ok()?;
    let f = object::File::parse(&*data).ok()?;
    Some(f.build_id().ok()??.iter().map(|b| format!("{b:02x}")).collect())
}

#[test]
fn the_recorded_executable_is_used_when_its_build_id_matches() {
    let Some(id) = build_id(BIN) else { return };
    let (mut d, lm) = healthy(true);
    d.exe_path = BIN.into();
    d.build_id = id;
    let p = std::env::temp_dir().join(format!("heapdump-sym-auto-{}.heapdump", std::process::id()));
    std::fs::write(&p, d.to_bytes()).unwrap();
    let o = Command::new(BIN).args(["show", p.to_str().unwrap(), &format!("{:#x}", d.addr(lm.node))]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("build id matches"), "{out}");
    // A different build id: the recorded path is not trusted.
    d.build_id = "00".repeat(20);
    std::fs::write(&p, d.to_bytes()).unwrap();
    let o = Command::new(BIN).args(["show", p.to_str().unwrap(), &format!("{:#x}", d.addr(lm.node))]).output().unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains("binary:"));
}

#[test]
fn the_load_bias_is_inferred_from_type_descriptors() {
    let (name, addr, _, pie) = some_function();
    if !pie {
        return;
    }
    let bias = 0x5600_1234_5000u64;
    let (mut d, lm) = healthy(true);
    // Type descriptors are distinct statics of the binary: only the true bias
    // maps all of them onto symbols.
    let data = std::fs::read(BIN).unwrap();
    let f = object::File::parse(&*data).unwrap();
    let mut statics: Vec<u64> =
        f.symbols().filter(|s| s.kind() == SymbolKind::Data && s.size() > 0).map(|s| s.address()).collect();
    statics.sort();
    statics.dedup();
    let step = (statics.len() / d.types.len()).max(1);
    for (i, t) in d.types.iter_mut().enumerate() {
        t.descriptor = bias + statics[(i * step).min(statics.len() - 1)];
    }
    d.set_word(lm.node, 2, bias + addr + 4);
    let p = std::env::temp_dir().join(format!("heapdump-sym-infer-{}.heapdump", std::process::id()));
    std::fs::write(&p, d.to_bytes()).unwrap();
    let o = Command::new(BIN)
        .args(["show", p.to_str().unwrap(), &format!("{:#x}", d.addr(lm.node)), "--binary", BIN])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(&format!("load bias {bias:#x} (inferred")), "{out}");
    assert!(out.contains(&format!("<{name}+0x4>")), "{out}");
}
