//! Heap configuration: size, mark stack, torture knobs, dump directory, fault.
//!
//! Knobs come from the environment (documented in the README) or are set by the
//! embedder; the interpreter maps its `-X` options onto the same fields. Every
//! parse error is one line naming the bad value and what is accepted. A knob that
//! needs a cargo feature the build lacks is an error, never silently ignored.

use crate::fault::Fault;
use crate::layout::{Geometry, BLOCK_SIZE};
use std::fmt;
use std::path::PathBuf;

/// When the torture build collects on its own, before an allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TortureMode {
    /// Only when memory runs out (the normal behaviour).
    Off,
    /// Before every allocation.
    Every,
    /// Before every Nth allocation.
    EveryN(u64),
    /// At pseudo-random intervals: uniformly 1..=2*mean allocations apart, from a seed.
    Random { seed: u64, mean: u64 },
}

impl TortureMode {
    pub fn code(self) -> u64 {
        match self {
            TortureMode::Off => 0,
            TortureMode::Every => 1,
            TortureMode::EveryN(_) => 2,
            TortureMode::Random { .. } => 3,
        }
    }

    /// Parses `off`, `every`, `N` (every Nth; 1 = every) or `random:SEED[:MEAN]`.
    pub fn parse(s: &str) -> Result<TortureMode, String> {
        let bad = || {
            format!(
                "bad gc-torture value '{s}': expected off, every, a positive count N \
                 (collect every Nth allocation) or random:SEED[:MEAN]"
            )
        };
        match s {
            "off" | "0" => return Ok(TortureMode::Off),
            "every" | "1" | "" => return Ok(TortureMode::Every),
            _ => {}
        }
        if let Some(rest) = s.strip_prefix("random:") {
            let mut parts = rest.split(':');
            let seed = parts.next().and_then(|p| p.parse::<u64>().ok()).ok_or_else(bad)?;
            let mean = match parts.next() {
                Some(p) => p.parse::<u64>().ok().filter(|&m| m > 0).ok_or_else(bad)?,
                None => 8,
            };
            if parts.next().is_some() {
                return Err(bad());
            }
            return Ok(TortureMode::Random { seed, mean });
        }
        match s.parse::<u64>() {
            Ok(1) => Ok(TortureMode::Every),
            Ok(n) if n > 1 => Ok(TortureMode::EveryN(n)),
            _ => Err(bad()),
        }
    }
}

/// What a failed check does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureMode {
    /// Write a heap dump, print the failure and the dump's path on stderr, abort.
    Abort,
    /// Keep the failures for [`crate::Heap::take_failures`] and go on (tests, fuzzing).
    Record,
}

/// Torture knobs. Only honoured in builds with the `gc-torture` feature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TortureConfig {
    pub mode: TortureMode,
    /// Run the verifier after every collection.
    pub verify: bool,
    /// Fill freed blocks with the poison pattern and check it when they are reused.
    pub poison: bool,
    /// Copy the tables and pool before each collection, for the dump's "before" half.
    pub snapshot: bool,
}

impl Default for TortureConfig {
    fn default() -> Self {
        TortureConfig { mode: TortureMode::Off, verify: false, poison: cfg!(feature = "gc-torture"), snapshot: false }
    }
}

impl TortureConfig {
    pub fn enabled(&self) -> bool {
        self.mode != TortureMode::Off || self.verify || self.poison || self.snapshot
    }
}

/// Everything [`crate::Heap::new`] needs.
#[derive(Clone, Debug)]
pub struct HeapConfig {
    /// Size of the whole area (tables + pool) in bytes; a multiple of the block size.
    pub size: usize,
    /// Entries in the fixed mark stack; overflow triggers a rescan. 0 = sized
    /// from the heap (one entry per 16 blocks, at least 4096), which keeps
    /// rescans rare; the stack is allocated once, with the heap.
    pub mark_stack_entries: usize,
    pub torture: TortureConfig,
    /// Where dumps go; `None` = the current directory.
    pub dump_dir: Option<PathBuf>,
    pub failure_mode: FailureMode,
    /// Injected fault (needs the `fault-injection` feature).
    pub fault: Option<Fault>,
    /// Install handlers that write a dump on SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT.
    pub crash_dumps: bool,
}

impl HeapConfig {
    /// A configuration with defaults for everything but the size.
    pub fn with_size(size: usize) -> HeapConfig {
        HeapConfig {
            size,
            mark_stack_entries: 0,
            torture: TortureConfig::default(),
            dump_dir: None,
            failure_mode: FailureMode::Abort,
            fault: None,
            crash_dumps: true,
        }
    }

    /// Defaults, then the `UPY_GC_*` / `UPY_HEAPDUMP_DIR` environment variables.
    pub fn from_env(size: usize) -> Result<HeapConfig, ConfigError> {
        let mut c = HeapConfig::with_size(size);
        c.apply_env(|k| std::env::var(k).ok())?;
        Ok(c)
    }

    /// Applies knobs read through `get` (the environment, or a test's map).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let flag = |name: &str, v: &str| -> Result<bool, ConfigError> {
            match v {
                "1" | "on" | "yes" | "true" => Ok(true),
                "0" | "off" | "no" | "false" => Ok(false),
                _ => Err(ConfigError(format!("{name}={v}: expected 1 or 0 (on/off)"))),
            }
        };
        if let Some(v) = get("UPY_GC_TORTURE") {
            self.torture.mode = TortureMode::parse(&v).map_err(|e| ConfigError(format!("UPY_GC_TORTURE: {e}")))?;
            if self.torture.mode != TortureMode::Off {
                self.torture.poison = true;
            }
        }
        if let Some(v) = get("UPY_GC_VERIFY") {
            self.torture.verify = flag("UPY_GC_VERIFY", &v)?;
            self.torture.snapshot = self.torture.verify;
        }
        if let Some(v) = get("UPY_GC_POISON") {
            self.torture.poison = flag("UPY_GC_POISON", &v)?;
        }
        if let Some(v) = get("UPY_GC_SNAPSHOT") {
            self.torture.snapshot = flag("UPY_GC_SNAPSHOT", &v)?;
        }
        if let Some(v) = get("UPY_GC_MARK_STACK") {
            self.mark_stack_entries =
                v.parse::<usize>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                    ConfigError(format!("UPY_GC_MARK_STACK={v}: expected a positive number of entries"))
                })?;
        }
        if let Some(v) = get("UPY_GC_FAULT") {
            if !v.is_empty() {
                self.fault = Some(Fault::parse(&v).ok_or_else(|| {
                    ConfigError(format!("UPY_GC_FAULT={v}: unknown fault; known faults: {}", Fault::names()))
                })?);
            }
        }
        if let Some(v) = get("UPY_HEAPDUMP_DIR") {
            if !v.is_empty() {
                self.dump_dir = Some(PathBuf::from(v));
            }
        }
        Ok(())
    }

    /// Checks the configuration against this build and this architecture.
    pub fn validate(&self) -> Result<Geometry, ConfigError> {
        if !self.size.is_multiple_of(BLOCK_SIZE) {
            return Err(ConfigError(format!(
                "heap size {} is not a multiple of the block size ({BLOCK_SIZE} bytes on this architecture)",
                self.size
            )));
        }
        let geo = Geometry::for_size(self.size).ok_or_else(|| {
            ConfigError(format!(
                "heap size {} is too small: at least {} bytes are needed",
                self.size,
                Geometry::min_size()
            ))
        })?;
        if !cfg!(feature = "gc-torture")
            && (self.torture.mode != TortureMode::Off || self.torture.verify || self.torture.snapshot)
        {
            return Err(ConfigError(
                "gc-torture knobs were given, but this build was compiled without the gc-torture feature".into(),
            ));
        }
        if !cfg!(feature = "gc-torture") && self.torture.poison {
            return Err(ConfigError("poisoning needs the gc-torture feature".into()));
        }
        if !cfg!(feature = "fault-injection") {
            if let Some(f) = self.fault {
                return Err(ConfigError(format!(
                    "fault '{}' was requested, but this build was compiled without the fault-injection feature",
                    f.name()
                )));
            }
        }
        Ok(geo)
    }
}

/// A bad configuration value, as one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Parses a size such as `65536`, `64k`, `2M`, `1G` (binary multiples).
pub fn parse_size(s: &str) -> Result<usize, ConfigError> {
    let bad = || ConfigError(format!("bad size '{s}': expected a number of bytes with an optional k, M or G suffix"));
    let (digits, mult) = match s.as_bytes().last() {
        Some(b'k' | b'K') => (&s[..s.len() - 1], 1usize << 10),
        Some(b'm' | b'M') => (&s[..s.len() - 1], 1 << 20),
        Some(b'g' | b'G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    let n: usize = digits.parse().map_err(|_| bad())?;
    n.checked_mul(mult).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn torture_modes_parse() {
        assert_eq!(TortureMode::parse("every"), Ok(TortureMode::Every));
        assert_eq!(TortureMode::parse("1"), Ok(TortureMode::Every));
        assert_eq!(TortureMode::parse("7"), Ok(TortureMode::EveryN(7)));
        assert_eq!(TortureMode::parse("random:42"), Ok(TortureMode::Random { seed: 42, mean: 8 }));
        assert_eq!(TortureMode::parse("random:42:3"), Ok(TortureMode::Random { seed: 42, mean: 3 }));
        for bad in ["-1", "x", "random:", "random:1:0", "random:1:2:3", "every2"] {
            let e = TortureMode::parse(bad).unwrap_err();
            assert!(e.contains(bad) && e.contains("expected"), "{e}");
        }
    }

    #[test]
    fn env_knobs_and_errors_are_one_line() {
        let mut c = HeapConfig::with_size(1 << 16);
        c.apply_env(env(&[("UPY_GC_TORTURE", "5"), ("UPY_GC_VERIFY", "1")])).unwrap();
        assert_eq!(c.torture.mode, TortureMode::EveryN(5));
        assert!(c.torture.verify && c.torture.poison && c.torture.snapshot);

        let e = c.apply_env(env(&[("UPY_GC_FAULT", "nonsense")])).unwrap_err();
        assert!(e.0.contains("nonsense") && e.0.contains("skip-registers") && !e.0.contains('\n'));
        let e = c.apply_env(env(&[("UPY_GC_VERIFY", "maybe")])).unwrap_err();
        assert!(e.0.contains("maybe"));
    }

    #[test]
    fn sizes_are_validated() {
        let e = HeapConfig::with_size(BLOCK_SIZE * 1000 + 1).validate().unwrap_err();
        assert!(e.0.contains("not a multiple"), "{e}");
        let e = HeapConfig::with_size(BLOCK_SIZE * 8).validate().unwrap_err();
        assert!(e.0.contains("too small"), "{e}");
        assert!(HeapConfig::with_size(1 << 20).validate().is_ok());
        assert_eq!(parse_size("64k").unwrap(), 65536);
        assert_eq!(parse_size("2M").unwrap(), 2 << 20);
        assert!(parse_size("2X").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[cfg(not(feature = "fault-injection"))]
    #[test]
    fn fault_without_feature_is_an_error() {
        let mut c = HeapConfig::with_size(1 << 16);
        c.fault = Some(Fault::ForgetRoot);
        assert!(c.validate().unwrap_err().0.contains("fault-injection"));
    }
}
