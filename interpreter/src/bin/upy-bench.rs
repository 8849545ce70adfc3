//! `upy-bench`: times the programs of `bench/` under `upy` and under CPython,
//! in the same run on the same machine, and prints their ratio.
//!
//!   upy-bench [--upy PATH] [--python CMD] [--runs N] [--filter SUBSTR]
//!             [--dir DIR] [--clock wall|cpu] [--timeout SECS] [--json FILE]
//!
//! It builds nothing: build the interpreter first (`cargo build --release -p upy`,
//! or with `--target i686-unknown-linux-gnu` for x86 figures) and point `--upy` at
//! it (default `target/release/upy`). Each program runs `--runs` times (default
//! 3) under each interpreter, alternating, and the best time counts. Every run's
//! standard output must equal CPython's, so a wrong answer cannot look fast.
//! Output: one row per program (upy seconds, python seconds, ratio upy/python),
//! then the geometric mean of the ratios. `--clock cpu` times user+system CPU of
//! the child (from the kernel's accounting of reaped children, 10 ms ticks)
//! instead of wall time, for a machine shared with other work.
//!
//! Invariant: any failure (bad usage, missing binary or interpreter, a program
//! that fails, times out or prints something else) is one line on stderr and a
//! non-zero exit (2 for usage, 1 otherwise); timing is never asserted.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: upy-bench [--upy PATH] [--python CMD] [--runs N] [--filter SUBSTR] [--dir DIR] \
                     [--clock wall|cpu] [--timeout SECS] [--json FILE]";

/// Linux's USER_HZ: the unit of the child times in /proc/self/stat.
const CLOCK_TICKS: f64 = 100.0;

struct Opts {
    upy: PathBuf,
    python: String,
    runs: usize,
    filter: Option<String>,
    dir: PathBuf,
    cpu_clock: bool,
    timeout: Duration,
    json: Option<PathBuf>,
}

/// One program's result: best wall and CPU seconds under each interpreter.
struct Row {
    name: String,
    upy_wall: f64,
    upy_cpu: f64,
    py_wall: f64,
    py_cpu: f64,
}

/// A failure to report: one line, and the exit status.
struct Fail(String, u8);

fn usage(msg: impl Into<String>) -> Fail {
    Fail(format!("{}\n{USAGE}", msg.into()), 2)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(msg, code)) => {
            eprintln!("upy-bench: {msg}");
            ExitCode::from(code)
        }
    }
}

fn parse_args() -> Result<Option<Opts>, Fail> {
    let mut o = Opts {
        upy: PathBuf::from("target/release/upy"),
        python: "python3".into(),
        runs: 3,
        filter: None,
        dir: default_dir(),
        cpu_clock: false,
        timeout: Duration::from_secs(300),
        json: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--help" || a == "-h" {
            println!("{USAGE}");
            return Ok(None);
        }
        let mut val = |name: &str| args.next().ok_or_else(|| usage(format!("{name} needs a value")));
        match a.as_str() {
            "--upy" => o.upy = PathBuf::from(val("--upy")?),
            "--python" => o.python = val("--python")?,
            "--runs" => {
                let v = val("--runs")?;
                o.runs = match v.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(usage(format!("--runs: '{v}' is not a positive integer"))),
                }
            }
            "--filter" => o.filter = Some(val("--filter")?),
            "--dir" => o.dir = PathBuf::from(val("--dir")?),
            "--json" => o.json = Some(PathBuf::from(val("--json")?)),
            "--clock" => {
                o.cpu_clock = match val("--clock")?.as_str() {
                    "wall" => false,
                    "cpu" => true,
                    v => return Err(usage(format!("--clock: '{v}' is neither 'wall' nor 'cpu'"))),
                }
            }
            "--timeout" => {
                let v = val("--timeout")?;
                o.timeout = match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => Duration::from_secs_f64(s),
                    _ => return Err(usage(format!("--timeout: '{v}' is not a positive number of seconds"))),
                }
            }
            _ => return Err(usage(format!("unknown argument '{a}'"))),
        }
    }
    Ok(Some(o))
}

/// `bench/` under the current directory if there is one, else the one in the
/// source tree this binary was built from.
fn default_dir() -> PathBuf {
    let here = PathBuf::from("bench");
    if here.is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("bench")
}

fn run() -> Result<(), Fail> {
    let Some(o) = parse_args()? else { return Ok(()) };
    if !o.upy.is_file() {
        return Err(Fail(
            format!(
                "upy binary '{}' not found (build it: cargo build --release -p upy, or pass --upy PATH)",
                o.upy.display()
            ),
            1,
        ));
    }
    match Command::new(&o.python).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status() {
        Ok(s) if s.success() => {}
        Ok(s) => return Err(Fail(format!("'{} --version' failed ({s})", o.python), 1)),
        Err(e) => return Err(Fail(format!("cannot run '{}': {e}", o.python), 1)),
    }
    let programs = list_programs(&o)?;
    let arch = elf_arch(&o.upy);
    let clock = if o.cpu_clock { "cpu" } else { "wall" };
    println!("upy: {} ({arch})   python: {}   runs: {} (best)   clock: {clock}", o.upy.display(), o.python, o.runs);
    println!("{:<18} {:>9} {:>10} {:>7}", "program", "upy s", "python3 s", "ratio");
    let mut rows = Vec::new();
    for p in &programs {
        let row = bench_one(&o, p)?;
        let (u, c) = if o.cpu_clock { (row.upy_cpu, row.py_cpu) } else { (row.upy_wall, row.py_wall) };
        println!("{:<18} {:>9.3} {:>10.3} {:>7.2}", row.name, u, c, ratio(u, c));
        rows.push(row);
    }
    let gm =
        geomean(
            rows.iter().map(|r| if o.cpu_clock { ratio(r.upy_cpu, r.py_cpu) } else { ratio(r.upy_wall, r.py_wall) }),
        );
    println!("{:<18} {:>9} {:>10} {:>7.2}", "geometric mean", "", "", gm);
    if let Some(path) = &o.json {
        std::fs::write(path, to_json(&o, arch, &rows, gm))
            .map_err(|e| Fail(format!("cannot write '{}': {e}", path.display()), 1))?;
    }
    Ok(())
}

fn list_programs(o: &Opts) -> Result<Vec<PathBuf>, Fail> {
    let rd = std::fs::read_dir(&o.dir)
        .map_err(|e| Fail(format!("cannot read the bench directory '{}': {e}", o.dir.display()), 1))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| o.filter.as_deref().is_none_or(|f| p.file_name().is_some_and(|n| n.to_string_lossy().contains(f))))
        .collect();
    v.sort();
    if v.is_empty() {
        let what = o.filter.as_deref().map(|f| format!(" matching '{f}'")).unwrap_or_default();
        return Err(Fail(format!("no programs{what} in '{}'", o.dir.display()), 1));
    }
    Ok(v)
}

fn bench_one(o: &Opts, prog: &Path) -> Result<Row, Fail> {
    let name = prog.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = prog.parent().unwrap_or(Path::new("."));
    let file = prog.file_name().map(PathBuf::from).unwrap_or_default();
    let upy = std::fs::canonicalize(&o.upy).unwrap_or_else(|_| o.upy.clone());
    let mut row = Row { name, upy_wall: f64::MAX, upy_cpu: f64::MAX, py_wall: f64::MAX, py_cpu: f64::MAX };
    let mut expected: Option<Vec<u8>> = None;
    for _ in 0..o.runs {
        let py = time_run(Command::new(&o.python).arg(&file).current_dir(dir), o.timeout)
            .map_err(|e| Fail(format!("{}: python: {e}", row.name), 1))?;
        match &expected {
            None => expected = Some(py.out),
            Some(exp) if *exp != py.out => {
                return Err(Fail(format!("{}: python's output differs between runs", row.name), 1));
            }
            Some(_) => {}
        }
        let u = time_run(Command::new(&upy).arg(&file).current_dir(dir), o.timeout)
            .map_err(|e| Fail(format!("{}: upy: {e}", row.name), 1))?;
        if let Some(exp) = &expected {
            if *exp != u.out {
                return Err(Fail(
                    format!("{}: output differs from python's: {}", row.name, first_diff(exp, &u.out)),
                    1,
                ));
            }
        }
        row.py_wall = row.py_wall.min(py.wall);
        row.py_cpu = row.py_cpu.min(py.cpu);
        row.upy_wall = row.upy_wall.min(u.wall);
        row.upy_cpu = row.upy_cpu.min(u.cpu);
    }
    Ok(row)
}

struct Timed {
    out: Vec<u8>,
    wall: f64,
    cpu: f64,
}

/// Runs `cmd` to completion (or kills it at `timeout`), capturing its output.
/// Only one child runs at a time, so the change in this process's reaped-child
/// CPU times is the child's.
fn time_run(cmd: &mut Command, timeout: Duration) -> Result<Timed, String> {
    let cpu0 = children_cpu();
    let t0 = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    let mut so = child.stdout.take().ok_or("no stdout pipe")?;
    let mut se = child.stderr.take().ok_or("no stderr pipe")?;
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if t0.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {:.0} s", timeout.as_secs_f64()));
            }
            Ok(None) => std::thread::sleep(Duration::from_micros(500)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let wall = t0.elapsed().as_secs_f64();
    let cpu = (children_cpu() - cpu0).max(0.0);
    let out = out_t.join().unwrap_or_default();
    let err = err_t.join().unwrap_or_default();
    if !status.success() {
        let last = String::from_utf8_lossy(&err);
        let last = last.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").trim();
        return Err(format!("failed ({status}): {last}"));
    }
    Ok(Timed { out, wall, cpu })
}

/// User+system seconds of this process's reaped children (fields 16 and 17 of
/// /proc/self/stat, counted after the parenthesised command name).
fn children_cpu() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    let rest = s.rsplit_once(')').map_or("", |(_, r)| r);
    // rest starts at field 3 (state); cutime is field 16, cstime 17.
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i - 3).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(16) + tick(17)) / CLOCK_TICKS
}

/// Where two outputs first differ, as line number and both lines.
fn first_diff(exp: &[u8], got: &[u8]) -> String {
    let (e, g) = (String::from_utf8_lossy(exp), String::from_utf8_lossy(got));
    let (mut el, mut gl) = (e.lines(), g.lines());
    let mut n = 1;
    loop {
        match (el.next(), gl.next()) {
            (Some(a), Some(b)) if a == b => n += 1,
            (a, b) => {
                let show = |x: Option<&str>| x.map_or("<end of output>".to_string(), |s| format!("{:?}", clip(s)));
                return format!("line {n}: expected {}, got {}", show(a), show(b));
            }
        }
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

fn ratio(upy: f64, py: f64) -> f64 {
    upy / py.max(1e-3)
}

fn geomean(it: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for r in it {
        sum += r.max(1e-9).ln();
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        (sum / n as f64).exp()
    }
}

/// The machine of an ELF executable, from its header.
fn elf_arch(p: &Path) -> &'static str {
    let mut h = [0u8; 20];
    let ok = std::fs::File::open(p).and_then(|mut f| f.read_exact(&mut h)).is_ok();
    if !ok || &h[..4] != b"\x7fELF" {
        return "unknown";
    }
    match u16::from_le_bytes([h[18], h[19]]) {
        3 => "x86",
        62 => "x86_64",
        183 => "aarch64",
        _ => "other",
    }
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn to_json(o: &Opts, arch: &str, rows: &[Row], gm: f64) -> String {
    let mut s = String::new();
    let clock = if o.cpu_clock { "cpu" } else { "wall" };
    let _ = write!(
        s,
        "{{\n  \"upy\": {},\n  \"arch\": {},\n  \"python\": {},\n  \"runs\": {},\n  \"clock\": \"{clock}\",\n  \"programs\": [",
        json_str(&o.upy.display().to_string()),
        json_str(arch),
        json_str(&o.python),
        o.runs
    );
    for (i, r) in rows.iter().enumerate() {
        let rat = if o.cpu_clock { ratio(r.upy_cpu, r.py_cpu) } else { ratio(r.upy_wall, r.py_wall) };
        let _ = write!(
            s,
            "{}\n    {{\"name\": {}, \"upy_wall_s\": {:.4}, \"upy_cpu_s\": {:.2}, \"python_wall_s\": {:.4}, \
             \"python_cpu_s\": {:.2}, \"ratio\": {:.4}}}",
            if i == 0 { "" } else { "," },
            json_str(&r.name),
            r.upy_wall,
            r.upy_cpu,
            r.py_wall,
            r.py_cpu,
            rat
        );
    }
    let _ = write!(s, "\n  ],\n  \"geomean_ratio\": {gm:.4}\n}}\n");
    s
}
