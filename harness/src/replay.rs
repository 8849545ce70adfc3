//! `gctorture replay FINDING_DIR`: runs a saved finding again — same
//! interpreter binary, knobs, arguments and program — in the sandbox, and says
//! whether the same signature comes back.
//!
//! Invariant: replay reads the finding directory and never writes to it; the
//! new run's dumps go to a scratch directory that is removed afterwards unless
//! `keep` asks for them (their paths are then printed).

use crate::findings::{load, replay_parts};
use crate::runner::{execute, Execution};
use crate::sandbox::Limits;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

pub struct Replayed {
    pub expected: String,
    pub execution: Execution,
}

impl Replayed {
    pub fn reproduced(&self) -> bool {
        self.execution.signature.as_deref() == Some(self.expected.as_str())
    }
}

/// Replays the finding in `dir`.
pub fn replay(dir: &Path, timeout: Duration, scratch: &Path) -> Result<Replayed, String> {
    let record = load(dir).map_err(|e| format!("{}: not a finding: {e}", dir.display()))?;
    let (interp, program) = replay_parts(dir, &record).map_err(|e| format!("{}: {e}", dir.display()))?;
    if !interp.path.is_file() {
        return Err(format!(
            "the finding's interpreter {} is gone (rebuild it, or edit build.path in the record)",
            interp.path.display()
        ));
    }
    let limits = Limits { wall: timeout, ..Limits::default() };
    let execution = execute(&interp, &record.knobs, program.as_ref(), &limits, scratch);
    Ok(Replayed { expected: record.signature, execution })
}

pub fn main(dir: &Path, timeout: Duration) -> ExitCode {
    let scratch = std::env::temp_dir();
    match replay(dir, timeout, &scratch) {
        Ok(r) => {
            let e = &r.execution;
            if r.reproduced() {
                crate::say!("reproduced: {} ({}, {} ms)", r.expected, e.label(), e.wall_ms());
                ExitCode::SUCCESS
            } else {
                crate::say!(
                    "not reproduced: expected {}, got {} (signature {})",
                    r.expected,
                    e.outcome.describe(),
                    e.signature.as_deref().unwrap_or("none")
                );
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("gctorture: {e}");
            ExitCode::from(2)
        }
    }
}
