//! `upy`: the command line, in the habits of MicroPython's unix port.
//!
//!   upy [option]... FILE [ARG]...   run FILE as `__main__`
//!   upy -c CMD [ARG]...             run CMD (sys.argv[0] == '-c')
//!   upy -m MODULE [ARG]...          run MODULE.py from the current directory
//!   upy [-i]                        the REPL on a terminal (or with -i), else
//!                                   the program read from stdin
//!   upy --dis | --parse | --check FILE
//!
//! `upy --help` lists every option (`cli::args::HELP`). Bad usage: one line
//! on stderr, exit 2. A syntax error: CPython's report, exit 1. An uncaught
//! exception: CPython's traceback on stderr, exit 1; `sys.exit(n)` exits n;
//! an uncaught KeyboardInterrupt exits 130 (see `vm::report_uncaught`).
//!
//! Everything before the interpreter starts (arguments, reading the program)
//! uses ordinary Rust; the program itself runs inside the heap on a thread
//! with a large stack, under `vm::start`.

mod cli {
    pub mod args;
    pub mod lineedit;
    pub mod repl;
}

use cli::args::{self, Options, Source, Tool};
use std::io::{Read, Write};
use std::process::ExitCode;
use upy::objects::fd;
use upy::{CompileError, Mode, Vm};
use upy_heap::{parse_size, HeapConfig};

/// Native stack for the interpreter thread, and how much of it Python calls
/// may use before `RecursionError`.
const STACK_SIZE: usize = 256 << 20;
const STACK_LIMIT: usize = 200 << 20;

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("upy: {msg}");
    ExitCode::from(2)
}

/// The program text, its file name for messages, and `sys.argv[0]`.
struct Program {
    src: Vec<u8>,
    file: String,
    argv0: String,
}

fn load(o: &Options) -> Result<Option<Program>, ExitCode> {
    let os_err = |e: &std::io::Error| {
        let n = e.raw_os_error().unwrap_or(0);
        format!("[Errno {n}] {}", fd::strerror(n))
    };
    Ok(Some(match &o.source {
        Source::Repl => return Ok(None),
        Source::File(f) => match std::fs::read(f) {
            Ok(src) => Program { src, file: f.clone(), argv0: f.clone() },
            Err(e) => return Err(usage_error(&format!("can't open file '{f}': {}", os_err(&e)))),
        },
        Source::Command(c) => Program { src: c.clone().into_bytes(), file: "<string>".into(), argv0: "-c".into() },
        Source::Stdin => {
            let mut src = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut src) {
                return Err(usage_error(&format!("can't read stdin: {}", os_err(&e))));
            }
            let argv0 = if std::env::args().any(|a| a == "-") { "-" } else { "" };
            Program { src, file: "<stdin>".into(), argv0: argv0.into() }
        }
        Source::Module(m) => {
            let base = m.replace('.', "/");
            let found = [format!("{base}.py"), format!("{base}/__main__.py")]
                .into_iter()
                .find_map(|p| std::fs::read(&p).ok().map(|src| (p, src)));
            match found {
                Some((p, src)) => Program { src, file: p.clone(), argv0: p },
                None => {
                    eprintln!("upy: No module named {m}");
                    return Err(ExitCode::from(1));
                }
            }
        }
    }))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let o = match args::parse(&argv, fd::isatty(0)) {
        Ok(o) => o,
        Err(m) => return usage_error(&m),
    };
    match o.tool {
        Tool::Help => {
            println!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Tool::Version => {
            println!("upy {} (MicroPython-compatible, Python 3.11 language)", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let size = match o.heapsize {
        Some(n) => n,
        None => match std::env::var("UPY_HEAPSIZE") {
            Ok(s) => match parse_size(&s) {
                Ok(n) => n,
                Err(e) => return usage_error(&format!("UPY_HEAPSIZE: {e}")),
            },
            Err(_) => 64 << 20,
        },
    };
    let config = match HeapConfig::from_env(size).and_then(|mut c| {
        c.apply_env(|k| o.knobs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))?;
        Ok(c)
    }) {
        Ok(c) => c,
        Err(e) => return usage_error(&e.to_string()),
    };
    let prog = match load(&o) {
        Ok(p) => p,
        Err(code) => return code,
    };
    fd::install_sigint();
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
        run(&mut vm, &mut out, &o, prog.as_ref())
    });
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(3),
    }
}

fn run(vm: &mut Vm, out: &mut upy::vm::out::Out, o: &Options, prog: Option<&Program>) -> u8 {
    let argv0 = prog.map(|p| p.argv0.as_str()).unwrap_or("");
    let mut argv: Vec<&str> = vec![argv0];
    argv.extend(o.args.iter().map(String::as_str));
    vm.enter(|cx| {
        if let Some(p) = prog {
            if o.tool != Tool::Run {
                return tool(cx, o, p);
            }
        }
        upy::vm::start(cx, out, STACK_LIMIT, &argv, |rt| {
            if matches!(o.source, Source::Module(_)) && upy::vm::set_path0(rt, "").is_err() {
                return 1;
            }
            let mut status = 0;
            if let Some(p) = prog {
                let fq = match rt.intern(p.file.as_bytes()) {
                    Ok(q) => q,
                    Err(_) => return 1,
                };
                status = match upy::compile::compile_with(&mut rt.st.qstr, &p.src, fq, Mode::Exec) {
                    Ok(code) => match upy::vm::run_main(rt, code) {
                        Ok(()) => 0,
                        Err(e) => {
                            let exit = upy::vm::exc_is(e, &upy::objects::class::SYSTEM_EXIT_CLASS);
                            let s = upy::vm::report_uncaught(rt, e, &p.file, &p.src);
                            if exit {
                                return s;
                            }
                            s
                        }
                    },
                    Err(e) => {
                        let text = upy::error::report(&e, &p.file, &p.src);
                        upy::vm::write_stderr(rt, text.as_bytes());
                        1
                    }
                };
            }
            if prog.is_none() || o.inspect {
                let tty = fd::isatty(0) && prog.is_none_or(|p| p.file != "<stdin>");
                return cli::repl::run(rt, tty);
            }
            status
        })
    })
}

/// --dis, --parse, --check.
#[allow(clippy::result_large_err)]
fn tool(cx: &mut upy::Ctx<'_>, o: &Options, p: &Program) -> u8 {
    let r: Result<(), CompileError> = (|| {
        let fname = cx.state.qstr.intern(p.file.as_bytes()).map_err(|_| CompileError::memory())?;
        if o.tool == Tool::Parse {
            let mut ar = upy::ast::Arena::new().map_err(|_| CompileError::memory())?;
            let root = upy::parse::parse_source(&p.src, &mut cx.state.qstr, &mut ar, Mode::Exec)?;
            let mut text = String::new();
            let _ = upy::ast::dump(&mut text, &ar, &cx.state.qstr, root);
            println!("{text}");
            return Ok(());
        }
        let code = upy::compile(cx, &p.src, fname, Mode::Exec)?;
        if o.tool == Tool::Dis {
            let mut text = String::new();
            let _ = upy::showbc::disassemble(&mut text, &cx.state.qstr, code);
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
        Ok(())
    })();
    match r {
        Ok(()) => 0,
        Err(e) => {
            eprint!("{}", upy::error::report(&e, &p.file, &p.src));
            1
        }
    }
}
