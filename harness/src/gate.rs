//! `gctorture gate`: the CI regression gate, one command.
//!
//! Stages, in order, each a row (or rows) of the report:
//! 1. build — for each architecture the gc-torture and the fault-injection
//!    release builds (fat LTO), plus debug builds with `--debug`, from the
//!    cache when nothing changed; or one prebuilt fault-injection binary per
//!    architecture given with `--interpreter ARCH=PATH`;
//! 2. capture — `bincheck` on every binary: the register capture is a real,
//!    short function that stores the callee-saved registers and that the
//!    collector calls;
//! 3. clean — on every binary, the workload with collection before every
//!    allocation and full verification must pass with no finding;
//! 4. fault — every injected fault, on every architecture, must give a
//!    finding with a heap dump within the time bound; the time to the first
//!    finding is reported and the finding is saved in the gate's store.
//!
//! Extension points, to be filled when `upy` runs programs (they are not
//! stages yet, and the report says so rather than pretending):
//! - `EXT_CORPUS`: `corpus::run_corpus` over `corpora/` with the gc-torture
//!   build of `upy` (`build::Request::upy`) on both architectures;
//! - `EXT_FUZZ`: `fuzz::run_campaign` with a fixed seed and count, against
//!   the same builds, CPython as the oracle.
//!
//! Invariant: the gate passes only when every row passed; a stage that could
//! not run (a failed build) fails its row and the rows that needed it.

use crate::bincheck;
use crate::build::{Builder, Profile, Request};
use crate::findings::{Context, Store};
use crate::interp::{Arch, Interpreter, KnobStyle, Knobs, Torture};
use crate::runner::{execute, Execution};
use crate::sandbox::Limits;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const EXT_CORPUS: &str = "corpus run over corpora/ (needs `upy` to run programs)";
pub const EXT_FUZZ: &str =
    "fixed-seed fuzz run (needs `upy` to run programs; `gctorture fuzz` works today against any interpreter)";

#[derive(Clone, Debug)]
pub struct Options {
    pub archs: Vec<Arch>,
    /// Prebuilt fault-injection binaries, instead of building.
    pub prebuilt: Vec<(Arch, PathBuf)>,
    /// Time bound for each fault to be found.
    pub bound: Duration,
    /// `heap-selftest --iterations`.
    pub iterations: u64,
    pub mark_stack: u64,
    pub faults: Vec<String>,
    /// The gate's output directory; its `findings/` is emptied at the start.
    pub out: PathBuf,
    pub jobs: usize,
    /// Also build debug (gc-torture) binaries and give them the capture check
    /// and the clean run. Faults run on release builds only: debug builds
    /// spill every register, so `skip-registers` is invisible there.
    pub debug: bool,
}

/// One binary of the gate's matrix.
struct Subject {
    interp: Interpreter,
    key: Option<String>,
    /// "heap-selftest fault-injection release": the report's subject.
    what: String,
    /// The fault self-test runs on it.
    faults: bool,
}

impl Options {
    pub fn new(out: PathBuf) -> Options {
        Options {
            archs: Arch::ALL.to_vec(),
            prebuilt: vec![],
            bound: Duration::from_secs(60),
            iterations: 5,
            mark_stack: 16,
            faults: upy_heap::Fault::ALL.iter().map(|f| f.1.to_string()).collect(),
            out,
            jobs: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            debug: false,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub stage: String,
    pub arch: String,
    pub subject: String,
    pub passed: bool,
    pub time_ms: u64,
    pub detail: String,
    pub finding: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub rows: Vec<Row>,
    pub total_ms: u64,
    pub not_yet: Vec<&'static str>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.rows.iter().all(|r| r.passed)
    }

    /// The table, one row a line, then the verdict.
    pub fn table(&self) -> String {
        let mut s =
            format!("{:<8} {:<4} {:<40} {:<6} {:>9}  {}\n", "stage", "arch", "subject", "result", "time", "detail");
        for r in &self.rows {
            s.push_str(&format!(
                "{:<8} {:<4} {:<40} {:<6} {:>7}ms  {}\n",
                r.stage,
                r.arch,
                r.subject,
                if r.passed { "pass" } else { "FAIL" },
                r.time_ms,
                r.detail
            ));
        }
        for n in &self.not_yet {
            s.push_str(&format!("not yet in the gate: {n}\n"));
        }
        let failed = self.rows.iter().filter(|r| !r.passed).count();
        s.push_str(&format!(
            "gate: {} in {:.1}s\n",
            if failed == 0 { "PASS" } else { "FAIL" },
            self.total_ms as f64 / 1000.0
        ));
        // The conventional closing line, alone, for log readers.
        s.push_str(&format!("gate: {} passed, {} failed\n", self.rows.len() - failed, failed));
        s
    }
}

fn row(stage: &str, arch: Arch, subject: &str, passed: bool, t: Duration, detail: String) -> Row {
    Row {
        stage: stage.into(),
        arch: arch.name().into(),
        subject: subject.into(),
        passed,
        time_ms: t.as_millis() as u64,
        detail,
        finding: None,
    }
}

/// Runs the gate. `progress` receives each row as it is decided.
pub fn run(builder: &Builder, opts: &Options, progress: &(dyn Fn(&Row) + Sync)) -> Report {
    let start = Instant::now();
    let mut rows = Vec::new();
    let push = |r: Row, rows: &mut Vec<Row>| {
        progress(&r);
        rows.push(r);
    };
    let scratch = opts.out.join("scratch");
    let findings_dir = opts.out.join("findings");
    let _ = std::fs::remove_dir_all(&findings_dir);
    let _ = std::fs::create_dir_all(&scratch);
    let store = match Store::open(&findings_dir) {
        Ok(s) => s,
        Err(e) => {
            let r = Row {
                stage: "setup".into(),
                arch: "-".into(),
                subject: "findings".into(),
                passed: false,
                time_ms: 0,
                detail: format!("cannot create {}: {e}", findings_dir.display()),
                finding: None,
            };
            push(r, &mut rows);
            return Report { rows, total_ms: start.elapsed().as_millis() as u64, not_yet: vec![EXT_CORPUS, EXT_FUZZ] };
        }
    };

    // 1. builds: what CI tests programs with (gc-torture), the fault-injection
    // build the self-test needs, and on request debug builds.
    let mut interps: Vec<Subject> = Vec::new();
    let args = ["--iterations".to_string(), opts.iterations.to_string()];
    for &arch in &opts.archs {
        let t = Instant::now();
        if let Some((_, p)) = opts.prebuilt.iter().find(|(a, _)| *a == arch) {
            let ok = p.is_file();
            let detail = if ok {
                format!("prebuilt {}", p.display())
            } else {
                format!("prebuilt {} does not exist", p.display())
            };
            push(row("build", arch, "prebuilt", ok, t.elapsed(), detail), &mut rows);
            if ok {
                let interp = Interpreter {
                    name: arch.name().into(),
                    arch,
                    path: p.clone(),
                    style: KnobStyle::Env,
                    args: args.to_vec(),
                };
                interps.push(Subject { interp, key: None, what: "prebuilt".into(), faults: true });
            }
            continue;
        }
        let mut wanted = vec![
            (Request::heap_selftest(arch, Profile::Release, &["gc-torture"]), false),
            (Request::heap_selftest(arch, Profile::Release, &["fault-injection"]), true),
        ];
        if opts.debug {
            wanted.push((Request::heap_selftest(arch, Profile::Debug, &["gc-torture"]), false));
        }
        for (req, faults) in wanted {
            let t = Instant::now();
            let what = format!("{} {} {}", req.bin, req.features.join("+"), req.profile.name());
            match builder.build(&req) {
                Ok(b) => {
                    let how = if b.cached { "cached" } else { "built" };
                    push(
                        row("build", arch, &what, true, t.elapsed(), format!("{how} {}", b.path.display())),
                        &mut rows,
                    );
                    let name = format!("{}-{}", req.label(), req.features.join("+"));
                    let interp = Interpreter { name, arch, path: b.path, style: req.style, args: args.to_vec() };
                    interps.push(Subject { interp, key: Some(b.key), what, faults });
                }
                Err(e) => push(row("build", arch, &what, false, t.elapsed(), e.replace('\n', " / ")), &mut rows),
            }
        }
    }

    // 2. the register capture in each binary
    for Subject { interp: i, what, .. } in &interps {
        let t = Instant::now();
        let r = match bincheck::check_file(&i.path) {
            Ok(c) => row("capture", i.arch, what, c.ok(), t.elapsed(), c.summary()),
            Err(e) => row("capture", i.arch, what, false, t.elapsed(), e),
        };
        push(r, &mut rows);
    }

    let base = Knobs { mark_stack: Some(opts.mark_stack), ..Knobs::full() };
    let limits = Limits { wall: opts.bound, ..Limits::default() };

    // 3. clean runs: no finding allowed
    for Subject { interp: i, key, what, .. } in &interps {
        let e = execute(i, &base, None, &limits, &scratch);
        let ok = e.outcome.passed() && e.dumps.is_empty();
        let detail = if ok {
            String::from_utf8_lossy(e.stdout()).lines().last().unwrap_or("").trim().to_string()
        } else {
            format!("{} ({} dumps): {}", e.outcome.describe(), e.dumps.len(), last_line(e.stderr()))
        };
        let mut r =
            row("clean", i.arch, what, ok, Duration::from_millis(e.wall_ms()), format!("{}: {detail}", base.label()));
        if !ok {
            r.finding = save(&store, &e, i, key.as_ref(), None);
        }
        push(r, &mut rows);
    }

    // 4. fault self-test, (arch, fault) pairs spread over the jobs
    let mut pairs: Vec<(usize, &Interpreter, &Option<String>, &String)> = Vec::new();
    for sub in interps.iter().filter(|s| s.faults) {
        for f in &opts.faults {
            pairs.push((pairs.len(), &sub.interp, &sub.key, f));
        }
    }
    pairs.reverse();
    let work = Mutex::new(pairs);
    let done: Mutex<Vec<(usize, Row)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..opts.jobs.max(1) {
            s.spawn(|| loop {
                let Some((n, i, key, fault)) = work.lock().unwrap_or_else(|p| p.into_inner()).pop() else { break };
                let r = hunt(i, key, fault, &base, opts.bound, &scratch, &store);
                progress(&r);
                done.lock().unwrap_or_else(|p| p.into_inner()).push((n, r));
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|p| p.into_inner());
    done.sort_by_key(|d| d.0);
    rows.extend(done.into_iter().map(|d| d.1));
    let _ = std::fs::remove_dir_all(&scratch);
    Report { rows, total_ms: start.elapsed().as_millis() as u64, not_yet: vec![EXT_CORPUS, EXT_FUZZ] }
}

fn last_line(b: &[u8]) -> String {
    String::from_utf8_lossy(b).lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").chars().take(160).collect()
}

fn save(store: &Store, e: &Execution, i: &Interpreter, key: Option<&String>, ttf: Option<u64>) -> Option<PathBuf> {
    let cx = Context { seed: None, time_to_find_ms: ttf, build_key: key.cloned() };
    store.save_or_warn(e, i, None, &cx).map(|s| s.dir)
}

/// Searches for one fault until a finding with a heap dump or the bound: the
/// first attempt collects at every allocation, later ones at seeded random
/// intervals (a different schedule each time).
fn hunt(
    i: &Interpreter,
    key: &Option<String>,
    fault: &str,
    base: &Knobs,
    bound: Duration,
    scratch: &std::path::Path,
    store: &Store,
) -> Row {
    let start = Instant::now();
    let mut attempt: u64 = 0;
    let mut last = String::from("no attempt");
    while start.elapsed() < bound {
        let mut knobs = base.clone();
        knobs.fault = Some(fault.to_string());
        if attempt > 0 {
            knobs.torture = Torture::Random { seed: attempt, mean: 4 };
        }
        let limits =
            Limits { wall: bound.saturating_sub(start.elapsed()).max(Duration::from_millis(100)), ..Limits::default() };
        let e = execute(i, &knobs, None, &limits, scratch);
        attempt += 1;
        if e.outcome.is_finding() && !e.dumps.is_empty() {
            let ttf = start.elapsed();
            let class = e
                .diagnosis
                .as_ref()
                .and_then(|d| d.get("class"))
                .and_then(|c| c.as_str())
                .unwrap_or("dump not readable");
            let detail = format!(
                "{} after {attempt} run(s); {} dump(s); analyzer: {class}",
                e.outcome.describe(),
                e.dumps.len()
            );
            let mut r = row("fault", i.arch, fault, e.diagnosis.is_some(), ttf, detail);
            r.finding = save(store, &e, i, key.as_ref(), Some(ttf.as_millis() as u64));
            return r;
        }
        last = format!("{} ({} dumps)", e.outcome.describe(), e.dumps.len());
        if matches!(e.outcome, crate::outcome::Outcome::HarnessError { .. }) {
            break;
        }
    }
    row("fault", i.arch, fault, false, start.elapsed(), format!("not caught after {attempt} run(s); last: {last}"))
}
