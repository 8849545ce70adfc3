//! No input makes the compiler panic or crash: random bytes, random
//! Python-looking text, and mutated valid programs all give a code object or
//! a clean error. Under `gc-torture` every case also runs with a collection
//! before every allocation and the heap is verified clean afterwards.
//! `PROPTEST_CASES` sets the number of cases (default 256 per property).

mod common;
#[path = "common/flow.rs"]
mod flow;

use proptest::prelude::*;
use std::cell::RefCell;

thread_local! {
    static VM: RefCell<upy::Vm> = RefCell::new(common::vm(if cfg!(feature = "gc-torture") { 512 << 10 } else { 4 << 20 }));
}

fn run(src: &[u8]) {
    VM.with(|vm| {
        let mut vm = vm.borrow_mut();
        let (r, bad) = vm.enter(|cx| {
            let r = upy::compile(cx, src, upy::qstr::Qstr(0), upy::Mode::Exec);
            // Whatever compiles must have well-formed bytecode.
            if let Ok(code) = r {
                flow::check_code(code, "fuzz case");
            }
            cx.heap.collect();
            (r, common::verify(cx.heap))
        });
        if let Err(e) = r {
            assert!(!e.message().is_empty(), "empty error message for {:?}", String::from_utf8_lossy(src));
            assert!(e.line > 0 || e.kind == upy::ErrorKind::Memory || e.message().contains("unicode error"), "{e:?}");
        }
        assert_eq!(bad, 0, "heap verification failed after compiling {:?}", String::from_utf8_lossy(src));
    });
}

const SEEDS: &[&str] = &[
    include_str!("snapshots/basics.py"),
    include_str!("snapshots/functions.py"),
    include_str!("snapshots/classes.py"),
    include_str!("snapshots/control.py"),
    include_str!("snapshots/with_gen.py"),
    include_str!("snapshots/comprehensions.py"),
    include_str!("snapshots/strings.py"),
    include_str!("snapshots/imports.py"),
    include_str!("snapshots/async_code.py"),
    "x = f'{a!r:>{w}} {b=} {{}}' + rb'\\d' + '''t\n'''\n",
    "if a:\n\tif b:\n\t\tc = [i for i in range(10) if i % 2]\n\telse:\n\t\td = {**e, 'f': (g := 1)}\n",
    "def f(a, /, b=0x_ff, *, c=1_000.5e-3j, **k):\n    return lambda *a, **k: (yield from a)\n",
];

const ALPHABET: &[u8] = b"abcxyz019_ ()[]{}:=+-*/%<>!,.'\"\\#\n\t@&|^~;frbuj\r\0\xc3\xa9\xff";

fn mutate(seed: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut v = seed.as_bytes().to_vec();
    for &(pos, op, b) in edits {
        let at = if v.is_empty() { 0 } else { pos % (v.len() + 1) };
        let byte = ALPHABET[b as usize % ALPHABET.len()];
        match op {
            0 => v.insert(at, byte),
            1 if at < v.len() => {
                v.remove(at);
            }
            2 if at < v.len() => v[at] = byte,
            _ => {
                // Duplicate a short span (repeats brackets, indentation, keywords).
                let end = (at + (b as usize % 16)).min(v.len());
                let span = v[at..end].to_vec();
                v.splice(at..at, span);
            }
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        run(&bytes);
    }

    #[test]
    fn python_looking_text(s in "[a-z0-9_ ()\\[\\]{}:=+*/%<>!,.'\"#@&|^~;\n\t\\-]{0,300}") {
        run(s.as_bytes());
    }

    #[test]
    fn mutated_programs(seed in 0..SEEDS.len(), edits in proptest::collection::vec((any::<usize>(), 0u8..4, any::<u8>()), 1..10)) {
        run(&mutate(SEEDS[seed], &edits));
    }
}

#[test]
fn seeds_compile() {
    for s in SEEDS {
        VM.with(|vm| {
            let (r, bad) = common::compile_checked(&mut vm.borrow_mut(), s.as_bytes());
            assert!(r.is_ok(), "{s:?}: {:?}", r.err());
            assert_eq!(bad, 0);
        });
    }
}

#[test]
fn bad_input_edge_cases() {
    let huge_int = format!("x = {}", "9".repeat(5000));
    let huge_hex = format!("x = 0x{}", "f".repeat(100_000));
    let huge_float = format!("x = 1.{}e5", "5".repeat(100_000));
    let long_str = format!("x = '{}'", "s".repeat(200_000));
    let cases: Vec<&[u8]> = vec![
        b"",
        b"\n\n\n",
        b"\0",
        b"x = 1\0",
        b"\xff",
        b"\xc3",
        b"'\xe9'",
        b"\t x = 1\n        y",
        b"if 1:\n\tx\n        y\n",
        b"'abc",
        b"'''abc\n\n",
        b"f'{",
        b"f'{x:{y:{z}}}'",
        b"\\",
        b"x = \\",
        huge_int.as_bytes(),
        huge_hex.as_bytes(),
        huge_float.as_bytes(),
        long_str.as_bytes(),
    ];
    for c in cases {
        run(c);
    }
}
