//! Reduction: delta debugging (Zeller's ddmin) over a program's units —
//! first top-level statements (a line at column 0 with the indented lines
//! that follow it), then single lines — and then expressions (bracketed
//! groups replaced by the plainest value of their kind), generic over the
//! question "does this candidate still show the same failure?".
//!
//! Invariant: the result always passes the test (the input is assumed to, and
//! a candidate replaces the current best only after passing), and it is
//! 1-minimal at the level it finished on: removing any single remaining unit
//! makes the test fail. The number of test calls is bounded by `max_tests`;
//! when the budget runs out the best candidate so far is returned.

use crate::build::parse_prebuilt;
use crate::interp::{Arch, Interpreter, KnobStyle, Knobs};
use crate::runner::{execute, Program};
use crate::sandbox::Limits;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// ddmin over `units`: the smallest subsequence (in order) for which `test`
/// holds. `test` is never called with the full input.
pub fn ddmin<T: Clone>(units: &[T], test: &mut dyn FnMut(&[T]) -> bool, max_tests: &mut usize) -> Vec<T> {
    let mut cur: Vec<T> = units.to_vec();
    let mut n = 2usize;
    while cur.len() >= 2 && *max_tests > 0 {
        let chunk = cur.len().div_ceil(n);
        let mut reduced = false;
        // Try removing each chunk (keeping its complement).
        let mut start = 0;
        while start < cur.len() && *max_tests > 0 {
            let end = (start + chunk).min(cur.len());
            let cand: Vec<T> = cur[..start].iter().chain(&cur[end..]).cloned().collect();
            *max_tests -= 1;
            if !cand.is_empty() && test(&cand) {
                cur = cand;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
            start = end;
        }
        if !reduced {
            if n >= cur.len() {
                break;
            }
            n = (n * 2).min(cur.len());
        }
    }
    cur
}

/// Top-level statements: each starts at a non-blank line at column 0 and takes
/// the indented, blank and continuation lines after it (decorators stay with
/// what they decorate, `else`/`except`/`finally` with their statement).
pub fn statements(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let top = !line.starts_with([' ', '\t']) && !t.trim().is_empty();
        let joins = ["else", "elif", "except", "finally"]
            .iter()
            .any(|k| t.starts_with(k) && t[k.len()..].starts_with([':', ' ', '(']));
        // A statement made only of decorator lines so far takes what follows.
        let after_decorator = out.last().is_some_and(|s| s.lines().all(|l| l.trim_start().starts_with('@')));
        if top && !joins && !after_decorator {
            out.push(line.to_string());
        } else if let Some(last) = out.last_mut() {
            last.push_str(line);
        } else {
            out.push(line.to_string());
        }
    }
    out
}

/// Reduces a program: statements first, then lines.
pub fn reduce_program(text: &str, test: &mut dyn FnMut(&str) -> bool, max_tests: usize) -> String {
    let mut budget = max_tests;
    let stmts = statements(text);
    let best = ddmin(&stmts, &mut |c: &[String]| test(&c.concat()), &mut budget);
    let lines: Vec<String> = best.concat().split_inclusive('\n').map(str::to_string).collect();
    let best = ddmin(&lines, &mut |c: &[String]| test(&c.concat()), &mut budget).concat();
    simplify_expressions(&best, test, &mut budget)
}

/// Spans of bracketed groups — `(...)`, `[...]` — outermost first, ignoring
/// brackets inside string literals.
fn groups(text: &str) -> Vec<(usize, usize, u8)> {
    let b = text.as_bytes();
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut out = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' => open.push((i, c)),
                b')' | b']' => {
                    if let Some((s, k)) = open.pop() {
                        out.push((s, i + 1, k));
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    // Larger groups first: replacing one removes everything inside it.
    out.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    out
}

/// The expression level: replaces bracketed groups by the plainest value of
/// their kind (`(0)`, `[]`, a call's argument list by `()`) while the test
/// still holds; greedy, outermost first, within the remaining budget.
fn simplify_expressions(text: &str, test: &mut dyn FnMut(&str) -> bool, budget: &mut usize) -> String {
    let mut cur = text.to_string();
    let mut changed = true;
    while changed && *budget > 0 {
        changed = false;
        for (s, e, k) in groups(&cur) {
            if *budget == 0 {
                break;
            }
            // A call's arguments (a name or closing bracket right before) or a
            // plain parenthesised expression, a list display or subscript.
            let called =
                s > 0 && (cur.as_bytes()[s - 1].is_ascii_alphanumeric() || b")]_".contains(&cur.as_bytes()[s - 1]));
            let plain = match (k, called) {
                (b'(', true) => "()",
                (b'(', false) => "(0)",
                _ => "[]",
            };
            if &cur[s..e] == plain {
                continue;
            }
            let cand = format!("{}{plain}{}", &cur[..s], &cur[e..]);
            *budget -= 1;
            if test(&cand) {
                cur = cand;
                changed = true;
                break;
            }
        }
    }
    cur
}

#[derive(clap::Args, Clone, Debug)]
pub struct ReduceArgs {
    /// The program to minimise.
    pub file: PathBuf,
    /// The interpreter to run it with: ARCH=PATH.
    #[arg(long = "interpreter", value_name = "ARCH=PATH", value_parser = parse_prebuilt)]
    pub interpreter: (Arch, PathBuf),
    /// How knobs reach the interpreter: `x` (upy's -X options) or `env`.
    #[arg(long, default_value = "x", value_parser = ["x", "env"])]
    pub knobs: String,
    /// Torture on (every allocation, full verification) or off.
    #[arg(long, default_value = "on", value_parser = ["on", "off"])]
    pub torture: String,
    /// The signature to keep (default: the original program's).
    #[arg(long)]
    pub signature: Option<String>,
    /// Where to write the result (default: FILE.min).
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    #[arg(long, default_value_t = 500)]
    pub max_tests: usize,
}

pub fn main(a: ReduceArgs) -> ExitCode {
    let fail = |m: String| {
        eprintln!("gctorture: {m}");
        ExitCode::from(2)
    };
    let text = match std::fs::read_to_string(&a.file) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {e}", a.file.display())),
    };
    let (arch, path) = a.interpreter.clone();
    if !path.is_file() {
        return fail(format!("--interpreter {}: no such file", path.display()));
    }
    let style = if a.knobs == "env" { KnobStyle::Env } else { KnobStyle::XOptions };
    let interp = Interpreter { name: arch.name().into(), arch, path, style, args: vec![] };
    let knobs = if a.torture == "on" { Knobs::full() } else { Knobs::off() };
    let limits = Limits { wall: Duration::from_secs(a.timeout), ..Limits::default() };
    let scratch = std::env::temp_dir();
    let name = a.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "program.py".into());
    let sig_of = |t: &str| {
        let p =
            Program { name: name.clone(), text: t.as_bytes().to_vec(), expected: None, origin: None, modules: vec![] };
        execute(&interp, &knobs, Some(&p), &limits, &scratch).signature.clone()
    };
    let target = match a.signature.clone().or_else(|| sig_of(&text)) {
        Some(s) => s,
        None => return fail(format!("{}: the program shows no failure to keep (no signature)", a.file.display())),
    };
    let mut tests = 0usize;
    let min = reduce_program(
        &text,
        &mut |c| {
            tests += 1;
            sig_of(c).as_deref() == Some(target.as_str())
        },
        a.max_tests,
    );
    let out = a.out.clone().unwrap_or_else(|| {
        let mut s = a.file.as_os_str().to_owned();
        s.push(".min");
        PathBuf::from(s)
    });
    if let Err(e) = std::fs::write(&out, &min) {
        return fail(format!("cannot write {}: {e}", out.display()));
    }
    crate::say!(
        "reduced {} from {} to {} lines in {tests} runs, keeping {target}: {}",
        a.file.display(),
        text.lines().count(),
        min.lines().count(),
        out.display()
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddmin_finds_the_pair() {
        let units: Vec<u32> = (0..40).collect();
        let mut budget = 10_000;
        let mut calls = 0;
        let r = ddmin(
            &units,
            &mut |c: &[u32]| {
                calls += 1;
                c.contains(&7) && c.contains(&31)
            },
            &mut budget,
        );
        assert_eq!(r, vec![7, 31]);
        assert!(calls < 200, "{calls}");
    }

    #[test]
    fn budget_is_respected() {
        let units: Vec<u32> = (0..1000).collect();
        let mut budget = 5;
        let r = ddmin(&units, &mut |c: &[u32]| c.contains(&500), &mut budget);
        assert_eq!(budget, 0);
        assert!(r.contains(&500));
    }

    #[test]
    fn statements_keep_blocks_together() {
        let src = "import gc\n@dec\ndef f(x):\n    return x\n\nif a:\n    b()\nelse:\n    c()\nprint(f(1))\n";
        let s = statements(src);
        assert_eq!(
            s,
            vec![
                "import gc\n",
                "@dec\ndef f(x):\n    return x\n\n",
                "if a:\n    b()\nelse:\n    c()\n",
                "print(f(1))\n"
            ]
        );
    }

    #[test]
    fn expressions_are_simplified() {
        let src = "x = f((a + b) * (c - d), [1, 2, g(3)])\n";
        let min = reduce_program(src, &mut |c| c.contains("f(") && c.contains(", ["), 1000);
        assert_eq!(min, "x = f((0) * (0), [])\n");
        // Brackets inside strings are not groups.
        assert_eq!(groups("p('(x')"), vec![(1, 7, b'(')]);
    }

    #[test]
    fn reduce_keeps_what_matters() {
        let src = "a = 1\nb = [a]\nfor i in range(3):\n    x = i\n    boom()\n    y = 2\nprint(b)\n";
        let min = reduce_program(src, &mut |c| c.contains("boom()") && c.contains("for i"), 1000);
        // The oracle only looks for the text, so even the loop count goes.
        assert_eq!(min, "for i in range():\n    boom()\n");
    }
}
