//! `gctorture fuzz`: a campaign of generated programs.
//!
//! Program `i` of a campaign is `gen::generate(bytes(seed, i))`, so a
//! (seed, index) pair names a program forever. `--shard I/N` takes the
//! indices congruent to I mod N, so any scheduler can spread one campaign over
//! machines with no overlap. Each program runs once under the oracle (CPython
//! 3.11 by default) and once on every interpreter with torture knobs drawn per
//! run from (seed, index, interpreter) — interval, random-interval seed, heap
//! size — recorded with any finding.
//!
//! Oracles: a failed GC check, a crash, a hang, and output that differs from
//! the oracle's (when the oracle ran the program to completion) or between the
//! interpreters. A clean `MemoryError` is not a finding.
//!
//! Invariants: a finding is saved (atomically, by the findings store) before
//! it is minimised, and the minimised program is added to its directory
//! afterwards, so a campaign killed at any point loses no finding. The
//! campaign's state file records the longest prefix of this shard's indices
//! that is finished; `--resume` continues after it (programs past the prefix
//! that had finished are run again; their findings de-duplicate).

use crate::build::{find_workspace, parse_prebuilt, Builder, Profile, Request};
use crate::findings::{Context, Store};
use crate::interp::{Arch, Interpreter, KnobStyle, Knobs, Torture};
use crate::outcome::{compare_runs, Outcome};
use crate::reduce::reduce_program;
use crate::runner::{execute, Program};
use crate::sandbox::{self, Exit, Limits, Spec};
use std::collections::{BTreeSet, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(clap::Args, Clone, Debug)]
pub struct FuzzArgs {
    /// An interpreter to fuzz, ARCH=PATH (repeatable); default: build `upy` (gc-torture) for x64 and x86.
    #[arg(long = "interpreter", value_name = "ARCH=PATH", value_parser = parse_prebuilt)]
    pub prebuilt: Vec<(Arch, PathBuf)>,
    /// How knobs reach the interpreter: `x` (upy's -X options) or `env`.
    #[arg(long, default_value = "x", value_parser = ["x", "env"])]
    pub knobs: String,
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Programs to run (in this shard).
    #[arg(long)]
    pub count: Option<u64>,
    /// Seconds to run for.
    #[arg(long)]
    pub duration: Option<u64>,
    /// Programs at once (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// This shard of the campaign: I/N, 0 <= I < N.
    #[arg(long, default_value = "0/1", value_parser = parse_shard)]
    pub shard: (u64, u64),
    /// Campaign directory: findings/, state.json, stats.json.
    #[arg(long)]
    pub out: PathBuf,
    /// The reference interpreter (`none` for no output oracle).
    #[arg(long, default_value = "python3")]
    pub oracle: String,
    /// Seconds each run may take.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
    /// Test budget for minimising each new finding (0: do not minimise).
    #[arg(long, default_value_t = 150)]
    pub reduce_tests: usize,
    /// Continue after the finished prefix recorded in the campaign's state.
    #[arg(long)]
    pub resume: bool,
    /// Corpus directories whose programs seed the corpus template (repeatable; default: none).
    #[arg(long = "seeds", value_name = "DIR")]
    pub seeds: Vec<PathBuf>,
}

pub fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("--shard {s}: expected I/N with 0 <= I < N");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (u64, u64) = (i.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
    if n == 0 || i >= n {
        return Err(bad());
    }
    Ok((i, n))
}

/// splitmix64: the campaign's only source of randomness.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The generator's input for program `index` of campaign `seed`.
pub fn program_bytes(seed: u64, index: u64) -> Vec<u8> {
    let mut x = mix(seed ^ mix(index));
    let len = 256 + (x % 3840) as usize;
    (0..len)
        .map(|_| {
            x = mix(x);
            x as u8
        })
        .collect()
}

/// Torture knobs for one run, drawn from (seed, index, interpreter).
pub fn knobs_for(seed: u64, index: u64, interp: usize) -> Knobs {
    let x = mix(mix(seed ^ 0x6b6e_6f62) ^ mix(index) ^ interp as u64);
    let torture = match x % 10 {
        0..=3 => Torture::Every,
        4..=6 => Torture::Nth(2 + (x >> 8) % 63),
        _ => Torture::Random { seed: (x >> 16) % 1_000_000, mean: 1 + (x >> 40) % 16 },
    };
    // Collection at every allocation costs time in proportion to the heap:
    // small heaps keep torture runs fast (and reach MemoryError paths).
    let heap_size = [Some(128 << 10), Some(256 << 10), Some(512 << 10), Some(1 << 20)][((x >> 50) % 4) as usize];
    Knobs { torture, verify: true, mark_stack: None, heap_size, fault: None }
}

/// Live and final numbers of a campaign.
#[derive(Default, serde::Serialize)]
pub struct Stats {
    pub programs: u64,
    pub runs: u64,
    pub findings: u64,
    /// Findings a second run of the same program and knobs did not
    /// reproduce: saved (marked `UNREPRODUCED`), reported, not counted above.
    #[serde(default)]
    pub flaky: u64,
    pub distinct_signatures: u64,
    /// Programs the oracle (or, without one, every interpreter) ran to completion.
    pub completed: u64,
    pub seconds: f64,
    pub programs_per_second: f64,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct State {
    seed: u64,
    shard: (u64, u64),
    /// This shard's programs 0..done (in shard order) are finished.
    done: u64,
}

/// Resolves the oracle to a real executable (pyenv-style shims need an
/// environment the sandbox does not give).
pub fn resolve_oracle(name: &str) -> Option<PathBuf> {
    let out = std::process::Command::new(name).args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    (out.status.success() && p.is_file()).then_some(p)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("gctorture: {msg}");
    ExitCode::from(2)
}

pub struct Campaign<'a> {
    pub interps: &'a [Interpreter],
    pub oracle: Option<PathBuf>,
    pub seed: u64,
    pub shard: (u64, u64),
    pub start_at: u64,
    pub count: Option<u64>,
    pub duration: Option<Duration>,
    pub jobs: usize,
    pub limits: Limits,
    pub store: &'a Store,
    pub scratch: PathBuf,
    pub reduce_tests: usize,
    /// Corpus programs for the seed template (name, text); empty: no template.
    pub seeds: &'a [(String, String)],
}

/// Corpus programs under `paths` that can seed the template (`gen::usable_seed`).
pub fn load_seeds(paths: &[PathBuf]) -> Vec<(String, String)> {
    crate::corpus::discover(paths)
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            crate::gen::usable_seed(&text).then_some((name, text))
        })
        .collect()
}

/// Program `index`: one in eight is a corpus seed in its template (when
/// there are seeds), the rest come from the generator.
pub fn program_for(seed: u64, index: u64, seeds: &[(String, String)]) -> crate::gen::Generated {
    let bytes = program_bytes(seed, index);
    let x = mix(seed ^ mix(index ^ 0x5eed));
    if !seeds.is_empty() && x % 8 == 3 {
        let (_, text) = &seeds[((x >> 8) % seeds.len() as u64) as usize];
        return crate::gen::Generated { main: crate::gen::seed_template(&bytes, text), modules: vec![] };
    }
    crate::gen::generate_program(&bytes)
}

/// Runs one program (shard-local number `k`) everywhere; returns (completed,
/// findings saved, saved findings that did not reproduce).
fn one(c: &Campaign, k: u64, sigs: &Mutex<HashSet<String>>, runs: &AtomicU64) -> (bool, u64, u64) {
    let index = c.shard.0 + k * c.shard.1;
    let generated = program_for(c.seed, index, c.seeds);
    let text = generated.main.into_bytes();
    let modules: Vec<(String, Vec<u8>)> = generated.modules.into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
    let name = format!("fuzz-{}-{index}.py", c.seed);
    let mut expected = None;
    let mut completed = true;
    if let Some(o) = &c.oracle {
        let spec = Spec {
            program: o.clone(),
            args: vec![name.clone()],
            env: vec![("PATH".into(), "/usr/bin:/bin".into()), ("PYTHONHASHSEED".into(), "0".into())],
            limits: c.limits.clone(),
            files: std::iter::once((name.clone(), text.clone())).chain(modules.iter().cloned()).collect(),
            keep_workdir: false,
            scratch: Some(c.scratch.clone()),
        };
        match sandbox::run(&spec) {
            Ok(r) if r.exit == Exit::Code(0) && !r.timed_out && !r.stdout.truncated() => {
                expected = Some(r.stdout.bytes)
            }
            _ => completed = false,
        }
    }
    let program = Program { name, text, expected, origin: None, modules };
    let mut saved = 0;
    let mut flaky = 0;
    let mut passes = Vec::new();
    let save = |e: &crate::runner::Execution, interp: &Interpreter, knobs: &Knobs, minimisable: bool| -> u64 {
        let cx = Context { seed: Some(c.seed), time_to_find_ms: None, build_key: None };
        let Some(s) = c.store.save_or_warn(e, interp, Some(&program), &cx) else { return 0 };
        let sig = e.signature.clone().unwrap_or_default();
        let new = sigs.lock().unwrap_or_else(|p| p.into_inner()).insert(sig.clone());
        if s.new && new && minimisable && c.reduce_tests > 0 {
            minimise(c, interp, knobs, &program, &sig, &s.dir);
        }
        1
    };
    for (n, interp) in c.interps.iter().enumerate() {
        let knobs = knobs_for(c.seed, index, n);
        let e = execute(interp, &knobs, Some(&program), &c.limits, &c.scratch);
        runs.fetch_add(1, Ordering::Relaxed);
        if c.oracle.is_none() && e.outcome != Outcome::Pass {
            completed = false;
        }
        if e.outcome.is_finding() {
            // As ClusterFuzz does, a finding must reproduce to count: run it
            // once more with the same knobs. One that does not is still saved.
            let again = execute(interp, &knobs, Some(&program), &c.limits, &c.scratch);
            runs.fetch_add(1, Ordering::Relaxed);
            if again.signature == e.signature {
                saved += save(&e, interp, &knobs, true);
            } else {
                let cx = Context { seed: Some(c.seed), time_to_find_ms: None, build_key: None };
                if let Some(s) = c.store.save_or_warn(&e, interp, Some(&program), &cx) {
                    let note = format!(
                        "A second run with the same knobs gave {:?}; not counted as a finding.\n",
                        again.signature.as_deref().unwrap_or("a pass")
                    );
                    let _ = std::fs::write(s.dir.join("UNREPRODUCED"), note);
                    flaky += 1;
                }
            }
        } else if e.outcome == Outcome::Pass {
            passes.push((n, knobs, e));
        }
    }
    // Without an oracle verdict, the interpreters must agree with each other
    // (with one, each already had to match it). The odd one out is the finding.
    if program.expected.is_none() {
        let outputs: Vec<(String, Vec<u8>)> = passes.iter().map(|(_, _, e)| (e.label(), e.stdout().to_vec())).collect();
        if let Some(d) = compare_runs(&outputs) {
            if let Some((n, knobs, mut e)) = passes.pop() {
                e.signature = Some(format!("output-differs | interpreters disagree | program:{}", program.name));
                e.outcome = Outcome::OutputDiffers { detail: d };
                // One run alone cannot show a disagreement: nothing to minimise against.
                saved += save(&e, &c.interps[n], &knobs, false);
            }
        }
    }
    (completed, saved, flaky)
}

/// Delta-debugs a saved finding's program and adds `minimised.py` to its directory.
fn minimise(c: &Campaign, interp: &Interpreter, knobs: &Knobs, program: &Program, sig: &str, dir: &Path) {
    let text = String::from_utf8_lossy(&program.text).into_owned();
    let min = reduce_program(
        &text,
        &mut |cand| {
            let p = Program {
                name: program.name.clone(),
                text: cand.as_bytes().to_vec(),
                expected: program.expected.clone(),
                origin: None,
                modules: program.modules.clone(),
            };
            execute(interp, knobs, Some(&p), &c.limits, &c.scratch).signature.as_deref() == Some(sig)
        },
        c.reduce_tests,
    );
    let tmp = dir.join(".minimised.py.tmp");
    if std::fs::write(&tmp, &min).is_ok() {
        let _ = std::fs::rename(&tmp, dir.join("minimised.py"));
    }
}

/// Runs the campaign; `report` is called every couple of seconds with the live numbers.
pub fn run_campaign(c: &Campaign, state_path: Option<&Path>, report: &(dyn Fn(&Stats) + Sync)) -> Stats {
    let start = Instant::now();
    let next = AtomicU64::new(c.start_at);
    let programs = AtomicU64::new(0);
    let completed = AtomicU64::new(0);
    let findings = AtomicU64::new(0);
    let flaky = AtomicU64::new(0);
    let runs = AtomicU64::new(0);
    let sigs = Mutex::new(HashSet::new());
    let finished = Mutex::new((c.start_at, BTreeSet::new()));
    let busy = AtomicUsize::new(c.jobs.max(1));
    let stats = |elapsed: f64| {
        let p = programs.load(Ordering::Relaxed);
        Stats {
            programs: p,
            runs: runs.load(Ordering::Relaxed),
            findings: findings.load(Ordering::Relaxed),
            flaky: flaky.load(Ordering::Relaxed),
            distinct_signatures: sigs.lock().map(|s| s.len()).unwrap_or(0) as u64,
            completed: completed.load(Ordering::Relaxed),
            seconds: elapsed,
            programs_per_second: if elapsed > 0.0 { p as f64 / elapsed } else { 0.0 },
        }
    };
    let save_state = |done: u64| {
        if let Some(p) = state_path {
            let s = State { seed: c.seed, shard: c.shard, done };
            let tmp = p.with_extension("tmp");
            if std::fs::write(&tmp, serde_json::to_vec(&s).unwrap_or_default()).is_ok() {
                let _ = std::fs::rename(&tmp, p);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 0..c.jobs.max(1) {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if c.count.is_some_and(|n| k >= c.start_at + n) || c.duration.is_some_and(|d| start.elapsed() >= d)
                    {
                        break;
                    }
                    let (ok, f, fl) = one(c, k, &sigs, &runs);
                    programs.fetch_add(1, Ordering::Relaxed);
                    completed.fetch_add(ok as u64, Ordering::Relaxed);
                    findings.fetch_add(f, Ordering::Relaxed);
                    flaky.fetch_add(fl, Ordering::Relaxed);
                    let mut g = finished.lock().unwrap_or_else(|p| p.into_inner());
                    g.1.insert(k);
                    let before = g.0;
                    loop {
                        let cur = g.0;
                        if !g.1.remove(&cur) {
                            break;
                        }
                        g.0 += 1;
                    }
                    if g.0 != before {
                        save_state(g.0);
                    }
                }
                busy.fetch_sub(1, Ordering::Relaxed);
            });
        }
        s.spawn(|| {
            let mut last = Instant::now();
            while busy.load(Ordering::Relaxed) > 0 {
                std::thread::sleep(Duration::from_millis(100));
                if last.elapsed() >= Duration::from_secs(2) {
                    report(&stats(start.elapsed().as_secs_f64()));
                    last = Instant::now();
                }
            }
        });
    });
    stats(start.elapsed().as_secs_f64())
}

pub fn main(a: FuzzArgs) -> ExitCode {
    if a.count.is_none() && a.duration.is_none() {
        return fail("fuzz needs --count N or --duration SECONDS");
    }
    let style = if a.knobs == "env" { KnobStyle::Env } else { KnobStyle::XOptions };
    let mut interps = Vec::new();
    if a.prebuilt.is_empty() {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let Some(ws) = find_workspace(&cwd) else {
            return fail("no --interpreter given and not inside the workspace to build `upy`");
        };
        let builder = Builder::new(&ws);
        for arch in Arch::ALL {
            let req = Request::upy(arch, Profile::Release, &["gc-torture"]);
            match builder.build(&req) {
                Ok(b) => interps.push(Interpreter { name: req.label(), arch, path: b.path, style, args: vec![] }),
                Err(e) => return fail(&e),
            }
        }
    } else {
        for (arch, path) in &a.prebuilt {
            if !path.is_file() {
                return fail(&format!("--interpreter {}: no such file", path.display()));
            }
            let n = interps.iter().filter(|i: &&Interpreter| i.arch == *arch).count();
            let name = if n == 0 { arch.name().to_string() } else { format!("{}#{}", arch.name(), n + 1) };
            let path = std::fs::canonicalize(path).unwrap_or(path.clone());
            interps.push(Interpreter { name, arch: *arch, path, style, args: vec![] });
        }
    }
    let oracle = if a.oracle == "none" {
        None
    } else {
        match resolve_oracle(&a.oracle) {
            Some(p) => Some(p),
            None => {
                return fail(&format!("--oracle {}: cannot run it (use --oracle none to fuzz without one)", a.oracle))
            }
        }
    };
    let store = match Store::open(&a.out.join("findings")) {
        Ok(s) => s,
        Err(e) => return fail(&format!("{}: {e}", a.out.display())),
    };
    let state_path = a.out.join("state.json");
    let start_at = if a.resume {
        match std::fs::read(&state_path).ok().and_then(|b| serde_json::from_slice::<State>(&b).ok()) {
            Some(s) if s.seed == a.seed && s.shard == a.shard => s.done,
            Some(_) => return fail("--resume: the campaign's state is for another seed or shard"),
            None => 0,
        }
    } else {
        0
    };
    // Inside the campaign directory, so a killed campaign leaves no litter elsewhere.
    let scratch = match sandbox::temp_dir(&a.out, ".scratch-") {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot create a scratch directory: {e}")),
    };
    if let Some(bad) = a.seeds.iter().find(|p| !p.exists()) {
        return fail(&format!("--seeds {}: no such file or directory", bad.display()));
    }
    let seeds = load_seeds(&a.seeds);
    let c = Campaign {
        seeds: &seeds,
        interps: &interps,
        oracle,
        seed: a.seed,
        shard: a.shard,
        start_at,
        count: a.count,
        duration: a.duration.map(Duration::from_secs),
        jobs: a.jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
        limits: Limits { wall: Duration::from_secs(a.timeout), ..Limits::default() },
        store: &store,
        scratch: scratch.clone(),
        reduce_tests: a.reduce_tests,
    };
    let live = |s: &Stats| {
        let line = format!(
            "fuzz: {} programs ({:.1}/s), {} runs, {} findings, {} signatures, {:.0}% completed",
            s.programs,
            s.programs_per_second,
            s.runs,
            s.findings,
            s.distinct_signatures,
            if s.programs > 0 { s.completed as f64 * 100.0 / s.programs as f64 } else { 0.0 }
        );
        if std::io::stderr().is_terminal() {
            eprint!("\r{line}   ");
        } else {
            eprintln!("{line}");
        }
    };
    let stats = run_campaign(&c, Some(&state_path), &live);
    let _ = std::fs::remove_dir_all(&scratch);
    let _ = std::fs::write(a.out.join("stats.json"), serde_json::to_vec_pretty(&stats).unwrap_or_default());
    crate::say!(
        "fuzz: seed {} shard {}/{}: {} programs in {:.1}s ({:.1}/s), {} findings ({} more did not reproduce), {} distinct signatures, {:.0}% ran to completion; findings in {}",
        a.seed,
        a.shard.0,
        a.shard.1,
        stats.programs,
        stats.seconds,
        stats.programs_per_second,
        stats.findings,
        stats.flaky,
        stats.distinct_signatures,
        if stats.programs > 0 { stats.completed as f64 * 100.0 / stats.programs as f64 } else { 0.0 },
        a.out.join("findings").display()
    );
    if stats.findings == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_in_eight_programs_is_a_corpus_seed() {
        let seeds = vec![("a.py".to_string(), "print('seed')\n".to_string())];
        let n = (0..400).filter(|i| program_for(5, *i, &seeds).main.contains("SEED = 'print(\\'seed\\')\\n'")).count();
        assert!((25..=80).contains(&n), "{n}");
        assert!((0..50).all(|i| !program_for(5, i, &[]).main.contains("SEED = ")));
        assert!(crate::gen::usable_seed("print(1)\n"));
        assert!(!crate::gen::usable_seed("import sys\nsys.path.append('x')\n"));
    }

    #[test]
    fn shards() {
        assert_eq!(parse_shard("2/5"), Ok((2, 5)));
        assert!(parse_shard("5/5").is_err());
        assert!(parse_shard("1/0").is_err());
        assert!(parse_shard("x").is_err());
    }

    #[test]
    fn programs_and_knobs_are_functions_of_seed_and_index() {
        assert_eq!(program_bytes(7, 3), program_bytes(7, 3));
        assert_ne!(program_bytes(7, 3), program_bytes(7, 4));
        assert_ne!(program_bytes(7, 3), program_bytes(8, 3));
        assert_eq!(knobs_for(1, 2, 0), knobs_for(1, 2, 0));
        let kinds: HashSet<String> =
            (0..200).map(|i| knobs_for(1, i, 0).torture.env_value().split(':').next().unwrap().to_string()).collect();
        assert!(kinds.contains("every") && kinds.contains("random"), "{kinds:?}");
    }
}
