//! `upy`: the command line. For now it compiles and disassembles; running
//! programs comes with the runtime.
//!
//!   upy --dis FILE     print the bytecode of FILE
//!   upy --check FILE   compile FILE, print nothing on success
//!   upy --parse FILE   print the parse tree of FILE
//!
//! Bad usage: one line on stderr, exit 2. A syntax error: CPython's report
//! (`File "x.py", line N`, the line, a caret, `SyntaxError: msg`), exit 1.
//! Heap size: `UPY_HEAPSIZE` (default 64M); torture knobs: `UPY_GC_*`.

use std::io::Write;
use std::process::ExitCode;
use upy::{CompileError, Mode, Vm};
use upy_heap::{parse_size, HeapConfig};

const USAGE: &str = "usage: upy --dis FILE | --parse FILE | --check FILE";

#[allow(clippy::result_large_err)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, file) = match args.as_slice() {
        [m, f] if m == "--dis" || m == "--check" || m == "--parse" => (m.as_str(), f.as_str()),
        [h] if h == "--help" || h == "-h" => {
            println!("{USAGE}\n  --dis FILE    print the bytecode of FILE\n  --parse FILE  print the parse tree of FILE\n  --check FILE  compile FILE only\nenvironment: UPY_HEAPSIZE=N[k|M], UPY_GC_TORTURE, UPY_GC_VERIFY, UPY_GC_POISON, UPY_HEAPDUMP_DIR");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("upy: bad usage: {USAGE}");
            return ExitCode::from(2);
        }
    };
    let src = match std::fs::read(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("upy: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let size = match std::env::var("UPY_HEAPSIZE") {
        Ok(s) => match parse_size(&s) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("upy: UPY_HEAPSIZE: {e}");
                return ExitCode::from(2);
            }
        },
        Err(_) => 64 << 20,
    };
    let config = match HeapConfig::from_env(size) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("upy: {e}");
            return ExitCode::from(2);
        }
    };
    let mut vm = match Vm::new(config) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("upy: {e}");
            return ExitCode::from(2);
        }
    };
    let code = vm.enter(|cx| {
        let fname = match cx.state.qstr.intern(file.as_bytes()) {
            Ok(q) => q,
            Err(_) => return Err(CompileError::memory()),
        };
        if mode == "--parse" {
            let mut ar = upy::ast::Arena::new().map_err(|_| CompileError::memory())?;
            let root = upy::parse::parse_source(&src, &mut cx.state.qstr, &mut ar, Mode::Exec)?;
            let mut text = String::new();
            let _ = upy::ast::dump(&mut text, &ar, &cx.state.qstr, root);
            println!("{text}");
            return Ok(());
        }
        let code = upy::compile(cx, &src, fname, Mode::Exec)?;
        if mode == "--dis" {
            let mut text = String::new();
            let _ = upy::showbc::disassemble(&mut text, &cx.state.qstr, code);
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
        Ok(())
    });
    match code {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprint!("{}", upy::error::report(&e, file, &src));
            ExitCode::from(1)
        }
    }
}
