//! `gctorture`: the GC stress-testing harness around `upy`.
//!
//! The library holds every stage — the sandbox a run happens in, outcome
//! classification and signatures, the build matrix, the binary checks of the
//! register capture, the CI gate, corpus runs, the findings store, replay and
//! reduction — so that the `gctorture` command (and, later, fuzz targets) only
//! wire them up. Pipeline: build → sandbox run → classify → save finding →
//! report.
//!
//! Invariant: `unsafe` code exists only in `sandbox` (the child's set-up between
//! fork and exec, and signalling its process group); everything else is safe.
#![deny(unsafe_code)]

pub mod interp;
pub mod outcome;
pub mod sandbox;
