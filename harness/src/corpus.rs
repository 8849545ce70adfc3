//! `gctorture run [PATHS]`: corpus programs on every build of the matrix,
//! with torture on and off, each output compared with the committed expected
//! output and with the other runs of the same program.
//!
//! A corpus program is `name.py` with `name.py.exp` next to it; `.py` files
//! without an `.exp` are modules the programs import, not programs. Programs
//! run from a copy of their directory, so imports of their neighbours and
//! relative paths resolve as they did for CPython.
//!
//! Invariant: every (program, build, knobs) triple is run exactly once and
//! yields exactly one `RunRecord`; a program passes only when all its runs
//! passed and the passing runs' outputs agree. The exit code is 0 only when
//! every program passed.

use crate::build::{find_workspace, parse_prebuilt, Builder, Profile, Request};
use crate::findings::{Context, Store};
use crate::interp::{Arch, Interpreter, KnobStyle, Knobs};
use crate::outcome::{compare_runs, Outcome};
use crate::report;
use crate::runner::{execute, Program};
use crate::sandbox::Limits;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(clap::Args, Clone, Debug)]
pub struct RunArgs {
    /// Programs or directories (default: corpora/ of the workspace).
    pub paths: Vec<PathBuf>,
    /// A prebuilt interpreter for ARCH (x64 or x86) instead of building `upy`: ARCH=PATH. Repeatable.
    #[arg(long = "interpreter", value_name = "ARCH=PATH", value_parser = parse_prebuilt)]
    pub prebuilt: Vec<(Arch, PathBuf)>,
    /// How knobs reach the interpreter: `x` (upy's -X options) or `env` (UPY_GC_* variables).
    #[arg(long, default_value = "x", value_parser = ["x", "env"])]
    pub knobs: String,
    /// An argument placed before the program (repeatable).
    #[arg(long = "interpreter-arg", value_name = "ARG", allow_hyphen_values = true)]
    pub interpreter_args: Vec<String>,
    /// Run only with torture on (every allocation, full verification), or only off.
    #[arg(long, value_parser = ["both", "on", "off"], default_value = "both")]
    pub torture: String,
    /// Seconds each run may take.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Address-space limit of each run, in MiB.
    #[arg(long, default_value_t = 2048)]
    pub memory: u64,
    /// Runs at once (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Write a JUnit XML report.
    #[arg(long)]
    pub junit: Option<PathBuf>,
    /// Write a JSON report.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Save each failure as a finding here (de-duplicated by signature).
    #[arg(long)]
    pub findings: Option<PathBuf>,
    /// Progress bar: auto (on a terminal, not in CI), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub progress: String,
}

/// One run of one program.
#[derive(Clone, Debug, Serialize)]
pub struct RunRecord {
    pub label: String,
    pub outcome: Outcome,
    pub wall_ms: u64,
    pub signature: Option<String>,
    pub finding: Option<PathBuf>,
    #[serde(skip)]
    pub stdout: Vec<u8>,
    #[serde(skip)]
    pub stderr_tail: String,
}

/// A program's verdict over all its runs.
#[derive(Clone, Debug, Serialize)]
pub struct ProgramResult {
    pub program: PathBuf,
    pub passed: bool,
    pub verdict: String,
    pub detail: String,
    pub runs: Vec<RunRecord>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub programs: Vec<ProgramResult>,
    pub runs: usize,
    pub total_ms: u64,
}

impl Summary {
    pub fn passed(&self) -> bool {
        self.programs.iter().all(|p| p.passed)
    }

    /// Counts per outcome over all runs, then the failing programs.
    pub fn table(&self) -> String {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for r in self.programs.iter().flat_map(|p| &p.runs) {
            match counts.iter_mut().find(|c| c.0 == r.outcome.name()) {
                Some(c) => c.1 += 1,
                None => counts.push((r.outcome.name(), 1)),
            }
        }
        let mut s = String::from("outcome            runs\n");
        for (n, c) in &counts {
            s.push_str(&format!("{n:<18} {c:>5}\n"));
        }
        for p in self.programs.iter().filter(|p| !p.passed) {
            s.push_str(&format!("FAIL {}: {}\n", p.program.display(), p.detail));
        }
        let failed = self.programs.iter().filter(|p| !p.passed).count();
        s.push_str(&format!(
            "run: {} programs, {} runs in {:.1}s: {} passed, {} failed\n",
            self.programs.len(),
            self.runs,
            self.total_ms as f64 / 1000.0,
            self.programs.len() - failed,
            failed
        ));
        s
    }
}

/// Every corpus program under `paths`, sorted.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    walk(&e.path(), out);
                }
            }
        } else if p.extension().is_some_and(|x| x == "py") && exp_path(p).is_file() {
            out.push(p.to_path_buf());
        }
    }
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

fn exp_path(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".exp");
    PathBuf::from(s)
}

/// Bytes of neighbour files copied along with one corpus program, at most.
const NEIGHBOURS_MAX: u64 = 4 << 20;

/// The files under `dir` a program may import or read (relative names),
/// failed outputs (`.out`) excepted; expected outputs come along (stand-in
/// interpreters in the harness's tests print them).
fn neighbours(dir: &Path, rel: &Path, skip: &Path, out: &mut Vec<(String, Vec<u8>)>, budget: &mut u64) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let name = rel.join(e.file_name());
        let n = e.file_name().to_string_lossy().into_owned();
        match e.file_type() {
            Ok(t) if t.is_dir() && n != "__pycache__" => neighbours(&p, &name, skip, out, budget),
            Ok(t) if t.is_file() && p != skip && !n.ends_with(".out") => {
                let size = e.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
                if size <= *budget {
                    if let Ok(data) = std::fs::read(&p) {
                        *budget -= size;
                        out.push((name.to_string_lossy().into_owned(), data));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A corpus program runs the way its `.exp` was made (`cd corpora/AREA &&
/// python3 name.py`): from a working directory holding a copy of its
/// directory, so imports of its neighbours and relative paths resolve, while
/// the run still cannot touch the repository.
fn load_program(p: &Path) -> std::io::Result<Program> {
    let abs = std::fs::canonicalize(p)?;
    let mut modules = vec![];
    if let Some(dir) = abs.parent() {
        neighbours(dir, Path::new(""), &abs, &mut modules, &mut { NEIGHBOURS_MAX });
    }
    Ok(Program {
        name: abs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "program.py".into()),
        text: std::fs::read(&abs)?,
        expected: Some(std::fs::read(exp_path(&abs))?),
        origin: None,
        modules,
    })
}

/// The knob settings of `--torture`.
pub fn modes(which: &str) -> Vec<Knobs> {
    match which {
        "on" => vec![Knobs::full()],
        "off" => vec![Knobs::off()],
        _ => vec![Knobs::off(), Knobs::full()],
    }
}

/// Runs `programs` on every interpreter under every knob setting.
/// `tick` is called after each run with the program and the run's record.
pub struct Plan<'a> {
    pub interps: &'a [Interpreter],
    pub modes: &'a [Knobs],
    pub limits: Limits,
    pub jobs: usize,
    pub scratch: PathBuf,
    pub store: Option<&'a Store>,
}

pub fn run_corpus(plan: &Plan, programs: &[PathBuf], tick: &(dyn Fn(&Path, &RunRecord) + Sync)) -> Summary {
    let start = Instant::now();
    let loaded: Vec<Result<Program, String>> =
        programs.iter().map(|p| load_program(p).map_err(|e| format!("cannot read {}: {e}", p.display()))).collect();
    let mut work: Vec<(usize, usize, usize)> = Vec::new();
    for pi in 0..programs.len() {
        for ii in 0..plan.interps.len() {
            for mi in 0..plan.modes.len() {
                work.push((pi, ii, mi));
            }
        }
    }
    // The seed scenario's runs take minutes under torture: start them first
    // so they overlap the many short runs instead of trailing them.
    work.sort_by_key(|&(pi, _, _)| !programs[pi].components().any(|c| c.as_os_str() == "seed"));
    work.reverse();
    let total_runs = work.len();
    let work = Mutex::new(work);
    let results: Mutex<Vec<(usize, usize, usize, RunRecord)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..plan.jobs.max(1) {
            s.spawn(|| loop {
                let Some((pi, ii, mi)) = work.lock().unwrap_or_else(|e| e.into_inner()).pop() else { break };
                let interp = &plan.interps[ii];
                let knobs = &plan.modes[mi];
                let rec = match &loaded[pi] {
                    Err(e) => RunRecord {
                        label: format!("{} {}", interp.name, knobs.label()),
                        outcome: Outcome::HarnessError { detail: e.clone() },
                        wall_ms: 0,
                        signature: None,
                        finding: None,
                        stdout: vec![],
                        stderr_tail: String::new(),
                    },
                    Ok(prog) => {
                        let e = execute(interp, knobs, Some(prog), &plan.limits, &plan.scratch);
                        let finding = match (plan.store, e.outcome.is_finding()) {
                            (Some(store), true) => {
                                store.save_or_warn(&e, interp, Some(prog), &Context::default()).map(|s| s.dir)
                            }
                            _ => None,
                        };
                        let err = String::from_utf8_lossy(e.stderr());
                        let tail: Vec<&str> = err.lines().rev().take(5).collect();
                        RunRecord {
                            label: e.label(),
                            outcome: e.outcome.clone(),
                            wall_ms: e.wall_ms(),
                            signature: e.signature.clone(),
                            finding,
                            stdout: e.stdout().to_vec(),
                            stderr_tail: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
                        }
                    }
                };
                tick(&programs[pi], &rec);
                results.lock().unwrap_or_else(|e| e.into_inner()).push((pi, ii, mi, rec));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|r| (r.0, r.1, r.2));
    let mut out: Vec<ProgramResult> = Vec::new();
    let mut it = results.into_iter().peekable();
    for (pi, program) in programs.iter().enumerate() {
        let mut runs = Vec::new();
        while let Some(r) = it.next_if(|r| r.0 == pi) {
            runs.push(r.3);
        }
        out.push(verdict(program, runs));
    }
    Summary { programs: out, runs: total_runs, total_ms: start.elapsed().as_millis() as u64 }
}

/// The program's verdict: its failing runs, then whether the outputs of the
/// runs that finished normally agree with each other.
fn verdict(program: &Path, runs: Vec<RunRecord>) -> ProgramResult {
    let failing: Vec<&RunRecord> = runs.iter().filter(|r| !r.outcome.passed()).collect();
    let comparable: Vec<(String, Vec<u8>)> = runs
        .iter()
        .filter(|r| {
            matches!(r.outcome, Outcome::Pass | Outcome::OutputDiffers { .. })
                && !r.outcome.describe().contains("exit status")
        })
        .map(|r| (r.label.clone(), r.stdout.clone()))
        .collect();
    let disagreement = compare_runs(&comparable);
    let (passed, verdict, detail) = match (failing.first(), disagreement) {
        (None, None) => (true, "pass".to_string(), format!("{} runs", runs.len())),
        (None, Some(d)) => (false, "output-differs".to_string(), d),
        (Some(f), d) => {
            // Runs that failed the same way are named together.
            let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
            for r in &failing {
                let d = r.outcome.describe();
                match groups.iter_mut().find(|g| g.0 == d) {
                    Some(g) => g.1.push(&r.label),
                    None => groups.push((d, vec![&r.label])),
                }
            }
            let mut detail: Vec<String> = groups.iter().map(|g| format!("{} on [{}]", g.0, g.1.join(", "))).collect();
            if let Some(d) = d {
                detail.push(d);
            }
            (false, f.outcome.name().to_string(), detail.join("; "))
        }
    };
    ProgramResult { program: program.to_path_buf(), passed, verdict, detail, runs }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("gctorture: {msg}");
    ExitCode::from(2)
}

pub fn main(args: RunArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let ws = find_workspace(&cwd);
    let paths = if args.paths.is_empty() {
        match &ws {
            Some(w) => vec![w.join("corpora")],
            None => {
                return fail("no PATHS given and not inside the project's workspace (where corpora/ is the default)")
            }
        }
    } else {
        args.paths.clone()
    };
    if let Some(bad) = paths.iter().find(|p| !p.exists()) {
        return fail(&format!("{}: no such file or directory", bad.display()));
    }
    let programs = discover(&paths);
    if programs.is_empty() {
        return fail(&format!(
            "no programs (*.py with a *.py.exp next to it) under {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    let style = if args.knobs == "env" { KnobStyle::Env } else { KnobStyle::XOptions };
    let mut interps = Vec::new();
    if args.prebuilt.is_empty() {
        let Some(ws) = &ws else { return fail("no --interpreter given and not inside the workspace to build `upy`") };
        let builder = Builder::new(ws);
        for arch in Arch::ALL {
            let req = Request::upy(arch, Profile::Release, &["gc-torture"]);
            match builder.build(&req) {
                Ok(b) => interps.push(Interpreter {
                    name: req.label(),
                    arch,
                    path: b.path,
                    style,
                    args: args.interpreter_args.clone(),
                }),
                Err(e) => return fail(&e),
            }
        }
    } else {
        for (arch, path) in &args.prebuilt {
            if !path.is_file() {
                return fail(&format!("--interpreter {}: no such file", path.display()));
            }
            let n = interps.iter().filter(|i: &&Interpreter| i.arch == *arch).count();
            let name = if n == 0 { arch.name().to_string() } else { format!("{}#{}", arch.name(), n + 1) };
            let path = std::fs::canonicalize(path).unwrap_or(path.clone());
            interps.push(Interpreter { name, arch: *arch, path, style, args: args.interpreter_args.clone() });
        }
    }
    let store = match &args.findings {
        Some(d) => match Store::open(d) {
            Ok(s) => Some(s),
            Err(e) => return fail(&format!("{}: {e}", d.display())),
        },
        None => None,
    };
    let modes = modes(&args.torture);
    let scratch = match crate::sandbox::temp_dir(&std::env::temp_dir(), "gctorture-scratch-") {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot create a scratch directory: {e}")),
    };
    let plan = Plan {
        interps: &interps,
        modes: &modes,
        limits: Limits {
            wall: Duration::from_secs(args.timeout),
            address_space: Some(args.memory << 20),
            ..Limits::default()
        },
        jobs: args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
        scratch: scratch.clone(),
        store: store.as_ref(),
    };
    let total = (programs.len() * interps.len() * modes.len()) as u64;
    let bar_wanted = match args.progress.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stderr().is_terminal() && std::env::var_os("CI").is_none(),
    };
    let bar = bar_wanted.then(|| {
        let b = indicatif::ProgressBar::new(total);
        if let Ok(st) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} runs, {elapsed} {msg}") {
            b.set_style(st);
        }
        b
    });
    let failures = std::sync::atomic::AtomicUsize::new(0);
    let summary = run_corpus(&plan, &programs, &|p, r| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bad = !r.outcome.passed();
        if bad {
            failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        match &bar {
            Some(b) => {
                if bad {
                    b.println(format!("FAIL {name} [{}]: {}", r.label, r.outcome.describe()));
                }
                b.set_message(format!("{} failed", failures.load(std::sync::atomic::Ordering::Relaxed)));
                b.inc(1);
            }
            None => eprintln!(
                "{} {name} [{}] {} ms{}",
                if bad { "FAIL" } else { "pass" },
                r.label,
                r.wall_ms,
                if bad { format!(": {}", r.outcome.describe()) } else { String::new() }
            ),
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let _ = std::fs::remove_dir_all(&scratch);
    crate::say!("{}", summary.table().trim_end());
    if let Some(j) = &args.junit {
        if let Err(e) = std::fs::write(j, report::junit(&summary)) {
            return fail(&format!("cannot write {}: {e}", j.display()));
        }
    }
    if let Some(j) = &args.json {
        if let Err(e) = std::fs::write(j, serde_json::to_vec_pretty(&summary).unwrap_or_default()) {
            return fail(&format!("cannot write {}: {e}", j.display()));
        }
    }
    if summary.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_brings_its_neighbours() {
        let d = crate::sandbox::temp_dir(&std::env::temp_dir(), "gctorture-neighbours-").unwrap();
        std::fs::create_dir_all(d.join("impdata/pkg")).unwrap();
        std::fs::write(d.join("main.py"), "import sys\n").unwrap();
        std::fs::write(d.join("main.py.exp"), "").unwrap();
        std::fs::write(d.join("main.py.out"), "stale").unwrap();
        std::fs::write(d.join("impdata/pkg/__init__.py"), "X = 1\n").unwrap();
        let p = load_program(&d.join("main.py")).unwrap();
        let names: Vec<&str> = p.modules.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(names, ["impdata/pkg/__init__.py", "main.py.exp"]);
        assert!(p.origin.is_none());
        // They land in the working directory with their directories.
        let w = crate::sandbox::temp_dir(&std::env::temp_dir(), "gctorture-neighbours-w-").unwrap();
        for (n, t) in &p.modules {
            crate::sandbox::write_file(&w, n, t).unwrap();
        }
        assert!(w.join("impdata/pkg/__init__.py").is_file());
        assert!(crate::sandbox::write_file(&w, "../escape", b"x").is_err());
        assert!(crate::sandbox::write_file(&w, "/abs", b"x").is_err());
        std::fs::remove_dir_all(d).unwrap();
        std::fs::remove_dir_all(w).unwrap();
    }
}
