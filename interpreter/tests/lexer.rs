//! Lexer unit tests: token streams for indentation, joining, numbers,
//! strings and operators.

mod common;

use upy::lexer::{Lexer, Tok};

/// The tokens of `src` as short strings (names and numbers with their value).
fn toks(src: &str) -> Vec<String> {
    let mut vm = common::vm(1 << 20);
    vm.enter(|cx| {
        let qs = &mut cx.state.qstr;
        let mut out = Vec::new();
        let mut lx = Lexer::new(src.as_bytes(), qs);
        loop {
            lx.next_token().unwrap_or_else(|_| panic!("{src:?}: {:?}", upy::CompileError::take()));
            let t = match lx.tok {
                Tok::Name => format!("N:{}", lx.qs.str(lx.value.as_qstr().unwrap())),
                Tok::Number => {
                    let mut s = String::new();
                    upy::showbc::const_repr(&mut s, lx.qs, lx.value).unwrap();
                    format!("#{s}")
                }
                Tok::String => format!("S:{}", String::from_utf8_lossy(&lx.strbuf)),
                Tok::FString => format!("F:{}", String::from_utf8_lossy(&lx.src[lx.body.0..lx.body.1])),
                Tok::Indent => ">".into(),
                Tok::Dedent => "<".into(),
                Tok::Newline => ";".into(),
                Tok::EndMarker => break,
                t => t.text().to_string(),
            };
            out.push(t);
        }
        out
    })
}

fn lex_err(src: &str) -> String {
    let mut vm = common::vm(1 << 20);
    vm.enter(|cx| {
        let mut lx = Lexer::new(src.as_bytes(), &mut cx.state.qstr);
        loop {
            if lx.next_token().is_err() {
                return common::err_text(&upy::CompileError::take());
            }
            if lx.tok == Tok::EndMarker {
                return "no error".into();
            }
        }
    })
}

#[test]
fn indentation() {
    assert_eq!(
        toks("a\n  b\n    c\n  d\ne"),
        ["N:a", ";", ">", "N:b", ";", ">", "N:c", ";", "<", "N:d", ";", "<", "N:e", ";"]
    );
    assert_eq!(toks("if x:\n\n   # c\n\n   y\n"), ["if", "N:x", ":", ";", ">", "N:y", ";", "<"]);
    assert_eq!(toks("a\n    b\n        c"), ["N:a", ";", ">", "N:b", ";", ">", "N:c", ";", "<", "<"]);
    assert_eq!(toks("(a,\n      b)\nc"), ["(", "N:a", ",", "N:b", ")", ";", "N:c", ";"]);
    assert_eq!(toks("a = 1 + \\\n      2"), ["N:a", "=", "#1", "+", "#2", ";"]);
    assert_eq!(toks("\tx\n\ty\n"), [">", "N:x", ";", "N:y", ";", "<"]);
}

#[test]
fn numbers() {
    assert_eq!(toks("0 7 0x1F 0o17 0b1010 1_000_000 00"), ["#0", "#7", "#31", "#15", "#10", "#1000000", "#0", ";"]);
    assert_eq!(
        toks("1.5 .25 3. 1e10 1E-3 1_0.0_1 2j 1.5J"),
        ["#1.5", "#0.25", "#3.0", "#10000000000.0", "#0.001", "#10.01", "#2.0j", "#1.5j", ";"]
    );
    assert_eq!(toks("4611686018427387904"), ["#0x4000000000000000", ";"]);
    assert_eq!(toks("0xdead_beef_cafe_f00d_1234"), ["#0xdeadbeefcafef00d1234", ";"]);
    assert_eq!(toks("1if x else 2"), ["#1", "if", "N:x", "else", "#2", ";"]);
    assert_eq!(lex_err("1__0"), "SyntaxError: invalid decimal literal @1:2");
    assert_eq!(lex_err("0b102"), "SyntaxError: invalid digit '2' in binary literal @1:5");
    assert_eq!(lex_err("0777"), "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:1");
    assert!(lex_err(&"9".repeat(4301)).contains("Exceeds the limit (4300) for integer string conversion"));
}

#[test]
fn strings() {
    assert_eq!(toks(r#"'a' "b" '''c''' """d""" "#), ["S:a", "S:b", "S:c", "S:d", ";"]);
    assert_eq!(toks(r"'\x41\101\u00e9\U0001F600\n'"), ["S:AAé😀\n", ";"]);
    assert_eq!(toks(r"r'\x41' R'\'' br'\d' B'\x41'"), [r"S:\x41", r"S:\'", r"S:\d", "S:A", ";"]);
    assert_eq!(toks("'''a\nb'''\nc"), ["S:a\nb", ";", "N:c", ";"]);
    assert_eq!(toks("'a\\\nb'"), ["S:ab", ";"]);
    assert_eq!(toks("f'x{y!r}' rf'{z}\\d'"), ["F:x{y!r}", "F:{z}\\d", ";"]);
    assert_eq!(toks("u'ok'"), ["S:ok", ";"]);
    assert_eq!(lex_err("'abc\n'"), "SyntaxError: unterminated string literal (detected at line 1) @1:1");
    assert_eq!(
        lex_err("x = '''\n\n"),
        "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:5"
    );
    // Escape errors are reported just past the literal, as CPython does.
    assert_eq!(lex_err(r"'\N{BULLET}'"), "SyntaxError: (unicode error) \\N{...} escapes are not supported @1:13");
    assert_eq!(lex_err(r"x = 'ab\x4'"), "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape @1:12");
}

#[test]
fn operators_and_keywords() {
    assert_eq!(
        toks("a+=b//=c**=d>>=e<<=f->g:=h...i!=j==k<=l>=m@=n%=o&=p|=q^=r~s"),
        [
            "N:a", "+=", "N:b", "//=", "N:c", "**=", "N:d", ">>=", "N:e", "<<=", "N:f", "->", "N:g", ":=", "N:h",
            "...", "N:i", "!=", "N:j", "==", "N:k", "<=", "N:l", ">=", "N:m", "@=", "N:n", "%=", "N:o", "&=", "N:p",
            "|=", "N:q", "^=", "N:r", "~", "N:s", ";"
        ]
    );
    assert_eq!(
        toks("async await lambda nonlocal None x.y"),
        ["async", "await", "lambda", "nonlocal", "None", "N:x", ".", "N:y", ";"]
    );
    assert_eq!(lex_err("a $ b"), "SyntaxError: invalid syntax @1:3");
    assert_eq!(lex_err("a ? b"), "SyntaxError: invalid syntax @1:3");
    assert_eq!(lex_err("a\u{a0}b"), "SyntaxError: invalid non-printable character U+00A0 @1:2");
    assert_eq!(lex_err("(]"), "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:2");
    assert_eq!(lex_err("("), "SyntaxError: '(' was never closed @1:1");
}
