//! The build matrix: the interpreter (today the heap's `heap-selftest`, later
//! `upy` — the package and binary are parameters) built for x64 and x86, as
//! release builds with the workspace's fat LTO or as debug builds, with the
//! torture or fault-injection features, into a cache of the harness's own.
//!
//! Invariant: a cached binary is reused only when everything that decides its
//! bytes is unchanged — package, binary, target, profile, features, the
//! compiler's version and a hash of the sources it is built from — so a second
//! run with nothing changed builds nothing, and any source edit rebuilds.
//! Cached binaries are placed by copy-then-rename, so a reader never sees half
//! a file even when two harnesses share the cache.

use crate::interp::{Arch, Interpreter, KnobStyle};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    Release,
    Debug,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Debug => "debug",
        }
    }
}

/// One binary to build.
#[derive(Clone, Debug)]
pub struct Request {
    pub package: String,
    pub bin: String,
    pub arch: Arch,
    pub profile: Profile,
    pub features: Vec<String>,
    /// Directories (relative to the workspace) whose files decide the binary;
    /// the root `Cargo.toml` and `Cargo.lock` always count.
    pub sources: Vec<PathBuf>,
    pub style: KnobStyle,
}

impl Request {
    /// The heap's self-test program, which behaves like a tortured interpreter.
    pub fn heap_selftest(arch: Arch, profile: Profile, features: &[&str]) -> Request {
        Request {
            package: "upy-heap".into(),
            bin: "heap-selftest".into(),
            arch,
            profile,
            features: features.iter().map(|s| s.to_string()).collect(),
            sources: vec!["interpreter/heap".into()],
            style: KnobStyle::Env,
        }
    }

    /// The interpreter itself (for when it runs programs).
    pub fn upy(arch: Arch, profile: Profile, features: &[&str]) -> Request {
        Request {
            package: "upy".into(),
            bin: "upy".into(),
            arch,
            profile,
            features: features.iter().map(|s| s.to_string()).collect(),
            sources: vec!["interpreter".into()],
            style: KnobStyle::XOptions,
        }
    }

    /// "x64", "x86-debug", ...: the run label of this build.
    pub fn label(&self) -> String {
        match self.profile {
            Profile::Release => self.arch.name().to_string(),
            Profile::Debug => format!("{}-debug", self.arch.name()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Built {
    pub path: PathBuf,
    pub cached: bool,
    pub time: Duration,
    pub key: String,
}

/// Builds into `<cache>/target` and keeps finished binaries in `<cache>/bins/<key>/`.
#[derive(Clone, Debug)]
pub struct Builder {
    pub workspace: PathBuf,
    pub cache: PathBuf,
    /// Pass `--locked` to cargo (CI).
    pub locked: bool,
    /// Keep cargo's own output (for a terminal); else it is captured and
    /// shown only when the build fails.
    pub verbose: bool,
}

/// FNV-1a, 64 bits: stable across runs and toolchains, unlike std's hasher.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        // A separator, so ("ab","c") and ("a","bc") differ.
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100_0000_01b3);
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Every file under `dir` (sorted, recursively), skipping build output and VCS data.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let name = e.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        match e.file_type() {
            Ok(t) if t.is_dir() => files_under(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

/// A hash of every source file the binary is built from.
pub fn source_hash(workspace: &Path, sources: &[PathBuf]) -> u64 {
    let mut files = vec![workspace.join("Cargo.toml"), workspace.join("Cargo.lock")];
    for s in sources {
        files_under(&workspace.join(s), &mut files);
    }
    let mut h = Fnv::default();
    for f in files {
        h.write(f.strip_prefix(workspace).unwrap_or(&f).to_string_lossy().as_bytes());
        h.write(&std::fs::read(&f).unwrap_or_default());
    }
    h.finish()
}

fn rustc_version() -> String {
    Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("-V")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

impl Builder {
    /// The cache under the workspace's `target/gctorture-builds`, unless
    /// `GCTORTURE_BUILD_CACHE` names another.
    pub fn new(workspace: &Path) -> Builder {
        let cache = std::env::var_os("GCTORTURE_BUILD_CACHE")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace.join("target").join("gctorture-builds"));
        Builder { workspace: workspace.to_path_buf(), cache, locked: false, verbose: false }
    }

    /// The cache key of a request: everything that decides the binary's bytes.
    pub fn key(&self, req: &Request) -> String {
        let mut h = Fnv::default();
        for part in [req.package.as_str(), req.bin.as_str(), req.arch.triple(), req.profile.name()] {
            h.write(part.as_bytes());
        }
        let mut features = req.features.clone();
        features.sort();
        h.write(features.join(",").as_bytes());
        h.write(rustc_version().as_bytes());
        h.write(&source_hash(&self.workspace, &req.sources).to_le_bytes());
        let feat = if features.is_empty() { "default".to_string() } else { features.join("+") };
        format!("{}-{}-{}-{}-{:016x}", req.bin, req.arch.name(), req.profile.name(), feat, h.finish())
    }

    /// Builds (or finds in the cache) one binary.
    pub fn build(&self, req: &Request) -> Result<Built, String> {
        let start = Instant::now();
        let key = self.key(req);
        let dest_dir = self.cache.join("bins").join(&key);
        let dest = dest_dir.join(&req.bin);
        if dest.is_file() {
            return Ok(Built { path: dest, cached: true, time: start.elapsed(), key });
        }
        let target_dir = self.cache.join("target");
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.current_dir(&self.workspace).env("CARGO_TARGET_DIR", &target_dir).args([
            "build",
            "-p",
            &req.package,
            "--bin",
            &req.bin,
            "--target",
            req.arch.triple(),
        ]);
        match req.profile {
            Profile::Release => cmd.arg("--release"),
            Profile::Debug => cmd.args(["--profile", "dev"]),
        };
        if !req.features.is_empty() {
            cmd.args(["--features", &req.features.join(",")]);
        }
        if self.locked {
            cmd.arg("--locked");
        }
        let out = if self.verbose {
            cmd.status().map(|s| (s, String::new()))
        } else {
            cmd.output().map(|o| (o.status, String::from_utf8_lossy(&o.stderr).into_owned()))
        };
        let (status, log) = out.map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            let tail: Vec<&str> = log.lines().rev().take(20).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!("cargo build of {key} failed ({status})\n{}", tail.join("\n")));
        }
        let profile_dir = match req.profile {
            Profile::Release => "release",
            Profile::Debug => "debug",
        };
        let built = target_dir.join(req.arch.triple()).join(profile_dir).join(&req.bin);
        std::fs::create_dir_all(&dest_dir).map_err(|e| format!("cannot create {}: {e}", dest_dir.display()))?;
        let tmp = dest_dir.join(format!(".{}.{}", req.bin, std::process::id()));
        std::fs::copy(&built, &tmp).map_err(|e| format!("cannot copy {}: {e}", built.display()))?;
        std::fs::rename(&tmp, &dest).map_err(|e| format!("cannot place {}: {e}", dest.display()))?;
        Ok(Built { path: dest, cached: false, time: start.elapsed(), key })
    }

    /// Builds a request and wraps it as an interpreter of the matrix.
    pub fn interpreter(&self, req: &Request, args: &[&str]) -> Result<(Interpreter, Built), String> {
        let b = self.build(req)?;
        let i = Interpreter {
            name: req.label(),
            arch: req.arch,
            path: b.path.clone(),
            style: req.style,
            args: args.iter().map(|s| s.to_string()).collect(),
        };
        Ok((i, b))
    }
}

/// Finds the workspace root: the nearest ancestor of `start` whose Cargo.toml
/// has a `[workspace]` table.
pub fn find_workspace(start: &Path) -> Option<PathBuf> {
    let mut d = Some(start);
    while let Some(dir) = d {
        if let Ok(t) = std::fs::read_to_string(dir.join("Cargo.toml")) {
            if t.lines().any(|l| l.trim() == "[workspace]") {
                return Some(dir.to_path_buf());
            }
        }
        d = dir.parent();
    }
    None
}

/// Parses `--interpreter ARCH=PATH` (a prebuilt binary instead of a build).
pub fn parse_prebuilt(s: &str) -> Result<(Arch, PathBuf), String> {
    let (a, p) =
        s.split_once('=').ok_or_else(|| format!("--interpreter {s}: expected ARCH=PATH (ARCH: x64 or x86)"))?;
    let arch = Arch::parse(a).ok_or_else(|| format!("--interpreter {s}: unknown architecture '{a}' (x64 or x86)"))?;
    if p.is_empty() {
        return Err(format!("--interpreter {s}: empty path"));
    }
    Ok((arch, PathBuf::from(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_follows_sources() {
        let ws = crate::sandbox::temp_dir(&std::env::temp_dir(), "gctorture-test-ws-").unwrap();
        std::fs::write(ws.join("Cargo.toml"), "[workspace]\n").unwrap();
        std::fs::create_dir_all(ws.join("src/target")).unwrap();
        std::fs::write(ws.join("src/a.rs"), "1").unwrap();
        let h1 = source_hash(&ws, &["src".into()]);
        // Build output does not count.
        std::fs::write(ws.join("src/target/x"), "junk").unwrap();
        assert_eq!(h1, source_hash(&ws, &["src".into()]));
        std::fs::write(ws.join("src/a.rs"), "2").unwrap();
        assert_ne!(h1, source_hash(&ws, &["src".into()]));
        assert_eq!(find_workspace(&ws.join("src")), Some(ws.clone()));
        let b = Builder { workspace: ws.clone(), cache: ws.join("cache"), locked: false, verbose: false };
        let r1 = Request::heap_selftest(Arch::X64, Profile::Release, &["fault-injection"]);
        let r2 = Request::heap_selftest(Arch::X86, Profile::Release, &["fault-injection"]);
        assert_ne!(b.key(&r1), b.key(&r2));
        assert!(b.key(&r1).starts_with("heap-selftest-x64-release-fault-injection-"));
        std::fs::remove_dir_all(ws).unwrap();
    }

    #[test]
    fn prebuilt_arguments() {
        assert_eq!(parse_prebuilt("x86=/a/b").unwrap(), (Arch::X86, PathBuf::from("/a/b")));
        assert!(parse_prebuilt("arm=/a").is_err());
        assert!(parse_prebuilt("/a").is_err());
        assert!(parse_prebuilt("x64=").is_err());
    }
}
