//! Error messages against CPython 3.11: `data/error_cases.txt` holds each
//! source with the kind, message, line and column `compile()` reports there
//! (regenerate with `python3 data/gen_error_cases.py > data/error_cases.txt`).
//! Kind, message, line and column must match, except for the columns of
//! the few cases listed in `COLUMN_DIFFERS`.

mod common;

/// Sources whose error column differs from CPython's (message and line match).
const COLUMN_DIFFERS: &[&str] = &["1e+"];

#[test]
fn errors_match_cpython() {
    let text = include_str!("data/error_cases.txt");
    let mut vm = common::vm(4 << 20);
    let lines: Vec<&str> = text.lines().collect();
    let (mut ok, mut col_off) = (0, 0);
    let mut failures = Vec::new();
    for pair in lines.chunks(2) {
        let src = common::unescape(pair[0].strip_prefix("src: ").unwrap());
        let exp = pair[1].strip_prefix("exp: ").unwrap();
        let got = match common::compile_text(&mut vm, &src, upy::Mode::Exec) {
            Ok(_) => "OK".to_string(),
            Err(e) => e,
        };
        let strip = |s: &str| s.rsplit_once(':').map(|(a, _)| a.to_string()).unwrap_or(s.to_string());
        if got == exp {
            ok += 1;
        } else if exp != "OK" && strip(&got) == strip(exp) && COLUMN_DIFFERS.contains(&&*String::from_utf8_lossy(&src))
        {
            ok += 1;
            col_off += 1;
            eprintln!("column differs: {:?}: expected {exp}, got {got}", String::from_utf8_lossy(&src));
        } else {
            failures.push(format!("{:?}\n   expected {}\n   got      {}", String::from_utf8_lossy(&src), exp, got));
        }
    }
    eprintln!("{ok} cases match CPython ({col_off} with a different column)");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
