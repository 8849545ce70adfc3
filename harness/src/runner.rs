//! One classified run: an interpreter of the matrix, a set of knobs and
//! (optionally) a program, run in the sandbox with a fresh heap-dump
//! directory, then classified, with every dump it left read by the heap-dump
//! analyzer for a diagnosis and bug class, and the signature computed.
//!
//! Invariant: an `Execution` owns its dump directory; the dumps in it stay
//! until the execution is dropped, so a finding can copy them first. Nothing
//! a run does can make `execute` fail: a run that could not even start is an
//! `Outcome::HarnessError`.

use crate::interp::{Interpreter, Invocation, Knobs};
use crate::outcome::{self, Outcome, StderrFacts};
use crate::sandbox::{self, Limits, RunResult, Spec};
use std::path::{Path, PathBuf};

/// A program to run: its file name in the working directory and its text.
#[derive(Clone, Debug)]
pub struct Program {
    pub name: String,
    pub text: Vec<u8>,
    pub expected: Option<Vec<u8>>,
    /// Where the program lives, for corpus programs that import their
    /// neighbours: run by this absolute path instead of a copy in the
    /// working directory (the interpreter then finds the neighbours).
    pub origin: Option<PathBuf>,
    /// Modules the program imports, placed next to it: (file name, text).
    pub modules: Vec<(String, Vec<u8>)>,
}

pub struct Execution {
    pub interpreter: String,
    pub knobs: Knobs,
    pub invocation: Invocation,
    pub result: Option<RunResult>,
    pub outcome: Outcome,
    pub facts: StderrFacts,
    /// Heap dumps the run left (named on stderr or found in the dump directory).
    pub dumps: Vec<PathBuf>,
    /// `heapdump explain --json` of the first readable dump.
    pub diagnosis: Option<serde_json::Value>,
    pub signature: Option<String>,
    dump_dir: PathBuf,
}

impl Drop for Execution {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dump_dir);
    }
}

impl Execution {
    pub fn wall_ms(&self) -> u64 {
        self.result.as_ref().map(|r| r.wall.as_millis() as u64).unwrap_or(0)
    }

    pub fn stdout(&self) -> &[u8] {
        self.result.as_ref().map(|r| r.stdout.bytes.as_slice()).unwrap_or(&[])
    }

    pub fn stderr(&self) -> &[u8] {
        self.result.as_ref().map(|r| r.stderr.bytes.as_slice()).unwrap_or(&[])
    }

    /// "x64 torture=every verify": the run's label in reports.
    pub fn label(&self) -> String {
        format!("{} {}", self.interpreter, self.knobs.label())
    }
}

/// Reads a dump and asks the analyzer what went wrong.
pub fn diagnose(dump: &Path) -> Option<serde_json::Value> {
    let r = heapdump::read_file(dump).ok()?;
    let e = heapdump::explain::explain(&r.dump).ok()?;
    Some(e.to_json(&r.dump))
}

fn dumps_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "heapdump"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs one program (or the interpreter's own workload when `program` is
/// `None`) under the given knobs, in the sandbox.
pub fn execute(
    interp: &Interpreter,
    knobs: &Knobs,
    program: Option<&Program>,
    limits: &Limits,
    scratch: &Path,
) -> Execution {
    let dump_dir = match sandbox::temp_dir(scratch, "gctorture-dumps-") {
        Ok(d) => d,
        Err(e) => {
            return Execution {
                interpreter: interp.name.clone(),
                knobs: knobs.clone(),
                invocation: Invocation { args: vec![], env: vec![] },
                result: None,
                outcome: Outcome::HarnessError {
                    detail: format!("cannot create a dump directory under {}: {e}", scratch.display()),
                },
                facts: StderrFacts::default(),
                dumps: vec![],
                diagnosis: None,
                signature: None,
                dump_dir: PathBuf::new(),
            }
        }
    };
    let program_arg = program.map(|p| p.origin.clone().unwrap_or_else(|| PathBuf::from(&p.name)));
    let inv = interp.invocation(knobs, program_arg.as_deref(), &dump_dir);
    // A program whose expected output is long may print it all without
    // counting as a flood.
    let mut limits = limits.clone();
    if let Some(e) = program.and_then(|p| p.expected.as_ref()) {
        limits.capture_bytes = limits.capture_bytes.max(e.len() * 2 + 4096);
    }
    let spec = Spec {
        program: interp.path.clone(),
        args: inv.args.clone(),
        env: inv.env.clone(),
        limits,
        files: program
            .filter(|p| p.origin.is_none())
            .map(|p| std::iter::once((p.name.clone(), p.text.clone())).chain(p.modules.iter().cloned()).collect())
            .unwrap_or_default(),
        keep_workdir: false,
        scratch: Some(scratch.to_path_buf()),
    };
    let result = sandbox::run(&spec);
    let (outcome, facts) = outcome::classify(&result, program.and_then(|p| p.expected.as_deref()));
    let mut dumps: Vec<PathBuf> = facts.dumps.iter().filter(|p| p.is_file()).cloned().collect();
    for d in dumps_in(&dump_dir) {
        if !dumps.contains(&d) {
            dumps.push(d);
        }
    }
    let diagnosis = if outcome.is_finding() { dumps.iter().find_map(|d| diagnose(d)) } else { None };
    let class = diagnosis.as_ref().and_then(|d| d.get("class")).and_then(|c| c.as_str());
    let mut signature = outcome::signature(&outcome, &facts, class);
    // A wrong output or a hang says nothing about which bug it is: without a
    // check, signal or frames, only the program tells two of them apart.
    if let (Some(s), Some(p), Outcome::OutputDiffers { .. } | Outcome::Timeout) = (&mut signature, program, &outcome) {
        if facts.frames.is_empty() {
            s.push_str(&format!(" | program:{}", p.name));
        }
    }
    Execution {
        interpreter: interp.name.clone(),
        knobs: knobs.clone(),
        invocation: inv,
        result: result.ok(),
        outcome,
        facts,
        dumps,
        diagnosis,
        signature,
        dump_dir,
    }
}
