//! Shared test helpers: an interpreter per test, in torture mode when the
//! crate is built with `gc-torture` (collect before every allocation, verify
//! after every collection, poison freed blocks), so every compile test also
//! checks that the compiler keeps its GC pointers visible.
#![allow(dead_code)]

use upy::qstr::Qstr;
use upy::{CompileError, Mode, Value, Vm};
use upy_heap::HeapConfig;

/// A heap configuration for tests: `size` bytes, tortured under `gc-torture`
/// (`UPY_TEST_TORTURE=N` collects every Nth allocation instead of every one).
pub fn config(size: usize) -> HeapConfig {
    #[allow(unused_mut)]
    let mut c = HeapConfig::with_size(size);
    #[cfg(feature = "gc-torture")]
    {
        use upy_heap::TortureMode;
        c.torture.mode = match std::env::var("UPY_TEST_TORTURE").ok().and_then(|s| s.parse::<u64>().ok()) {
            Some(n) if n > 1 => TortureMode::EveryN(n),
            _ => TortureMode::Every,
        };
        c.torture.verify = true;
        c.torture.poison = true;
    }
    c
}

pub fn vm(size: usize) -> Vm {
    Vm::new(config(size)).expect("heap")
}

/// Compiles `src` and returns the disassembly or the error as text
/// (`Kind: msg @line:col`).
pub fn compile_text(vm: &mut Vm, src: &[u8], mode: Mode) -> Result<String, String> {
    vm.enter(|cx| {
        let f = cx.state.qstr.intern(b"c.py").map_err(|e| e.to_string())?;
        match upy::compile(cx, src, f, mode) {
            Ok(code) => {
                let mut s = String::new();
                upy::showbc::disassemble(&mut s, &cx.state.qstr, code).unwrap();
                Ok(s)
            }
            Err(e) => Err(err_text(&e)),
        }
    })
}

pub fn err_text(e: &CompileError) -> String {
    format!("{}: {} @{}:{}", e.kind.name(), e.message(), e.line, e.col)
}

/// Compiles and checks the heap afterwards: returns the result and the
/// number of verifier failures (0 in builds without torture).
pub fn compile_checked(vm: &mut Vm, src: &[u8]) -> (Result<(), CompileError>, usize) {
    vm.enter(|cx| {
        let r = upy::compile(cx, src, Qstr(0), Mode::Exec).map(|_: Value| ());
        cx.heap.collect();
        let bad = verify(cx.heap);
        (r, bad)
    })
}

#[cfg(feature = "gc-torture")]
pub fn verify(h: &upy_heap::Heap) -> usize {
    h.verify()
}

#[cfg(not(feature = "gc-torture"))]
pub fn verify(_h: &upy_heap::Heap) -> usize {
    0
}

/// Undoes the escapes of `data/error_cases.txt`.
pub fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            match b[i + 1] {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'\\' => out.push(b'\\'),
                b'x' => {
                    out.push(u8::from_str_radix(&s[i + 2..i + 4], 16).unwrap());
                    i += 2;
                }
                c => out.extend_from_slice(&[b'\\', c]),
            }
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The parse tree of `src` as an S-expression, or the error text.
pub fn parse_text(vm: &mut Vm, src: &str) -> Result<String, String> {
    vm.enter(|cx| {
        let mut ar = upy::ast::Arena::new().unwrap();
        match upy::parse::parse_source(src.as_bytes(), &mut cx.state.qstr, &mut ar, Mode::Exec) {
            Ok(root) => {
                let mut s = String::new();
                upy::ast::dump(&mut s, &ar, &cx.state.qstr, root).unwrap();
                Ok(s)
            }
            Err(e) => Err(err_text(&e)),
        }
    })
}
