//! Deep nesting gives a clean SyntaxError/IndentationError, never a stack
//! overflow, and long flat chains (walked iteratively) still compile.
//! These run on the default 2 MB test thread stack, in debug builds too.

mod common;

fn compile(src: &str) -> Result<String, String> {
    // Room for the parse tree of long flat sources, but no more: under
    // gc-torture every allocation sweeps the whole heap.
    let size = (src.len() * 80).clamp(2 << 20, 48 << 20) & !0xffff;
    let mut vm = common::vm(size);
    common::compile_text(&mut vm, src.as_bytes(), upy::Mode::Exec)
}

fn err(src: &str) -> String {
    compile(src).err().unwrap_or_else(|| "compiled".into())
}

#[test]
fn hundred_thousand_open_brackets() {
    for open in ["(", "[", "{"] {
        let e = err(&open.repeat(100_000));
        assert!(e.starts_with("SyntaxError: too many nested parentheses @1:201"), "{e}");
    }
    let e = err(&format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000)));
    assert!(e.contains("too many nested parentheses"), "{e}");
}

#[test]
fn ten_thousand_nested_blocks() {
    let mut src = String::new();
    for i in 0..10_000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(10_000));
    src.push_str("pass\n");
    let e = err(&src);
    assert!(e.starts_with("IndentationError: too many levels of indentation @101:"), "{e}");

    let mut src = String::new();
    for i in 0..10_000 {
        src.push_str(&"\t".repeat(i));
        src.push_str("for x in y:\n");
    }
    let e = err(&src);
    assert!(e.contains("too many levels of indentation"), "{e}");
}

#[test]
fn statically_nested_blocks_limit() {
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&" ".repeat(i));
        src.push_str("while x:\n");
    }
    src.push_str(&" ".repeat(21));
    src.push_str("pass\n");
    let e = err(&src);
    assert!(e.starts_with("SyntaxError: too many statically nested blocks @21:"), "{e}");
    // 20 is fine.
    let mut src = String::new();
    for i in 0..20 {
        src.push_str(&" ".repeat(i));
        src.push_str("for x in y:\n");
    }
    src.push_str(&" ".repeat(20));
    src.push_str("pass\n");
    assert!(compile(&src).is_ok());
}

#[test]
fn deep_right_recursion_is_bounded() {
    for (what, src) in [
        ("unary minus", format!("{}1", "-".repeat(100_000))),
        ("not", format!("{}x", "not ".repeat(100_000))),
        ("power", format!("{}2", "2**".repeat(100_000))),
        ("lambda", format!("{}0", "lambda: ".repeat(100_000))),
        ("if-else", format!("{}0", "1 if x else ".repeat(100_000))),
        ("mixed brackets", "f([{(".repeat(30_000)),
    ] {
        let e = err(&src);
        assert!(e.starts_with("SyntaxError: too many nested parentheses"), "{what}: {e}");
    }
}

#[test]
fn long_flat_chains_compile() {
    // Under gc-torture every allocation sweeps the 48 MB heap: shorter chains.
    let n = if cfg!(feature = "gc-torture") { 20_000 } else { 100_000 };
    for src in [
        format!("x = {}1", "1 + ".repeat(n)),
        format!("x = a{}", ".b".repeat(n)),
        format!("x = a{}", "[0]".repeat(n)),
        format!("x = f{}", "()".repeat(n)),
        format!("x = a{}", ".m()".repeat(n)),
        format!("x = {}a", "a or ".repeat(n)),
        format!("x = {}a", "a < ".repeat(n)),
        format!("x = [{}]", "1, ".repeat(n)),
        format!("x = {}", "'s' ".repeat(n)),
        "x = 1\n".repeat(n),
    ] {
        let r = compile(&src);
        assert!(r.is_ok(), "{:?}: {:?}", &src[..40.min(src.len())], r.err());
    }
}

#[test]
fn nesting_just_under_the_limits_compiles() {
    let src = format!("x = {}1{}", "(".repeat(199), ")".repeat(199));
    assert!(compile(&src).is_ok());
    let src = format!("x = {}1{}", "[".repeat(199), "]".repeat(199));
    assert!(compile(&src).is_ok());
    let mut src = String::new();
    for i in 0..99 {
        src.push_str(&" ".repeat(i));
        src.push_str(if i % 2 == 0 { "def f(a=lambda: [x for x in (1,)]):\n" } else { "class C:\n" });
    }
    src.push_str(&" ".repeat(99));
    src.push_str("return f(1)[0] if x else -(-(-(1)))\n");
    let r = compile(&src);
    assert!(r.is_ok() || r.as_ref().unwrap_err().contains("'return' outside function"), "{r:?}");
}
