//! Known GC bugs that the `fault-injection` build compiles in, chosen at run time
//! by name (`UPY_GC_FAULT`). The harness proves itself against them: each must be
//! caught by the verifier or the crash-dump path. Without the feature no fault can
//! be selected, and the hooks compile to nothing.

/// One injectable fault. Each variant's one-line description is in [`Fault::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    SkipRegisters,
    ShortStackScan,
    ForgetRoot,
    DoubleFree,
    TailLeftBehind,
    MarkOverflowDrop,
    EarlyFinaliser,
}

impl Fault {
    /// Every fault with its name and a one-line description.
    pub const ALL: [(Fault, &'static str, &'static str); 7] = [
        (
            Fault::SkipRegisters,
            "skip-registers",
            "the collector does not capture the callee-saved registers (the design's bug)",
        ),
        (Fault::ShortStackScan, "short-stack-scan", "the stack scan stops 32 words short of the recorded stack top"),
        (Fault::ForgetRoot, "forget-root", "the first root-section slot holding a heap pointer is not scanned"),
        (Fault::DoubleFree, "double-free", "GC-backed containers free their storage twice when dropped"),
        (
            Fault::TailLeftBehind,
            "tail-left-behind",
            "the sweep leaves the last TAIL of one freed multi-block allocation behind",
        ),
        (
            Fault::MarkOverflowDrop,
            "mark-overflow-drop",
            "pointers that do not fit on the mark stack are dropped instead of rescanned",
        ),
        (Fault::EarlyFinaliser, "early-finaliser", "the sweep runs the finaliser of one reachable object"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|f| f.0 == self).map(|f| f.1).unwrap_or("?")
    }

    pub fn parse(s: &str) -> Option<Fault> {
        Self::ALL.iter().find(|f| f.1 == s).map(|f| f.0)
    }

    /// Comma-separated names, for error messages.
    pub fn names() -> String {
        Self::ALL.iter().map(|f| f.1).collect::<Vec<_>>().join(", ")
    }
}
