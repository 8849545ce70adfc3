//! The program generator against CPython 3.11, the oracle: generated programs
//! are valid Python, nearly all run to completion, and print the same thing
//! under different hash seeds (no hash-order dependence slipped in), with
//! the modules they import written next to them. Skipped,
//! with a message, where no `python3` is installed.

use std::process::Command;

fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Runs every file in one CPython process; prints "ok N" and each failure.
const CHECK: &str = r#"
import sys, io, os, contextlib
sys.path.insert(0, os.path.dirname(sys.argv[1]))
ok = 0
for f in sys.argv[1:]:
    src = open(f).read()
    out = io.StringIO()
    try:
        code = compile(src, f, 'exec')
        with contextlib.redirect_stdout(out):
            exec(code, {'__name__': '__main__'})
        ok += 1
    except BaseException as e:
        print('FAILED', f, type(e).__name__, str(e)[:100])
print('ok', ok)
"#;

#[test]
fn generated_programs_run_on_cpython() {
    if Command::new("python3").arg("--version").output().map(|o| !o.status.success()).unwrap_or(true) {
        eprintln!("skipped: no python3 (the generator's oracle) on this machine");
        return;
    }
    let dir = std::env::temp_dir().join(format!("gctorture-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = 120;
    let mut files = Vec::new();
    let mut modules = 0;
    for s in 0..n {
        let p = dir.join(format!("g{s}.py"));
        let g = gctorture::gen::generate_program(&bytes(1000 + s, 3000));
        std::fs::write(&p, &g.main).unwrap();
        for (name, text) in &g.modules {
            std::fs::write(dir.join(name), text).unwrap();
        }
        modules += g.modules.len();
        files.push(p);
    }
    let out = Command::new("python3").arg("-c").arg(CHECK).args(&files).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let ok: usize = text.lines().last().and_then(|l| l.strip_prefix("ok ")).and_then(|v| v.parse().ok()).unwrap_or(0);
    // The issue's target is 80%; the generator is built to do far better.
    assert!(ok * 100 >= n as usize * 95, "only {ok} of {n} ran to completion:\n{text}");
    eprintln!("{modules} generated modules imported by {n} programs");
    assert!(modules > 0, "no program imported a generated module");
    // Same output under two hash seeds, in separate processes.
    for p in files.iter().take(6) {
        let run = |seed: &str| Command::new("python3").env("PYTHONHASHSEED", seed).arg(p).output().unwrap().stdout;
        assert_eq!(run("1"), run("4242"), "{} depends on hash order", p.display());
    }
    std::fs::remove_dir_all(dir).unwrap();
}
