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
//! 5. corpus — `corpus::run_corpus` over the corpus directories with the
//!    release gc-torture builds of `upy` for every architecture, torture off
//!    (8 MiB heap) and on (collection before every allocation, full
//!    verification, 512 KiB heap): one row per (architecture, mode) with its
//!    figures, one failing row per failing program. A run that takes longer
//!    than `slow` is listed in the report's notes, not failed; only the
//!    per-run timeout (a hang, as the design says) fails it;
//! 6. fuzz — `fuzz::run_campaign` with a fixed seed and count against the same
//!    builds, CPython 3.11 as the oracle when it can be run: any finding fails
//!    the row, and so does a completion share under 80% (a generator whose
//!    programs die early tests nothing; with the oracle the share depends on
//!    the generator alone, so it is stable).
//!
//! Invariant: the gate passes only when every row passed; a stage that could
//! not run (a failed build) fails its row and the rows that needed it. A stage
//! switched off (no corpus directory, a fuzz count of 0) is listed under "not
//! in this gate run", never counted as passed.

use crate::bincheck;
use crate::build::{Builder, Profile, Request};
use crate::findings::{Context, Store};
use crate::interp::{Arch, Interpreter, KnobStyle, Knobs, Torture};
use crate::runner::{execute, Execution};
use crate::sandbox::Limits;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const EXT_CORPUS: &str = "corpus stage (no corpus directory given)";
pub const EXT_FUZZ: &str = "fixed-seed fuzz stage (fuzz count 0)";

/// The generator's completion share the fuzz stage requires, in percent.
pub const MIN_COMPLETION: f64 = 80.0;

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
    /// Corpus directories (or programs) for the corpus stage; empty: no stage.
    pub corpus: Vec<PathBuf>,
    /// Prebuilt `upy` (gc-torture) per architecture for the corpus and fuzz
    /// stages, instead of building it.
    pub upy: Vec<(Arch, PathBuf)>,
    /// Time bound of each corpus run (a run past it is a hang and fails).
    /// Generous: the seed scenario (`corpora/seed/flt_hex_exec.py`, 20,000
    /// exec calls) takes over ten minutes at every allocation with
    /// verification on a loaded 2-core machine.
    pub corpus_timeout: Duration,
    /// Corpus runs slower than this are listed in the notes.
    pub slow: Duration,
    /// Programs of the fixed-seed fuzz stage; 0: no stage.
    pub fuzz_count: u64,
    pub fuzz_seed: u64,
    /// Time bound of each fuzz run.
    pub fuzz_timeout: Duration,
    /// The fuzz stage's output oracle (`None`: the interpreters must agree).
    pub oracle: Option<PathBuf>,
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
            corpus: vec![],
            upy: vec![],
            corpus_timeout: Duration::from_secs(1800),
            slow: Duration::from_secs(30),
            fuzz_count: 0,
            fuzz_seed: 1,
            fuzz_timeout: Duration::from_secs(60),
            oracle: None,
        }
    }

    /// What the report lists as not in this run.
    fn off_stages(&self) -> Vec<&'static str> {
        let mut v = vec![];
        if self.corpus.is_empty() {
            v.push(EXT_CORPUS);
        }
        if self.fuzz_count == 0 {
            v.push(EXT_FUZZ);
        }
        v
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
    /// Figures and observations that are not pass/fail (slow programs, stage timings).
    pub notes: Vec<String>,
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
        for n in &self.notes {
            s.push_str(&format!("note: {n}\n"));
        }
        for n in &self.not_yet {
            s.push_str(&format!("not in this gate run: {n}\n"));
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
            return Report {
                rows,
                total_ms: start.elapsed().as_millis() as u64,
                not_yet: opts.off_stages(),
                notes: vec![],
            };
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
    let mut notes =
        vec![format!("heap stages (build, capture, clean, fault) took {:.1}s", start.elapsed().as_secs_f64())];

    // 5 and 6: the stages that run Python on `upy`.
    if !opts.corpus.is_empty() || opts.fuzz_count > 0 {
        let upys = upy_builds(builder, opts, &mut |r| push(r, &mut rows));
        if !opts.corpus.is_empty() {
            let t = Instant::now();
            corpus_stage(opts, &upys, &scratch, &store, &mut |r| push(r, &mut rows), &mut notes);
            notes.push(format!("corpus stage took {:.1}s", t.elapsed().as_secs_f64()));
        }
        if opts.fuzz_count > 0 {
            let t = Instant::now();
            let r = fuzz_stage(opts, &upys, &scratch, &store, &mut notes);
            push(r, &mut rows);
            notes.push(format!("fuzz stage took {:.1}s", t.elapsed().as_secs_f64()));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Report { rows, total_ms: start.elapsed().as_millis() as u64, not_yet: opts.off_stages(), notes }
}

/// The `upy` gc-torture release build of every architecture (or the prebuilt
/// ones), one build row each; an architecture whose build failed is left out
/// (its row failed, so the gate does).
fn upy_builds(builder: &Builder, opts: &Options, push: &mut dyn FnMut(Row)) -> Vec<Interpreter> {
    let mut out = Vec::new();
    for &arch in &opts.archs {
        let t = Instant::now();
        if let Some((_, p)) = opts.upy.iter().find(|(a, _)| *a == arch) {
            let ok = p.is_file();
            let detail =
                if ok { format!("prebuilt {}", p.display()) } else { format!("{} does not exist", p.display()) };
            push(row("build", arch, "upy prebuilt", ok, t.elapsed(), detail));
            if ok {
                let path = std::fs::canonicalize(p).unwrap_or(p.clone());
                out.push(Interpreter {
                    name: arch.name().into(),
                    arch,
                    path,
                    style: KnobStyle::XOptions,
                    args: vec![],
                });
            }
            continue;
        }
        let req = Request::upy(arch, Profile::Release, &["gc-torture"]);
        let what = "upy gc-torture release";
        match builder.build(&req) {
            Ok(b) => {
                let how = if b.cached { "cached" } else { "built" };
                push(row("build", arch, what, true, t.elapsed(), format!("{how} {}", b.path.display())));
                out.push(Interpreter { name: req.label(), arch, path: b.path, style: req.style, args: vec![] });
            }
            Err(e) => push(row("build", arch, what, false, t.elapsed(), e.replace('\n', " / "))),
        }
    }
    out
}

/// The two corpus modes: torture off on a roomy heap, and collection before
/// every allocation with full verification on a small one (the collection's
/// cost grows with the heap), as `interpreter/tests/corpus.rs` runs them.
pub fn corpus_modes() -> Vec<Knobs> {
    vec![Knobs { heap_size: Some(8 << 20), ..Knobs::off() }, Knobs { heap_size: Some(512 << 10), ..Knobs::full() }]
}

fn corpus_stage(
    opts: &Options,
    upys: &[Interpreter],
    scratch: &Path,
    store: &Store,
    push: &mut dyn FnMut(Row),
    notes: &mut Vec<String>,
) {
    let t = Instant::now();
    let programs = crate::corpus::discover(&opts.corpus);
    if programs.is_empty() || upys.is_empty() {
        let why = if upys.is_empty() { "no upy build".to_string() } else { "no programs".to_string() };
        push(row("corpus", Arch::X64, "corpus", false, t.elapsed(), why));
        return;
    }
    let modes = corpus_modes();
    let plan = crate::corpus::Plan {
        interps: upys,
        modes: &modes,
        limits: Limits {
            wall: opts.corpus_timeout,
            cpu_secs: Some(opts.corpus_timeout.as_secs() + 5),
            ..Limits::default()
        },
        jobs: opts.jobs,
        scratch: scratch.to_path_buf(),
        store: Some(store),
    };
    // Progress for CI logs (not starting with pass/FAIL: those are rows).
    let total = programs.len() * upys.len() * modes.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let summary = crate::corpus::run_corpus(&plan, &programs, &|p, r| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if !r.outcome.passed() {
            eprintln!("corpus: failing run {} [{}]: {}", p.display(), r.label, r.outcome.describe());
        }
        if n.is_multiple_of(100) || n == total {
            eprintln!("corpus: {n}/{total} runs done, {:.0}s", t.elapsed().as_secs_f64());
        }
    });
    let base = common_root(&opts.corpus);
    let name = |p: &Path| p.strip_prefix(&base).unwrap_or(p).display().to_string();
    // One row per (architecture, mode): its share of the runs and its figures.
    for i in upys {
        for m in &modes {
            let label = format!("{} {}", i.name, m.label());
            let runs: Vec<&crate::corpus::RunRecord> =
                summary.programs.iter().flat_map(|p| p.runs.iter()).filter(|r| r.label == label).collect();
            let failed = runs.iter().filter(|r| !r.outcome.passed()).count();
            let ms: u64 = runs.iter().map(|r| r.wall_ms).sum();
            let subject =
                format!("corpus {}", if m.torture == Torture::Off { "torture off" } else { "torture every+verify" });
            let detail = format!(
                "{} programs, {} failed; {:.1} programs/s per job, {:.1}s of runs",
                runs.len(),
                failed,
                if ms > 0 { runs.len() as f64 * 1000.0 / ms as f64 } else { 0.0 },
                ms as f64 / 1000.0
            );
            push(row("corpus", i.arch, &subject, failed == 0, Duration::from_millis(ms), detail));
        }
    }
    for p in summary.programs.iter().filter(|p| !p.passed) {
        let finding = p.runs.iter().find_map(|r| r.finding.clone());
        let mut r = row("corpus", upys[0].arch, &name(&p.program), false, Duration::ZERO, p.detail.clone());
        r.arch = "-".into();
        r.finding = finding;
        push(r);
    }
    let mut slow: Vec<(u64, String)> = summary
        .programs
        .iter()
        .flat_map(|p| p.runs.iter().map(move |r| (p, r)))
        .filter(|(_, r)| r.wall_ms >= opts.slow.as_millis() as u64)
        .map(|(p, r)| (r.wall_ms, format!("{} [{}] {:.1}s", name(&p.program), r.label, r.wall_ms as f64 / 1000.0)))
        .collect();
    slow.sort_by_key(|s| std::cmp::Reverse(s.0));
    if !slow.is_empty() {
        notes.push(format!(
            "{} corpus run(s) slower than {}s (not a failure): {}",
            slow.len(),
            opts.slow.as_secs(),
            slow.iter().map(|s| s.1.as_str()).collect::<Vec<_>>().join("; ")
        ));
    }
    let passed = summary.programs.iter().filter(|p| p.passed).count();
    notes.push(format!(
        "corpus: {} programs, {} runs, {passed} passed, {} failed, in {:.1}s wall ({:.1} runs/s with {} jobs)",
        summary.programs.len(),
        summary.runs,
        summary.programs.len() - passed,
        summary.total_ms as f64 / 1000.0,
        if summary.total_ms > 0 { summary.runs as f64 * 1000.0 / summary.total_ms as f64 } else { 0.0 },
        opts.jobs
    ));
}

/// The deepest directory every corpus path lies in (for short program names).
fn common_root(paths: &[PathBuf]) -> PathBuf {
    let mut root = paths
        .first()
        .map(|p| if p.is_dir() { p.clone() } else { p.parent().map(Path::to_path_buf).unwrap_or_default() })
        .unwrap_or_default();
    while !paths.iter().all(|p| p.starts_with(&root)) {
        if !root.pop() {
            break;
        }
    }
    root
}

fn fuzz_stage(opts: &Options, upys: &[Interpreter], scratch: &Path, store: &Store, notes: &mut Vec<String>) -> Row {
    let t = Instant::now();
    let subject = format!("fuzz seed {} count {}", opts.fuzz_seed, opts.fuzz_count);
    if upys.is_empty() {
        let mut r = row("fuzz", Arch::X64, &subject, false, t.elapsed(), "no upy build".into());
        r.arch = "-".into();
        return r;
    }
    // The corpus seeds the campaign's seed template (when the gate has one).
    let seeds = crate::fuzz::load_seeds(&opts.corpus);
    let c = crate::fuzz::Campaign {
        seeds: &seeds,
        interps: upys,
        oracle: opts.oracle.clone(),
        seed: opts.fuzz_seed,
        shard: (0, 1),
        start_at: 0,
        count: Some(opts.fuzz_count),
        duration: None,
        jobs: opts.jobs,
        limits: Limits { wall: opts.fuzz_timeout, ..Limits::default() },
        store,
        scratch: scratch.to_path_buf(),
        // No minimising in the gate: its time is budgeted, and a failing
        // gate is rerun by hand (`gctorture reduce`, or the nightly minimises).
        reduce_tests: 0,
    };
    let s = crate::fuzz::run_campaign(&c, None, &|s| {
        eprintln!("fuzz: {} programs ({:.1}/s), {} findings", s.programs, s.programs_per_second, s.findings)
    });
    let share = if s.programs > 0 { s.completed as f64 * 100.0 / s.programs as f64 } else { 0.0 };
    let passed = s.findings == 0 && share >= MIN_COMPLETION;
    let oracle = match &opts.oracle {
        Some(o) => o.display().to_string(),
        None => "none (interpreters compared with each other)".into(),
    };
    let detail = format!(
        "{} programs, {} runs, {:.1} programs/s, {:.0}% ran to completion (need {MIN_COMPLETION:.0}%), {} findings, {} unreproduced, {} signatures; oracle {oracle}",
        s.programs, s.runs, s.programs_per_second, share, s.findings, s.flaky, s.distinct_signatures
    );
    notes.push(format!("fuzz: {detail}"));
    let mut r = row("fuzz", Arch::X64, &subject, passed, t.elapsed(), detail);
    r.arch = upys.iter().map(|i| i.arch.name()).collect::<Vec<_>>().join("+");
    if s.findings > 0 {
        r.finding = Some(opts.out.join("findings"));
    }
    r
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
