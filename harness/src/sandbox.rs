//! The sandbox: runs one interpreter process so that nothing it does can take
//! the harness down or leak into the next run.
//!
//! Each process gets its own temporary working directory, an environment with
//! nothing in it but what the caller passes (and `HOME`, set to the working
//! directory unless the caller sets it: programs may expand `~`, and must not
//! reach the real home), resource limits set in the child
//! between fork and exec (CPU seconds, address space, file size, process
//! count, no core files), its own process group, and a death signal if the
//! harness itself dies. A wall-clock deadline kills the whole group; so does
//! the end of the run, so forked stragglers never outlive it. Output is
//! captured with a bound: the first `capture_bytes` of each stream are kept,
//! the rest is read, counted and thrown away (so a flooding child never blocks
//! on a full pipe and never fills the harness's memory).
//!
//! Invariant: `run` always returns — a spawn failure is an `Err`, everything
//! the child does is a `RunResult` — and after it returns no process of the
//! run's group is left alive (descendants that left the group with `setsid`
//! are out of reach; the process-count limit keeps them few).
//!
//! This is the crate's only `unsafe`: the `pre_exec` hook and the two libc
//! calls that signal a process group.
#![allow(unsafe_code)]

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Resource limits for one run. `None` leaves the inherited limit.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock time after which the whole process group is killed.
    pub wall: Duration,
    /// RLIMIT_CPU in seconds (SIGXCPU at the soft limit, SIGKILL one second later).
    pub cpu_secs: Option<u64>,
    /// RLIMIT_AS in bytes.
    pub address_space: Option<u64>,
    /// RLIMIT_FSIZE in bytes (SIGXFSZ past it).
    pub file_size: Option<u64>,
    /// RLIMIT_NPROC. Counted per user by the kernel and not enforced for root;
    /// the group kill at the end is what really contains forks.
    pub processes: Option<u64>,
    /// Bytes kept of each of stdout and stderr.
    pub capture_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            wall: Duration::from_secs(60),
            cpu_secs: Some(120),
            address_space: Some(2 << 30),
            file_size: Some(256 << 20),
            processes: Some(256),
            capture_bytes: 256 << 10,
        }
    }
}

/// One process to run.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub program: PathBuf,
    pub args: Vec<String>,
    /// The whole environment of the child.
    pub env: Vec<(String, String)>,
    pub limits: Limits,
    /// Files to place in the working directory before the run: (name, contents).
    pub files: Vec<(String, Vec<u8>)>,
    /// Keep the working directory after the run (the caller removes it).
    pub keep_workdir: bool,
    /// Parent of the temporary working directory (default: the system's temp dir).
    pub scratch: Option<PathBuf>,
}

/// How the process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

/// One captured stream: the kept prefix and how many bytes there were in all.
#[derive(Clone, Debug, Default)]
pub struct Captured {
    pub bytes: Vec<u8>,
    pub total: u64,
}

impl Captured {
    pub fn truncated(&self) -> bool {
        self.total > self.bytes.len() as u64
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

#[derive(Clone, Debug)]
pub struct RunResult {
    pub exit: Exit,
    /// The wall-clock deadline passed and the group was killed.
    pub timed_out: bool,
    pub wall: Duration,
    pub stdout: Captured,
    pub stderr: Captured,
    /// A descendant still held an output pipe open when the run ended.
    pub output_held_open: bool,
    /// The working directory, if kept (`Spec::keep_workdir`); else already removed.
    pub workdir: Option<PathBuf>,
}

/// A fresh, empty, private directory under `parent`.
pub fn temp_dir(parent: &Path, prefix: &str) -> std::io::Result<PathBuf> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(parent)?;
    loop {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let name = format!("{prefix}{}-{}-{nanos:x}", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed));
        let p = parent.join(name);
        match std::fs::create_dir(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Sends SIGKILL to every process of the group `pgid`.
fn kill_group(pgid: u32) {
    // SAFETY: kill(2) with a negative pid only sends a signal; it touches no
    // memory of ours. `pgid` is the group the child was put in at spawn
    // (process_group(0)), and the group's id stays reserved while any member
    // lives, so it cannot name someone else's group while ours exists.
    unsafe {
        libc::kill(-(pgid as libc::pid_t), libc::SIGKILL);
    }
}

/// Lowers a limit to (soft, hard), never raising the inherited hard limit
/// (which an unprivileged process may not do: the run would fail to start).
fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
    let mut cur = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct we pass; async-signal-safe.
    if unsafe { libc::getrlimit(resource, &mut cur) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let cap = |v: u64| -> libc::rlim_t {
        let v = libc::rlim_t::try_from(v).unwrap_or(libc::rlim_t::MAX);
        if cur.rlim_max == libc::RLIM_INFINITY {
            v
        } else {
            v.min(cur.rlim_max)
        }
    };
    let lim = libc::rlimit { rlim_cur: cap(soft).min(cap(hard)), rlim_max: cap(hard) };
    // SAFETY: setrlimit only reads the struct we pass; it is async-signal-safe,
    // so it may run between fork and exec.
    if unsafe { libc::setrlimit(resource, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Reads a stream to its end, keeping the first `keep` bytes.
fn drain(mut r: impl Read, keep: usize) -> Captured {
    let mut c = Captured::default();
    let mut buf = [0u8; 16384];
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = keep.saturating_sub(c.bytes.len());
                c.bytes.extend_from_slice(&buf[..n.min(room)]);
                c.total += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    c
}

/// Runs one process in the sandbox. `Err` only when it could not be started.
pub fn run(spec: &Spec) -> std::io::Result<RunResult> {
    let scratch = spec.scratch.clone().unwrap_or_else(std::env::temp_dir);
    let workdir = temp_dir(&scratch, "gctorture-run-")?;
    let result = run_in(spec, &workdir);
    if !spec.keep_workdir || result.is_err() {
        let _ = std::fs::remove_dir_all(&workdir);
    }
    let mut r = result?;
    r.workdir = spec.keep_workdir.then_some(workdir);
    Ok(r)
}

/// Writes `data` to `root/name`, creating the directories of a relative
/// `name` ("impdata/pkg/__init__.py"); a name that is absolute or climbs out
/// of `root` is refused.
pub fn write_file(root: &Path, name: &str, data: &[u8]) -> std::io::Result<()> {
    let rel = Path::new(name);
    if !rel.components().all(|c| matches!(c, std::path::Component::Normal(_))) {
        return Err(std::io::Error::other(format!("refusing to write outside the directory: {name}")));
    }
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, data)
}

fn run_in(spec: &Spec, workdir: &Path) -> std::io::Result<RunResult> {
    for (name, data) in &spec.files {
        write_file(workdir, name, data)?;
    }
    let mut cmd = Command::new(&spec.program);
    cmd.args(&spec.args)
        .env_clear()
        .env("HOME", workdir)
        .envs(spec.env.iter().map(|(k, v)| (k, v)))
        .current_dir(workdir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let l = spec.limits.clone();
    // SAFETY: the hook runs in the forked child before exec, where only
    // async-signal-safe calls are allowed: it calls only setrlimit and prctl,
    // allocates nothing and takes no locks (`Limits` was cloned before the fork
    // and is only read). Errors are returned as io::Error, which std reports to
    // the parent through its own pipe.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(s) = l.cpu_secs {
                set_limit(libc::RLIMIT_CPU, s, s + 1)?;
            }
            if let Some(b) = l.address_space {
                set_limit(libc::RLIMIT_AS, b, b)?;
            }
            if let Some(b) = l.file_size {
                set_limit(libc::RLIMIT_FSIZE, b, b)?;
            }
            if let Some(n) = l.processes {
                set_limit(libc::RLIMIT_NPROC, n, n)?;
            }
            set_limit(libc::RLIMIT_CORE, 0, 0)?;
            // If the harness dies, the child dies with it.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0);
            Ok(())
        });
    }
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pgid = child.id();
    let keep = spec.limits.capture_bytes;
    let (tx, rx) = mpsc::channel();
    for (which, stream) in [
        (0, child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>)),
        (1, child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>)),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let c = stream.map(|s| drain(s, keep)).unwrap_or_default();
            let _ = tx.send((which, c));
        });
    }
    drop(tx);

    let deadline = start + spec.limits.wall;
    let mut timed_out = false;
    let mut pause = Duration::from_micros(200);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) => {}
            Err(e) => {
                kill_group(pgid);
                let _ = child.wait();
                return Err(e);
            }
        }
        let now = Instant::now();
        if now >= deadline {
            timed_out = true;
            kill_group(pgid);
            break child.wait()?;
        }
        // Short runs are the common case: poll fast at first, then back off.
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(10));
    };
    let wall = start.elapsed();
    // Stragglers (forked children still in the group) die with the run.
    kill_group(pgid);

    let mut out = [Captured::default(), Captured::default()];
    let mut got = 0;
    let grace = Instant::now() + Duration::from_millis(500);
    while got < 2 {
        match rx.recv_timeout(grace.saturating_duration_since(Instant::now())) {
            Ok((which, c)) => {
                out[which] = c;
                got += 1;
            }
            Err(_) => break,
        }
    }
    let [stdout, stderr] = out;
    let exit = match (status.code(), status.signal()) {
        (Some(c), _) => Exit::Code(c),
        (None, Some(s)) => Exit::Signal(s),
        (None, None) => Exit::Code(-1),
    };
    Ok(RunResult { exit, timed_out, wall, stdout, stderr, output_held_open: got < 2, workdir: None })
}

/// The conventional name of a signal number ("SIGSEGV"), or "signal N".
pub fn signal_name(sig: i32) -> String {
    let name = match sig {
        libc::SIGHUP => "SIGHUP",
        libc::SIGINT => "SIGINT",
        libc::SIGQUIT => "SIGQUIT",
        libc::SIGILL => "SIGILL",
        libc::SIGTRAP => "SIGTRAP",
        libc::SIGABRT => "SIGABRT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGFPE => "SIGFPE",
        libc::SIGKILL => "SIGKILL",
        libc::SIGUSR1 => "SIGUSR1",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGUSR2 => "SIGUSR2",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGALRM => "SIGALRM",
        libc::SIGTERM => "SIGTERM",
        libc::SIGXCPU => "SIGXCPU",
        libc::SIGXFSZ => "SIGXFSZ",
        libc::SIGSYS => "SIGSYS",
        _ => return format!("signal {sig}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Spec {
        Spec {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
            limits: Limits { wall: Duration::from_secs(10), ..Limits::default() },
            ..Spec::default()
        }
    }

    #[test]
    fn exit_code_and_output() {
        let r = run(&sh("echo out; echo err >&2; exit 3")).unwrap();
        assert_eq!(r.exit, Exit::Code(3));
        assert_eq!(r.stdout.text(), "out\n");
        assert_eq!(r.stderr.text(), "err\n");
        assert!(!r.timed_out);
    }

    #[test]
    fn environment_is_cleared() {
        std::env::set_var("GCTORTURE_SANDBOX_LEAK", "1");
        let mut s = sh("echo \"[$GCTORTURE_SANDBOX_LEAK][$MINE]\"; [ \"$HOME\" = \"$(pwd)\" ] && echo home");
        s.env.push(("MINE".into(), "yes".into()));
        let r = run(&s).unwrap();
        assert_eq!(r.stdout.text(), "[][yes]\nhome\n");
    }

    #[test]
    fn signals_are_reported() {
        for sig in [libc::SIGSEGV, libc::SIGABRT, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGKILL] {
            let r = run(&sh(&format!("kill -{sig} $$"))).unwrap();
            assert_eq!(r.exit, Exit::Signal(sig), "{}", signal_name(sig));
        }
    }

    #[test]
    fn timeout_kills_the_whole_group() {
        let mut s = sh("sleep 30 & sleep 30 & echo started; wait");
        s.limits.wall = Duration::from_millis(300);
        let t = Instant::now();
        let r = run(&s).unwrap();
        assert!(r.timed_out);
        assert_eq!(r.exit, Exit::Signal(libc::SIGKILL));
        assert_eq!(r.stdout.text(), "started\n");
        // The background sleeps held stdout; they died with the group, so the
        // readers finished without waiting out the grace period.
        assert!(t.elapsed() < Duration::from_secs(5));
        assert!(!r.output_held_open);
    }

    #[test]
    fn an_escaped_descendant_does_not_stall_the_run() {
        // setsid leaves the process group, so the group kill misses it and it
        // keeps stdout open; the run still ends after the grace period.
        let s = sh("setsid sleep 5 & sleep 0.3; echo bye");
        let t = Instant::now();
        let r = run(&s).unwrap();
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
        assert_eq!(r.exit, Exit::Code(0));
        assert!(r.output_held_open, "{r:?}");
    }

    #[test]
    fn flood_is_bounded() {
        let mut s = sh("head -c 5000000 /dev/zero; echo done >&2");
        s.limits.capture_bytes = 1000;
        let r = run(&s).unwrap();
        assert_eq!(r.stdout.bytes.len(), 1000);
        assert_eq!(r.stdout.total, 5_000_000);
        assert!(r.stdout.truncated());
        assert_eq!(r.stderr.text(), "done\n");
    }

    #[test]
    fn working_directory_is_private_and_removed() {
        let mut s = sh("pwd; cat given; echo x > made");
        s.files.push(("given".into(), b"hello\n".to_vec()));
        let r = run(&s).unwrap();
        let text = r.stdout.text();
        let dir = PathBuf::from(text.lines().next().unwrap());
        assert!(dir.file_name().unwrap().to_string_lossy().starts_with("gctorture-run-"));
        assert_eq!(text.lines().nth(1), Some("hello"));
        assert!(!dir.exists());
        s.keep_workdir = true;
        let r = run(&s).unwrap();
        let w = r.workdir.unwrap();
        assert!(w.join("made").exists());
        std::fs::remove_dir_all(w).unwrap();
    }

    #[test]
    fn file_size_limit() {
        let mut s = sh("head -c 100000 /dev/zero > big");
        s.limits.file_size = Some(4096);
        let r = run(&s).unwrap();
        // sh reports the child's SIGXFSZ as exit 128+25.
        assert!(
            matches!(r.exit, Exit::Code(c) if c == 128 + libc::SIGXFSZ) || r.exit == Exit::Signal(libc::SIGXFSZ),
            "{:?}",
            r.exit
        );
    }

    #[test]
    fn cpu_limit() {
        let mut s = sh("while :; do :; done");
        s.limits.cpu_secs = Some(1);
        s.limits.wall = Duration::from_secs(20);
        let r = run(&s).unwrap();
        assert_eq!(r.exit, Exit::Signal(libc::SIGXCPU));
        assert!(!r.timed_out);
    }

    #[test]
    fn missing_program_is_an_error() {
        let mut s = sh("");
        s.program = "/nonexistent/interpreter".into();
        assert!(run(&s).is_err());
    }
}
