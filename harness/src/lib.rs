//! `gctorture`: the GC stress-testing harness around `upy`.
//!
//! The library holds every stage — the sandbox a run happens in (`sandbox`),
//! the interpreter under test and its knobs (`interp`), outcome classification
//! and signatures (`outcome`), one classified run with its dump diagnosis
//! (`runner`), the build matrix (`build`), the binary check of the register
//! capture (`bincheck`), the findings store (`findings`), the CI gate
//! (`gate`), corpus runs (`corpus`, `report`), replay (`replay`) and reduction
//! (`reduce`), the program generator (`gen`) and fuzz campaigns (`fuzz`) — so that the `gctorture` command (and, later, fuzz targets)
//! only wire them up. Pipeline: build → sandbox run → classify → save
//! finding → report.
//!
//! Invariant: `unsafe` code exists only in `sandbox` (the child's set-up between
//! fork and exec, and signalling its process group); everything else is safe.
#![deny(unsafe_code)]

/// `println!` that ignores a closed stdout (`gctorture ... | head`) instead of
/// panicking: the harness's results are already saved by then.
#[macro_export]
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

pub mod bincheck;
pub mod build;
pub mod corpus;
pub mod findings;
pub mod fuzz;
pub mod gate;
pub mod gen;
pub mod interp;
pub mod outcome;
pub mod reduce;
pub mod replay;
pub mod report;
pub mod runner;
pub mod sandbox;
