//! `upy`: the command line.
//!
//!   upy [-X OPT]... FILE            run FILE as `__main__`
//!   upy --dis FILE                  print the bytecode of FILE
//!   upy --check FILE                compile FILE, print nothing on success
//!   upy --parse FILE                print the parse tree of FILE
//!
//! Bad usage: one line on stderr, exit 2. A syntax error: CPython's report
//! (`File "x.py", line N`, the line, a caret, `SyntaxError: msg`), exit 1.
//! An uncaught exception: CPython's traceback on stderr, exit 1.
//! `-X` options (each overrides the environment variable named after it):
//! `heapsize=N[k|M]` (`UPY_HEAPSIZE`, default 64M; also `--heap-size N`),
//! `gc-torture[=N]` (`UPY_GC_TORTURE`: every allocation, or every Nth),
//! `gc-verify` (`UPY_GC_VERIFY=1`), `heapdump-dir=DIR` (`UPY_HEAPDUMP_DIR`).

use std::io::Write;
use std::process::ExitCode;
use upy::{CompileError, Mode, Vm};
use upy_heap::{parse_size, HeapConfig};

const USAGE: &str = "usage: upy [-X OPT]... FILE | --dis FILE | --parse FILE | --check FILE";

/// Native stack for the interpreter thread, and how much of it Python calls
/// may use before `RecursionError`.
const STACK_SIZE: usize = 256 << 20;
const STACK_LIMIT: usize = 200 << 20;

enum Mode2 {
    Run,
    Dis,
    Parse,
    Check,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut heapsize: Option<usize> = None;
    // Knobs given as -X options, in the heap's environment-variable terms.
    let mut knobs: Vec<(&'static str, String)> = Vec::new();
    let mut mode = Mode2::Run;
    let mut file: Option<String> = None;
    let mut script_args: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--help" | "-h" => {
                println!("{USAGE}\n  FILE                 run FILE\n  --dis FILE           print the bytecode of FILE\n  --parse FILE         print the parse tree of FILE\n  --check FILE         compile FILE only\n  -X heapsize=N        heap size (k/M suffixes; also --heap-size N)\n  -X gc-torture[=N]    collect before every (or every Nth) allocation (gc-torture builds)\n  -X gc-verify         verify the heap after every collection\n  -X heapdump-dir=DIR  where heap dumps go\nenvironment: UPY_HEAPSIZE=N[k|M], UPY_GC_TORTURE, UPY_GC_VERIFY, UPY_GC_POISON, UPY_HEAPDUMP_DIR");
                return ExitCode::SUCCESS;
            }
            "--dis" => mode = Mode2::Dis,
            "--check" => mode = Mode2::Check,
            "--parse" => mode = Mode2::Parse,
            "--heap-size" | "-X" => {
                i += 1;
                let opt = args.get(i).map(String::as_str).unwrap_or("");
                let opt = if a == "--heap-size" { format!("heapsize={opt}") } else { opt.to_string() };
                let (k, v) = opt.split_once('=').unwrap_or((opt.as_str(), ""));
                match k {
                    "heapsize" => match parse_size(v) {
                        Ok(n) => heapsize = Some(n),
                        Err(e) => {
                            eprintln!("upy: -X heapsize: {e}");
                            return ExitCode::from(2);
                        }
                    },
                    "gc-torture" => {
                        knobs.push(("UPY_GC_TORTURE", if v.is_empty() { "every".into() } else { v.into() }))
                    }
                    "gc-verify" => knobs.push(("UPY_GC_VERIFY", if v.is_empty() { "1".into() } else { v.into() })),
                    "heapdump-dir" => knobs.push(("UPY_HEAPDUMP_DIR", v.into())),
                    "emit" if v == "bytecode" => {}
                    _ => {
                        eprintln!("upy: unknown -X option '{opt}'");
                        return ExitCode::from(2);
                    }
                }
            }
            _ if !a.starts_with('-') => {
                // The script; everything after it is the script's own arguments.
                file = Some(a.to_string());
                script_args = args[i + 1..].to_vec();
                break;
            }
            _ => {
                eprintln!("upy: bad usage: {USAGE}");
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    let Some(file) = file else {
        eprintln!("upy: bad usage: {USAGE}");
        return ExitCode::from(2);
    };
    let src = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("upy: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let size = match heapsize {
        Some(n) => n,
        None => match std::env::var("UPY_HEAPSIZE") {
            Ok(s) => match parse_size(&s) {
                Ok(n) => n,
                Err(e) => {
                    eprintln!("upy: UPY_HEAPSIZE: {e}");
                    return ExitCode::from(2);
                }
            },
            Err(_) => 64 << 20,
        },
    };
    let config = match HeapConfig::from_env(size).and_then(|mut c| {
        c.apply_env(|k| knobs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))?;
        Ok(c)
    }) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("upy: {e}");
            return ExitCode::from(2);
        }
    };
    // The interpreter runs on a thread of its own with a large stack (deep
    // recursion ends in RecursionError, checked against STACK_LIMIT).
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        let mut vm = match Vm::new(config) {
            Ok(vm) => vm,
            Err(e) => {
                eprintln!("upy: {e}");
                return 2;
            }
        };
        let mut out = upy::vm::out::Out::new();
        let mut argv: Vec<&str> = vec![file.as_str()];
        argv.extend(script_args.iter().map(String::as_str));
        run(&mut vm, &mut out, mode, &file, &src, &argv)
    });
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(3),
    }
}

#[allow(clippy::result_large_err)]
fn run(vm: &mut Vm, out: &mut upy::vm::out::Out, mode: Mode2, file: &str, src: &[u8], argv: &[&str]) -> u8 {
    let r: Result<u8, CompileError> = vm.enter(|cx| {
        let fname = match cx.state.qstr.intern(file.as_bytes()) {
            Ok(q) => q,
            Err(_) => return Err(CompileError::memory()),
        };
        if let Mode2::Parse = mode {
            let mut ar = upy::ast::Arena::new().map_err(|_| CompileError::memory())?;
            let root = upy::parse::parse_source(src, &mut cx.state.qstr, &mut ar, Mode::Exec)?;
            let mut text = String::new();
            let _ = upy::ast::dump(&mut text, &ar, &cx.state.qstr, root);
            println!("{text}");
            return Ok(0);
        }
        let code = upy::compile(cx, src, fname, Mode::Exec)?;
        match mode {
            Mode2::Dis => {
                let mut text = String::new();
                let _ = upy::showbc::disassemble(&mut text, &cx.state.qstr, code);
                let _ = std::io::stdout().write_all(text.as_bytes());
                Ok(0)
            }
            Mode2::Check | Mode2::Parse => Ok(0),
            Mode2::Run => Ok(upy::vm::run_program(cx, out, code, file, src, STACK_LIMIT, argv)),
        }
    });
    match r {
        Ok(c) => c,
        Err(e) => {
            out.flush();
            eprint!("{}", upy::error::report(&e, file, src));
            1
        }
    }
}
