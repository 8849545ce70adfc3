//! The findings store: one directory per distinct signature.
//!
//! A finding directory holds the program (when there is one), the run's stderr
//! and stdout, the heap dumps it left, `record.json` (signature, outcome,
//! build, knobs, seed, timings, the analyzer's diagnosis, the replay command)
//! and `replay.sh` (the same run by hand, outside the harness).
//!
//! Invariants: a finding is written completely into a temporary directory
//! inside the store and then renamed into place, so a finding directory either
//! exists whole or not at all — a harness killed mid-write loses nothing that
//! was already saved and leaves only a `.tmp-*` directory. A second finding
//! with a signature already in the store is not saved again; the existing
//! record's `duplicates` count goes up (rewritten by temp file and rename).

use crate::interp::{Arch, Interpreter, KnobStyle, Knobs};
use crate::outcome::{slug, Outcome};
use crate::runner::{Execution, Program};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

pub const RECORD: &str = "record.json";

/// Where the interpreter came from, enough to run it again.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BuildRecord {
    pub name: String,
    pub arch: Arch,
    pub path: PathBuf,
    pub style: KnobStyle,
    pub args: Vec<String>,
    /// The build cache key, when the harness built it.
    pub key: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub signature: String,
    pub outcome: Outcome,
    pub build: BuildRecord,
    pub knobs: Knobs,
    pub seed: Option<u64>,
    /// The program's file name inside the finding directory.
    pub program: Option<String>,
    /// Modules the program imports, saved next to it.
    #[serde(default)]
    pub modules: Vec<String>,
    pub expected_output: Option<String>,
    pub wall_ms: u64,
    /// From the start of the search (campaign, fault self-test) to this finding.
    pub time_to_find_ms: Option<u64>,
    pub checks: Vec<String>,
    pub dumps: Vec<String>,
    pub diagnosis: Option<serde_json::Value>,
    /// One line: `gctorture replay DIR`.
    pub replay: String,
    /// The same run by hand (interpreter path, knobs, arguments).
    pub command: String,
    pub created_unix: u64,
    pub duplicates: u64,
}

/// Extra facts about the search that produced a finding.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub seed: Option<u64>,
    pub time_to_find_ms: Option<u64>,
    pub build_key: Option<String>,
}

pub struct Store {
    pub root: PathBuf,
    lock: Mutex<()>,
}

#[derive(Debug)]
pub struct Saved {
    pub dir: PathBuf,
    /// False when the signature was already in the store.
    pub new: bool,
}

fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let tmp = path.with_extension(format!("tmp{}-{}", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, path)
}

impl Store {
    pub fn open(root: &Path) -> std::io::Result<Store> {
        std::fs::create_dir_all(root)?;
        Ok(Store { root: root.to_path_buf(), lock: Mutex::new(()) })
    }

    /// Saves the failing execution `e` of `interp` (on `program`, if any).
    /// Errors only when the store itself cannot be written.
    pub fn save(
        &self,
        e: &Execution,
        interp: &Interpreter,
        program: Option<&Program>,
        cx: &Context,
    ) -> std::io::Result<Saved> {
        let signature = e.signature.clone().unwrap_or_else(|| format!("unsigned:{}", e.outcome.name()));
        let final_dir = self.root.join(slug(&signature));
        if final_dir.is_dir() {
            self.count_duplicate(&final_dir)?;
            return Ok(Saved { dir: final_dir, new: false });
        }
        let tmp = crate::sandbox::temp_dir(&self.root, ".tmp-")?;
        match self.fill(&tmp, &final_dir, &signature, e, interp, program, cx) {
            Ok(()) => {}
            Err(err) => {
                let _ = std::fs::remove_dir_all(&tmp);
                return Err(err);
            }
        }
        match std::fs::rename(&tmp, &final_dir) {
            Ok(()) => Ok(Saved { dir: final_dir, new: true }),
            // Someone (another thread or shard) saved the same signature first.
            Err(_) if final_dir.is_dir() => {
                let _ = std::fs::remove_dir_all(&tmp);
                self.count_duplicate(&final_dir)?;
                Ok(Saved { dir: final_dir, new: false })
            }
            Err(err) => {
                let _ = std::fs::remove_dir_all(&tmp);
                Err(err)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fill(
        &self,
        tmp: &Path,
        final_dir: &Path,
        signature: &str,
        e: &Execution,
        interp: &Interpreter,
        program: Option<&Program>,
        cx: &Context,
    ) -> std::io::Result<()> {
        if let Some(p) = program {
            std::fs::write(tmp.join(&p.name), &p.text)?;
            for (name, text) in &p.modules {
                crate::sandbox::write_file(tmp, name, text)?;
            }
            if let Some(exp) = &p.expected {
                std::fs::write(tmp.join(format!("{}.exp", p.name)), exp)?;
            }
        }
        std::fs::write(tmp.join("stderr.txt"), e.stderr())?;
        std::fs::write(tmp.join("stdout.txt"), e.stdout())?;
        let mut dumps = Vec::new();
        for d in &e.dumps {
            if let Some(name) = d.file_name() {
                if std::fs::copy(d, tmp.join(name)).is_ok() {
                    dumps.push(name.to_string_lossy().into_owned());
                }
            }
        }
        let abs = std::fs::canonicalize(&self.root)
            .unwrap_or(self.root.clone())
            .join(final_dir.file_name().unwrap_or_default());
        let replay = format!("gctorture replay {}", crate::interp::shell_quote(&abs.display().to_string()));
        let command =
            interp.shell_command(&interp.invocation(&e.knobs, program.map(|p| Path::new(&p.name)), Path::new(".")));
        let record = Record {
            signature: signature.to_string(),
            outcome: e.outcome.clone(),
            build: BuildRecord {
                name: interp.name.clone(),
                arch: interp.arch,
                path: interp.path.clone(),
                style: interp.style,
                args: interp.args.clone(),
                key: cx.build_key.clone(),
            },
            knobs: e.knobs.clone(),
            seed: cx.seed,
            program: program.map(|p| p.name.clone()),
            modules: program.map(|p| p.modules.iter().map(|m| m.0.clone()).collect()).unwrap_or_default(),
            expected_output: program.and_then(|p| p.expected.as_ref()).map(|x| String::from_utf8_lossy(x).into_owned()),
            wall_ms: e.wall_ms(),
            time_to_find_ms: cx.time_to_find_ms,
            checks: e.facts.checks.clone(),
            dumps,
            diagnosis: e.diagnosis.clone(),
            replay: replay.clone(),
            command: command.clone(),
            created_unix: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            duplicates: 0,
        };
        let json = serde_json::to_vec_pretty(&record).map_err(std::io::Error::other)?;
        std::fs::write(tmp.join(RECORD), json)?;
        std::fs::write(
            tmp.join("replay.sh"),
            format!("#!/bin/sh\n# {signature}\n# with the harness: {replay}\ncd \"$(dirname \"$0\")\" && exec env -i {command}\n"),
        )?;
        Ok(())
    }

    fn count_duplicate(&self, dir: &Path) -> std::io::Result<()> {
        let _g = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut r = load(dir)?;
        r.duplicates += 1;
        let json = serde_json::to_vec_pretty(&r).map_err(std::io::Error::other)?;
        write_atomic(&dir.join(RECORD), &json)
    }

    /// `save`, but a store that cannot be written is reported on stderr and
    /// the run goes on (the caller still has the failure in its report).
    pub fn save_or_warn(
        &self,
        e: &Execution,
        interp: &Interpreter,
        program: Option<&Program>,
        cx: &Context,
    ) -> Option<Saved> {
        match self.save(e, interp, program, cx) {
            Ok(s) => Some(s),
            Err(err) => {
                eprintln!("gctorture: could not save a finding in {}: {err}", self.root.display());
                None
            }
        }
    }

    /// Every saved finding, in directory-name order.
    pub fn list(&self) -> Vec<(PathBuf, Record)> {
        let mut v: Vec<(PathBuf, Record)> = std::fs::read_dir(&self.root)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                    .filter_map(|p| load(&p).ok().map(|r| (p, r)))
                    .collect()
            })
            .unwrap_or_default();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }
}

/// Reads a finding's record.
pub fn load(dir: &Path) -> std::io::Result<Record> {
    let text = std::fs::read(dir.join(RECORD))?;
    serde_json::from_slice(&text).map_err(|e| std::io::Error::other(format!("{}: {e}", dir.join(RECORD).display())))
}

/// What a saved finding needs to be run again.
pub fn replay_parts(dir: &Path, r: &Record) -> std::io::Result<(Interpreter, Option<Program>)> {
    let interp = Interpreter {
        name: r.build.name.clone(),
        arch: r.build.arch,
        path: r.build.path.clone(),
        style: r.build.style,
        args: r.build.args.clone(),
    };
    let program = match &r.program {
        Some(name) => Some(Program {
            name: name.clone(),
            text: std::fs::read(dir.join(name))?,
            expected: r.expected_output.as_ref().map(|s| s.as_bytes().to_vec()),
            origin: None,
            modules: r
                .modules
                .iter()
                .map(|m| Ok((m.clone(), std::fs::read(dir.join(m))?)))
                .collect::<std::io::Result<_>>()?,
        }),
        None => None,
    };
    Ok((interp, program))
}
