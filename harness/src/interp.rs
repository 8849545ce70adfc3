//! The interpreter under test: which binary, for which architecture, and how
//! to hand it the torture knobs and a program.
//!
//! Today the only program that honours the knobs is the heap's `heap-selftest`
//! (environment variables, no program file); the `upy` command will take a
//! program file and `-X` options. Both are the same `Interpreter` with a
//! different `KnobStyle`, so every stage of the harness is written once.
//!
//! Invariant: `invocation` is a pure function of (interpreter, knobs, program,
//! dump directory): the replay command rebuilds exactly the run that failed.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The two architectures of the build matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arch {
    X64,
    X86,
}

impl Arch {
    pub const ALL: [Arch; 2] = [Arch::X64, Arch::X86];

    pub fn name(self) -> &'static str {
        match self {
            Arch::X64 => "x64",
            Arch::X86 => "x86",
        }
    }

    pub fn triple(self) -> &'static str {
        match self {
            Arch::X64 => "x86_64-unknown-linux-gnu",
            Arch::X86 => "i686-unknown-linux-gnu",
        }
    }

    pub fn parse(s: &str) -> Option<Arch> {
        match s {
            "x64" | "x86_64" | "x86-64" | "amd64" => Some(Arch::X64),
            "x86" | "i686" | "i386" => Some(Arch::X86),
            _ => None,
        }
    }
}

/// How the knobs reach the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KnobStyle {
    /// `UPY_GC_*` environment variables (the heap's own reading; `heap-selftest`).
    Env,
    /// `upy`'s `-X gc-torture[=N]`, `-X gc-verify`, `-X heapdump-dir=DIR`,
    /// `-X heapsize=N`; knobs without an `-X` spelling still go by environment.
    XOptions,
}

/// When the collector runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Torture {
    Off,
    Every,
    Nth(u64),
    Random { seed: u64, mean: u64 },
}

impl Torture {
    /// The `UPY_GC_TORTURE` spelling.
    pub fn env_value(&self) -> String {
        match self {
            Torture::Off => "off".into(),
            Torture::Every => "every".into(),
            Torture::Nth(n) => n.to_string(),
            Torture::Random { seed, mean } => format!("random:{seed}:{mean}"),
        }
    }
}

/// The run-time knobs of one run. Recorded with every finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Knobs {
    pub torture: Torture,
    pub verify: bool,
    pub mark_stack: Option<u64>,
    pub heap_size: Option<u64>,
    pub fault: Option<String>,
}

impl Knobs {
    pub fn off() -> Knobs {
        Knobs { torture: Torture::Off, verify: false, mark_stack: None, heap_size: None, fault: None }
    }

    /// Collection before every allocation and full verification.
    pub fn full() -> Knobs {
        Knobs { torture: Torture::Every, verify: true, ..Knobs::off() }
    }

    /// A short human label ("torture=every verify", "torture=off").
    pub fn label(&self) -> String {
        let mut s = format!("torture={}", self.torture.env_value());
        if self.verify {
            s.push_str(" verify");
        }
        if let Some(n) = self.mark_stack {
            s.push_str(&format!(" mark-stack={n}"));
        }
        if let Some(n) = self.heap_size {
            s.push_str(&format!(" heap={n}"));
        }
        if let Some(f) = &self.fault {
            s.push_str(&format!(" fault={f}"));
        }
        s
    }
}

/// One interpreter binary of the matrix.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Interpreter {
    /// "x64", "x86", "x64-debug", ...: names runs in reports.
    pub name: String,
    pub arch: Arch,
    pub path: PathBuf,
    pub style: KnobStyle,
    /// Arguments before the program file (for `heap-selftest`: `--iterations N`).
    pub args: Vec<String>,
}

/// Everything needed to start one run: arguments and the whole environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl Interpreter {
    pub fn invocation(&self, knobs: &Knobs, program: Option<&Path>, dump_dir: &Path) -> Invocation {
        let mut args = Vec::new();
        let mut env = vec![("PATH".to_string(), "/usr/bin:/bin".to_string())];
        // A Rust backtrace on panic gives the signature its frames.
        env.push(("RUST_BACKTRACE".into(), "1".into()));
        let d = dump_dir.display().to_string();
        match self.style {
            KnobStyle::Env => {
                env.push(("UPY_GC_TORTURE".into(), knobs.torture.env_value()));
                env.push(("UPY_GC_VERIFY".into(), if knobs.verify { "1" } else { "0" }.into()));
                env.push(("UPY_HEAPDUMP_DIR".into(), d));
            }
            KnobStyle::XOptions => {
                match &knobs.torture {
                    Torture::Off => {}
                    Torture::Every => args.extend(["-X".into(), "gc-torture".into()]),
                    Torture::Nth(n) => args.extend(["-X".into(), format!("gc-torture={n}")]),
                    // No `-X` spelling for random intervals: the heap reads it.
                    t @ Torture::Random { .. } => env.push(("UPY_GC_TORTURE".into(), t.env_value())),
                }
                if knobs.verify {
                    args.extend(["-X".into(), "gc-verify".into()]);
                }
                args.extend(["-X".into(), format!("heapdump-dir={d}")]);
                if let Some(n) = knobs.heap_size {
                    args.extend(["-X".into(), format!("heapsize={n}")]);
                }
            }
        }
        if let Some(n) = knobs.mark_stack {
            env.push(("UPY_GC_MARK_STACK".into(), n.to_string()));
        }
        if let Some(f) = &knobs.fault {
            env.push(("UPY_GC_FAULT".into(), f.clone()));
        }
        if self.style == KnobStyle::Env {
            if let Some(n) = knobs.heap_size {
                args.extend(["--heap-size".into(), n.to_string()]);
            }
        }
        args.extend(self.args.iter().cloned());
        if let Some(p) = program {
            args.push(p.display().to_string());
        }
        Invocation { args, env }
    }

    /// A shell command line that repeats the run by hand (outside the sandbox).
    pub fn shell_command(&self, inv: &Invocation) -> String {
        let mut parts: Vec<String> =
            inv.env.iter().filter(|(k, _)| k != "PATH").map(|(k, v)| format!("{k}={}", shell_quote(v))).collect();
        parts.push(shell_quote(&self.path.display().to_string()));
        parts.extend(inv.args.iter().map(|a| shell_quote(a)));
        parts.join(" ")
    }
}

/// Quotes a word for a POSIX shell when it needs it.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interp(style: KnobStyle) -> Interpreter {
        Interpreter { name: "x64".into(), arch: Arch::X64, path: "/bin/upy".into(), style, args: vec![] }
    }

    #[test]
    fn env_style() {
        let mut k = Knobs::full();
        k.fault = Some("forget-root".into());
        k.mark_stack = Some(16);
        let inv = interp(KnobStyle::Env).invocation(&k, None, Path::new("/d"));
        assert!(inv.env.contains(&("UPY_GC_TORTURE".into(), "every".into())));
        assert!(inv.env.contains(&("UPY_GC_VERIFY".into(), "1".into())));
        assert!(inv.env.contains(&("UPY_GC_MARK_STACK".into(), "16".into())));
        assert!(inv.env.contains(&("UPY_GC_FAULT".into(), "forget-root".into())));
        assert!(inv.env.contains(&("UPY_HEAPDUMP_DIR".into(), "/d".into())));
        assert!(inv.args.is_empty());
    }

    #[test]
    fn x_options_style() {
        let mut k = Knobs::full();
        k.torture = Torture::Nth(3);
        k.heap_size = Some(65536);
        let inv = interp(KnobStyle::XOptions).invocation(&k, Some(Path::new("p.py")), Path::new("/d"));
        assert_eq!(
            inv.args,
            ["-X", "gc-torture=3", "-X", "gc-verify", "-X", "heapdump-dir=/d", "-X", "heapsize=65536", "p.py"]
        );
        let inv = interp(KnobStyle::XOptions).invocation(&Knobs::off(), Some(Path::new("p.py")), Path::new("/d"));
        assert_eq!(inv.args, ["-X", "heapdump-dir=/d", "p.py"]);
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("a-b/c.py"), "a-b/c.py");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
