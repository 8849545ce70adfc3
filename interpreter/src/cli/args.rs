//! The command line of `upy`, parsed into `Options` (no side effects).
//!
//! In the habits of MicroPython's unix port and CPython: options come first;
//! `-c CMD`, `-m MODULE`, a FILE or `-` end them and everything after is the
//! program's `sys.argv[1:]`. Bad usage is an `Err` with one line of text,
//! which `main` prints and exits 2 with.

use upy_heap::parse_size;

pub const USAGE: &str = "usage: upy [option] ... [-c cmd | -m mod | file | -] [arg] ...";

pub const HELP: &str = "\
usage: upy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Runs a Python program (MicroPython-compatible, Python 3.11 language) in a
conservatively collected GC heap.

  file                 run the program in file; its arguments follow it
  -                    run the program read from stdin
  (nothing)            the REPL if stdin is a terminal, else the program on stdin
  -c cmd               run the program text cmd (sys.argv[0] is '-c')
  -m mod               find mod.py (or mod/__main__.py) on the current directory
                       and run it as __main__
  -i                   the REPL after the program (also when stdin is a pipe)
  -h, --help           this text
  -V, --version        the version
  -X heapsize=N[k|M]   heap size (default 64M; also --heap-size N)
  -X emit=bytecode     accepted (the only emitter)
  -X gc-torture[=N]    collect before every allocation, or every Nth
                       (needs a build with the gc-torture feature)
  -X gc-verify         verify the heap after every collection
  -X heapdump-dir=DIR  where heap dumps are written
  --dis file           print the bytecode of file
  --parse file         print the parse tree of file
  --check file         compile file only (exit 1 on a syntax error)

REPL keys: Up/Down history, Left/Right, Home/End, Backspace/Delete,
Ctrl-A/E (start/end), Ctrl-K/U (kill to end/start), Ctrl-C (clear the line;
while code runs: KeyboardInterrupt), Ctrl-D on an empty line (exit),
Ctrl-E on an empty line (paste mode; Ctrl-D runs the paste, Ctrl-C cancels).

Exit status: 0; 1 after an uncaught exception (traceback on stderr);
sys.exit(n) gives n; 130 after an uncaught KeyboardInterrupt; 2 for bad usage.

Environment (each -X option overrides its variable): UPY_HEAPSIZE=N[k|M],
UPY_GC_TORTURE=every|N, UPY_GC_VERIFY=1, UPY_GC_POISON=1, UPY_HEAPDUMP_DIR=DIR";

/// What the program is.
#[derive(Debug, PartialEq, Eq)]
pub enum Source {
    File(String),
    Command(String),
    Module(String),
    /// `-`, or no program with stdin not a terminal.
    Stdin,
    /// No program and stdin is a terminal.
    Repl,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Tool {
    Run,
    Dis,
    Parse,
    Check,
    Help,
    Version,
}

#[derive(Debug)]
pub struct Options {
    pub tool: Tool,
    pub source: Source,
    /// `-i`: the REPL after the program.
    pub inspect: bool,
    pub heapsize: Option<usize>,
    /// `-X` knobs in the heap's environment-variable terms.
    pub knobs: Vec<(&'static str, String)>,
    /// The program's arguments after the program itself.
    pub args: Vec<String>,
}

/// Parses the arguments after the program name. `stdin_tty` says whether
/// no program means the REPL.
pub fn parse(args: &[String], stdin_tty: bool) -> Result<Options, String> {
    let mut o = Options {
        tool: Tool::Run,
        source: Source::Repl,
        inspect: false,
        heapsize: None,
        knobs: Vec::new(),
        args: Vec::new(),
    };
    let mut source = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        // The value of an option given either as `-Xval` or `-X val`.
        let mut value = |flag: &str| -> Result<String, String> {
            if a.len() > flag.len() && !flag.starts_with("--") {
                return Ok(a[flag.len()..].to_string());
            }
            i += 1;
            args.get(i).cloned().ok_or_else(|| format!("argument expected for the {flag} option"))
        };
        match a {
            "-h" | "--help" => o.tool = Tool::Help,
            "-V" | "--version" => o.tool = Tool::Version,
            "-i" => o.inspect = true,
            "--dis" | "--parse" | "--check" => {
                o.tool = match a {
                    "--dis" => Tool::Dis,
                    "--parse" => Tool::Parse,
                    _ => Tool::Check,
                };
            }
            "-" => {
                source = Some(Source::Stdin);
                i += 1;
                break;
            }
            _ if a.starts_with("-c") => {
                source = Some(Source::Command(value("-c")?));
                i += 1;
                break;
            }
            _ if a.starts_with("-m") => {
                source = Some(Source::Module(value("-m")?));
                i += 1;
                break;
            }
            _ if a.starts_with("-X") || a == "--heap-size" => {
                let v = value(if a == "--heap-size" { "--heap-size" } else { "-X" })?;
                let v = if a == "--heap-size" { format!("heapsize={v}") } else { v };
                x_option(&mut o, &v)?;
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return Err(format!("unknown option {a} ({USAGE})"));
            }
            _ => {
                source = Some(Source::File(a.to_string()));
                i += 1;
                break;
            }
        }
        i += 1;
    }
    o.args = args[i.min(args.len())..].to_vec();
    o.source = match source {
        Some(s) => s,
        None if matches!(o.tool, Tool::Dis | Tool::Parse | Tool::Check) => {
            return Err("a file is required for --dis, --parse and --check".into())
        }
        None if stdin_tty || o.inspect => Source::Repl,
        None => Source::Stdin,
    };
    if matches!(o.tool, Tool::Dis | Tool::Parse | Tool::Check) && !matches!(o.source, Source::File(_)) {
        return Err("--dis, --parse and --check take a file".into());
    }
    Ok(o)
}

fn x_option(o: &mut Options, opt: &str) -> Result<(), String> {
    let (k, v) = opt.split_once('=').unwrap_or((opt, ""));
    match k {
        "heapsize" => o.heapsize = Some(parse_size(v).map_err(|e| format!("-X heapsize: {e}"))?),
        "gc-torture" => {
            if !v.is_empty() && v != "every" && v.parse::<u64>().map_or(true, |n| n == 0) {
                return Err(format!("-X gc-torture: expected a positive count, got '{v}'"));
            }
            o.knobs.push(("UPY_GC_TORTURE", if v.is_empty() { "every".into() } else { v.into() }))
        }
        "gc-verify" => o.knobs.push(("UPY_GC_VERIFY", if v.is_empty() { "1".into() } else { v.into() })),
        "heapdump-dir" if !v.is_empty() => o.knobs.push(("UPY_HEAPDUMP_DIR", v.into())),
        "emit" if v == "bytecode" => {}
        _ => return Err(format!("unknown -X option '{opt}'")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &[&str]) -> Result<Options, String> {
        let v: Vec<String> = a.iter().map(|s| s.to_string()).collect();
        parse(&v, false)
    }

    #[test]
    fn program_forms() {
        let o = p(&["-c", "print(1)", "a"]).unwrap();
        assert_eq!(o.source, Source::Command("print(1)".into()));
        assert_eq!(o.args, vec!["a"]);
        let o = p(&["-mfoo", "-x"]).unwrap();
        assert_eq!(o.source, Source::Module("foo".into()));
        assert_eq!(o.args, vec!["-x"]);
        let o = p(&["-X", "heapsize=1M", "f.py", "-c"]).unwrap();
        assert_eq!(o.source, Source::File("f.py".into()));
        assert_eq!(o.heapsize, Some(1 << 20));
        assert_eq!(o.args, vec!["-c"]);
        assert_eq!(p(&[]).unwrap().source, Source::Stdin);
        assert_eq!(p(&["-i"]).unwrap().source, Source::Repl);
    }

    #[test]
    fn bad_usage() {
        assert!(p(&["-q"]).is_err());
        assert!(p(&["-c"]).is_err());
        assert!(p(&["-X", "nope"]).is_err());
        assert!(p(&["-X", "heapsize=lots"]).is_err());
        assert!(p(&["-X", "gc-torture=0"]).is_err());
        assert!(p(&["--dis"]).is_err());
    }
}
