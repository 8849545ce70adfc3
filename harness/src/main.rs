//! The `gctorture` command: wires the library's stages to a command line.
//! Every subcommand's work lives in the library; this file parses arguments,
//! prints, and picks the exit code (0 success, 1 a failure found, 2 bad usage
//! or a harness that could not do its job).

use clap::{Parser, Subcommand};
use gctorture::build::{find_workspace, parse_prebuilt, Builder};
use gctorture::interp::Arch;
use gctorture::{bincheck, corpus, findings, fuzz, gate, reduce, replay};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "gctorture", version, about = "GC stress-testing harness for upy: gate, run, fuzz, replay, reduce")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// The CI gate: build the matrix, check the register capture, clean torture runs, every injected fault caught.
    Gate {
        /// Use a prebuilt fault-injection binary for ARCH (x64 or x86) instead of building: ARCH=PATH.
        #[arg(long = "interpreter", value_name = "ARCH=PATH", value_parser = parse_prebuilt)]
        prebuilt: Vec<(Arch, PathBuf)>,
        /// Only these architectures (default: x64 and x86).
        #[arg(long = "arch", value_parser = parse_arch)]
        archs: Vec<Arch>,
        /// Only these faults (default: all of upy_heap::Fault::ALL).
        #[arg(long = "fault")]
        faults: Vec<String>,
        /// Seconds each fault may take to be found.
        #[arg(long, default_value_t = 60)]
        bound: u64,
        /// Workload iterations of each heap-selftest run.
        #[arg(long, default_value_t = 5)]
        iterations: u64,
        /// Runs at once (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Output directory (findings/ inside it is emptied first). Default: target/gctorture-gate.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build cache directory. Default: target/gctorture-builds.
        #[arg(long)]
        cache: Option<PathBuf>,
        /// Write the report as JSON.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Pass --locked to cargo.
        #[arg(long)]
        locked: bool,
        /// Also build debug binaries (capture check and clean run; faults run on release builds).
        #[arg(long)]
        debug: bool,
        /// Corpus directories or programs for the corpus stage (default: corpora/ of the workspace).
        #[arg(long = "corpus", value_name = "PATH")]
        corpus: Vec<PathBuf>,
        /// Leave the corpus stage out.
        #[arg(long)]
        no_corpus: bool,
        /// A prebuilt `upy` (gc-torture) for ARCH instead of building it: ARCH=PATH. Repeatable.
        #[arg(long = "upy", value_name = "ARCH=PATH", value_parser = parse_prebuilt)]
        upy: Vec<(Arch, PathBuf)>,
        /// Seconds each corpus run may take (past it: a hang, which fails the gate).
        #[arg(long, default_value_t = 1800)]
        corpus_timeout: u64,
        /// Corpus runs slower than this many seconds are listed (not failed).
        #[arg(long, default_value_t = 30)]
        slow: u64,
        /// Programs of the fixed-seed fuzz stage (0: no fuzz stage).
        #[arg(long, default_value_t = 150)]
        fuzz_count: u64,
        /// Seed of the fuzz stage.
        #[arg(long, default_value_t = 1)]
        fuzz_seed: u64,
        /// The fuzz stage's output oracle (`none`: the builds are compared with each other).
        #[arg(long, default_value = "python3")]
        oracle: String,
    },
    /// Run corpus programs (*.py with *.py.exp) on every build, torture on and off.
    Run(corpus::RunArgs),
    /// A fuzz campaign of generated programs: seeded, shardable, resumable.
    Fuzz(fuzz::FuzzArgs),
    /// Re-run a saved finding and say whether its signature reproduces.
    Replay {
        finding: PathBuf,
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
    /// Minimise a program while a command keeps showing the same failure signature.
    Reduce(reduce::ReduceArgs),
    /// Check the register capture in ELF binaries (symbol, register stores, call sites).
    CheckCapture {
        #[arg(required = true)]
        binaries: Vec<PathBuf>,
    },
    /// List the findings saved in a directory.
    Findings { dir: PathBuf },
}

fn parse_arch(s: &str) -> Result<Arch, String> {
    Arch::parse(s).ok_or_else(|| format!("unknown architecture '{s}' (x64 or x86)"))
}

fn workspace() -> Result<PathBuf, String> {
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    find_workspace(&cwd).ok_or_else(|| {
        "not inside the project's cargo workspace (no Cargo.toml with [workspace] above the current directory)".into()
    })
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("gctorture: {}", msg.lines().next().unwrap_or(""));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                eprintln!("gctorture: a command is required: gate, run, fuzz, replay, reduce, check-capture, findings (see gctorture --help)");
                return ExitCode::from(2);
            }
            // clap's message is several lines; the first says what is wrong.
            let text = e.render().to_string();
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("bad arguments");
            let first = first.trim_start_matches("error: ");
            eprintln!("gctorture: {first} (see gctorture --help)");
            return ExitCode::from(2);
        }
    };
    match cli.cmd {
        Cmd::Gate {
            prebuilt,
            archs,
            faults,
            bound,
            iterations,
            jobs,
            out,
            cache,
            json,
            locked,
            debug,
            corpus,
            no_corpus,
            upy,
            corpus_timeout,
            slow,
            fuzz_count,
            fuzz_seed,
            oracle,
        } => {
            let ws = match workspace() {
                Ok(w) => w,
                Err(e) if prebuilt.len() >= archs.len().max(1) && !prebuilt.is_empty() => std::env::current_dir()
                    .unwrap_or_else(|_| {
                        eprintln!("gctorture: {e}");
                        PathBuf::from(".")
                    }),
                Err(e) => return fail(&e),
            };
            let mut builder = Builder::new(&ws);
            builder.locked = locked;
            if let Some(c) = cache {
                builder.cache = c;
            }
            let mut opts = gate::Options::new(out.unwrap_or_else(|| ws.join("target").join("gctorture-gate")));
            if !archs.is_empty() {
                opts.archs = archs;
            }
            let known: Vec<&str> = upy_heap::Fault::ALL.iter().map(|f| f.1).collect();
            if let Some(bad) = faults.iter().find(|f| !known.contains(&f.as_str())) {
                return fail(&format!("unknown fault '{bad}' (known: {})", known.join(", ")));
            }
            if !faults.is_empty() {
                opts.faults = faults;
            }
            opts.prebuilt = prebuilt;
            opts.bound = Duration::from_secs(bound);
            opts.iterations = iterations;
            opts.debug = debug;
            if !no_corpus {
                opts.corpus = if corpus.is_empty() { vec![ws.join("corpora")] } else { corpus };
                if let Some(bad) = opts.corpus.iter().find(|p| !p.exists()) {
                    return fail(&format!("--corpus {}: no such file or directory", bad.display()));
                }
            }
            opts.upy = upy;
            opts.corpus_timeout = Duration::from_secs(corpus_timeout.max(1));
            opts.slow = Duration::from_secs(slow);
            opts.fuzz_count = fuzz_count;
            opts.fuzz_seed = fuzz_seed;
            if fuzz_count > 0 && oracle != "none" {
                match fuzz::resolve_oracle(&oracle) {
                    Some(p) => opts.oracle = Some(p),
                    None => return fail(&format!("--oracle {oracle}: cannot run it (--oracle none to go without)")),
                }
            }
            if let Some(j) = jobs {
                opts.jobs = j.max(1);
            }
            // One line per decided row, starting with pass/FAIL so that log
            // scrapers (ci/test.sh counts such lines) see every check.
            let report = gate::run(&builder, &opts, &|r| {
                eprintln!(
                    "{}  {} {} {}: {} ({} ms)",
                    if r.passed { "pass" } else { "FAIL" },
                    r.stage,
                    r.arch,
                    r.subject,
                    r.detail,
                    r.time_ms
                )
            });
            gctorture::say!("{}", report.table().trim_end());
            if let Some(j) = json {
                if let Err(e) = std::fs::write(&j, serde_json::to_vec_pretty(&report).unwrap_or_default()) {
                    return fail(&format!("cannot write {}: {e}", j.display()));
                }
            }
            if report.passed() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Cmd::Run(args) => corpus::main(args),
        Cmd::Fuzz(args) => fuzz::main(args),
        Cmd::Replay { finding, timeout } => replay::main(&finding, Duration::from_secs(timeout)),
        Cmd::Reduce(args) => reduce::main(args),
        Cmd::CheckCapture { binaries } => {
            let mut ok = true;
            for b in binaries {
                match bincheck::check_file(&b) {
                    Ok(c) => {
                        gctorture::say!("{}: {} {}", b.display(), if c.ok() { "pass" } else { "FAIL" }, c.summary());
                        for l in &c.listing {
                            gctorture::say!("    {l}");
                        }
                        ok &= c.ok();
                    }
                    Err(e) => return fail(&format!("{}: {e}", b.display())),
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Cmd::Findings { dir } => {
            if !dir.is_dir() {
                return fail(&format!("{}: no such directory", dir.display()));
            }
            let store = match findings::Store::open(&dir) {
                Ok(s) => s,
                Err(e) => return fail(&format!("{}: {e}", dir.display())),
            };
            for (d, r) in store.list() {
                gctorture::say!(
                    "{}  {}  ({} on {}, {} duplicate(s))",
                    d.display(),
                    r.signature,
                    r.outcome.describe(),
                    r.build.name,
                    r.duplicates
                );
            }
            ExitCode::SUCCESS
        }
    }
}
