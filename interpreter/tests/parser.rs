//! Parser unit tests: the tree for each construct, as an S-expression.

mod common;

fn p(src: &str) -> String {
    let mut vm = common::vm(1 << 20);
    common::parse_text(&mut vm, src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

/// The single statement of `src`, without the Module wrapper.
fn s(src: &str) -> String {
    let t = p(src);
    t.strip_prefix("(Module [").and_then(|x| x.strip_suffix("])")).unwrap().to_string()
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(s("a + b * c"), "(Expr (BinOp + (Name a) (BinOp * (Name b) (Name c))))");
    assert_eq!(s("a - b - c"), "(Expr (BinOp - (BinOp - (Name a) (Name b)) (Name c)))");
    assert_eq!(s("a ** b ** c"), "(Expr (BinOp ** (Name a) (BinOp ** (Name b) (Name c))))");
    assert_eq!(s("-a ** b"), "(Expr (UnaryOp - (BinOp ** (Name a) (Name b))))");
    assert_eq!(
        s("a | b ^ c & d << e"),
        "(Expr (BinOp | (Name a) (BinOp ^ (Name b) (BinOp & (Name c) (BinOp << (Name d) (Name e))))))"
    );
    assert_eq!(s("not a and b or c"), "(Expr (BoolOp or [(BoolOp and [(UnaryOp not (Name a)) (Name b)]) (Name c)]))");
    assert_eq!(s("a < b <= c != d"), "(Expr (Compare (Name a) < (Name b) <= (Name c) != (Name d)))");
    assert_eq!(s("a not in b is not c"), "(Expr (Compare (Name a) not in (Name b) is not (Name c)))");
    assert_eq!(s("x if c else y"), "(Expr (IfExp (Name c) (Name x) (Name y)))");
    assert_eq!(s("a @ b // c % d"), "(Expr (BinOp % (BinOp // (BinOp @ (Name a) (Name b)) (Name c)) (Name d)))");
    assert_eq!(s("await x"), "(Expr (Await (Name x)))");
}

#[test]
fn literals() {
    assert_eq!(
        s("1, 0x10, 0o17, 0b101, 1_000"),
        "(Expr (Tuple [(Constant 1) (Constant 16) (Constant 15) (Constant 5) (Constant 1000)]))"
    );
    assert_eq!(s("2**100"), "(Expr (BinOp ** (Constant 2) (Constant 100)))");
    assert_eq!(s("123456789012345678901234567890"), "(Expr (Constant 0x18ee90ff6c373e0ee4e3f0ad2))");
    assert_eq!(s("0xffffffffffffffffffff"), "(Expr (Constant 0xffffffffffffffffffff))");
    assert_eq!(
        s("1.5, 1e3, .5, 5., 1_0.2_5e-1_0"),
        "(Expr (Tuple [(Constant 1.5) (Constant 1000.0) (Constant 0.5) (Constant 5.0) (Constant 1.025e-9)]))"
    );
    assert_eq!(s("3j"), "(Expr (Constant 3.0j))");
    assert_eq!(s("'a' \"b\" '''c'''"), "(Expr (Constant 'abc'))");
    assert_eq!(s(r"'\x41\u00e9\n\t\\\101\q'"), "(Expr (Constant 'Aé\\n\\t\\\\A\\\\q'))");
    assert_eq!(s(r"r'\n\''"), "(Expr (Constant \"\\\\n\\\\'\"))");
    assert_eq!(s(r"b'\x00\xff' rb'\d'"), "(Expr (Constant b'\\x00\\xff\\\\d'))");
    assert_eq!(
        s("None, True, False, ..."),
        "(Expr (Tuple [(Constant None) (Constant True) (Constant False) (Constant Ellipsis)]))"
    );
    assert_eq!(s("'x' * 50"), "(Expr (BinOp * (Constant 'x') (Constant 50)))");
    let long = format!("'{}'", "y".repeat(100));
    assert_eq!(s(&long), format!("(Expr (Constant '{}'))", "y".repeat(100)));
}

#[test]
fn fstrings() {
    assert_eq!(s("f'a{b}c'"), "(Expr (JoinedStr [(Constant 'a') (FormattedValue (Name b) -) (Constant 'c')]))");
    assert_eq!(
        s("f'{x!r:>{w}}'"),
        "(Expr (JoinedStr [(FormattedValue (Name x) (JoinedStr [(Constant '>') (FormattedValue (Name w) -)]) !r)]))"
    );
    assert_eq!(s("f'{x = }'"), "(Expr (JoinedStr [(Constant 'x = ') (FormattedValue (Name x) - !r)]))");
    assert_eq!(
        s("f'{{}}{a:>3}'"),
        "(Expr (JoinedStr [(Constant '{}') (FormattedValue (Name a) (JoinedStr [(Constant '>3')]))]))"
    );
    let mut vm = common::vm(1 << 20);
    // As CPython: doubled braces are not escapes inside a format spec.
    assert!(common::parse_text(&mut vm, "f'{a:{{}}'").unwrap_err().contains("f-string: expecting '}'"));
    assert_eq!(
        s("f'{a, b}' 'z'"),
        "(Expr (JoinedStr [(FormattedValue (Tuple [(Name a) (Name b)]) -) (Constant 'z')]))"
    );
    assert_eq!(s("f'{d[\"k\"]!s}'"), "(Expr (JoinedStr [(FormattedValue (Subscript (Name d) (Constant 'k')) - !s)]))");
    assert_eq!(
        s("f'{3.14:.2f}'"),
        "(Expr (JoinedStr [(FormattedValue (Constant 3.14) (JoinedStr [(Constant '.2f')]))]))"
    );
    assert_eq!(s("f'''{\na\n+ b}'''"), "(Expr (JoinedStr [(FormattedValue (BinOp + (Name a) (Name b)) -)]))");
}

#[test]
fn displays_and_comprehensions() {
    assert_eq!(s("[1, *a, 2]"), "(Expr (List [(Constant 1) (Starred (Name a)) (Constant 2)]))");
    assert_eq!(s("{1: 2, **m}"), "(Expr (Dict [(Constant 1) (Constant 2) - (Name m)]))");
    assert_eq!(s("{a, *b}"), "(Expr (Set [(Name a) (Starred (Name b))]))");
    assert_eq!(s("{}"), "(Expr (Dict []))");
    assert_eq!(s("()"), "(Expr (Tuple []))");
    assert_eq!(s("(1,)"), "(Expr (Tuple [(Constant 1)]))");
    assert_eq!(
        s("[x for x in y if x if not x for z in x]"),
        "(Expr (ListComp (Name x) [(Comprehension (Name x) (Name y) [(Name x) (UnaryOp not (Name x))]) (Comprehension (Name z) (Name x) [])]))"
    );
    assert_eq!(
        s("{k: v for k, v in d}"),
        "(Expr (DictComp (Name k) [(Comprehension (Tuple [(Name k) (Name v)]) (Name d) [])] (Name v)))"
    );
    assert_eq!(s("(x for x in y)"), "(Expr (GenExp (Name x) [(Comprehension (Name x) (Name y) [])]))");
    assert_eq!(
        s("f(x for x in y)"),
        "(Expr (Call (Name f) [(GenExp (Name x) [(Comprehension (Name x) (Name y) [])])]))"
    );
    assert_eq!(s("[y := 1, y]"), "(Expr (List [(NamedExpr (Name y) (Constant 1)) (Name y)]))");
}

#[test]
fn calls_and_subscripts() {
    assert_eq!(
        s("f(a, *b, c=1, **d)"),
        "(Expr (Call (Name f) [(Name a) (Starred (Name b)) (Keyword c (Constant 1)) (Keyword ** (Name d))]))"
    );
    assert_eq!(s("a.b.c(d)[e]"), "(Expr (Subscript (Call (Attribute (Attribute (Name a) b) c) [(Name d)]) (Name e)))");
    assert_eq!(s("x[1:2, ::3, ...]"), "(Expr (Subscript (Name x) (Tuple [(Slice (Constant 1) (Constant 2) -) (Slice - - (Constant 3)) (Constant Ellipsis)])))");
    assert_eq!(s("x[:]"), "(Expr (Subscript (Name x) (Slice - - -)))");
    assert_eq!(s("x[*a]"), "(Expr (Subscript (Name x) (Tuple [(Starred (Name a))])))");
    assert_eq!(s("x[*a, 1]"), "(Expr (Subscript (Name x) (Tuple [(Starred (Name a)) (Constant 1)])))");
    assert_eq!(s("x[a:b:]"), "(Expr (Subscript (Name x) (Slice (Name a) (Name b) -)))");
    assert_eq!(
        s("lambda a, *b, c=1, **d: a"),
        "(Expr (Lambda (Arguments [(Arg a/1) (Arg b/2) (Arg c/3 (Constant 1)) (Arg d/4)]) (Name a)))"
    );
    assert_eq!(s("lambda: 0"), "(Expr (Lambda (Arguments []) (Constant 0)))");
}

#[test]
fn statements() {
    assert_eq!(s("a = b = 1"), "(Assign [(Name a) (Name b)] (Constant 1))");
    assert_eq!(s("a, *b = c"), "(Assign [(Tuple [(Name a) (Starred (Name b))])] (Name c))");
    assert_eq!(s("x.y += 1"), "(AugAssign + (Attribute (Name x) y) (Constant 1))");
    assert_eq!(s("x: int = 3"), "(AnnAssign (Name x) (Name int) (Constant 3))");
    assert_eq!(s("del a, b[0]"), "(Delete [(Name a) (Subscript (Name b) (Constant 0))])");
    assert_eq!(s("import a.b as c, d"), "(Import [(Alias a.b c) (Alias d -)])");
    assert_eq!(s("from ..m import (x as y, z,)"), "(ImportFrom .. m [(Alias x y) (Alias z -)])");
    assert_eq!(s("from . import *"), "(ImportFrom . - [(Alias * -)])");
    assert_eq!(s("global a, b"), "(Global a b)");
    assert_eq!(s("raise E from c"), "(Raise (Name E) (Name c))");
    assert_eq!(s("assert x, 'm'"), "(Assert (Name x) (Constant 'm'))");
    assert_eq!(s("if a: pass\nelif b: pass\nelse: pass"), "(If (Name a) [(Pass)] [(If (Name b) [(Pass)] [(Pass)])])");
    assert_eq!(s("while a:\n  break\nelse:\n  continue"), "(While (Name a) [(Break)] [(Continue)])");
    assert_eq!(s("for a, b in c: pass"), "(For (Tuple [(Name a) (Name b)]) (Name c) [(Pass)] [])");
    assert_eq!(
        s("try:\n  a\nexcept (E, F) as e:\n  b\nexcept:\n  c\nelse:\n  d\nfinally:\n  f"),
        "(Try [(Expr (Name a))] [(ExceptHandler (Tuple [(Name E) (Name F)]) e [(Expr (Name b))]) (ExceptHandler - - [(Expr (Name c))])] [(Expr (Name d))] [(Expr (Name f))])"
    );
    assert_eq!(s("with a as b, c: pass"), "(With [(WithItem (Name a) (Name b)) (WithItem (Name c) -)] [(Pass)])");
    assert_eq!(
        s("with (a as b, c as d,): pass"),
        "(With [(WithItem (Name a) (Name b)) (WithItem (Name c) (Name d))] [(Pass)])"
    );
    assert_eq!(s("with (a) as b: pass"), "(With [(WithItem (Name a) (Name b))] [(Pass)])");
    assert_eq!(
        s("@d\ndef f(a, /, b=1, *, c, **k) -> int:\n  return a"),
        "(FunctionDef f (Arguments [(Arg a/0) (Arg b/1 (Constant 1)) (Arg c/3) (Arg k/4)]) [(Return (Name a))] @[(Name d)])"
    );
    assert_eq!(s("class C(B, metaclass=M): pass"), "(ClassDef C [(Name B) (Keyword metaclass (Name M))] [(Pass)])");
    assert_eq!(
        s("async def f():\n  async for x in y: pass\n  async with z: pass\n  await q"),
        "(FunctionDef async f (Arguments []) [(For async (Name x) (Name y) [(Pass)] []) (With async [(WithItem (Name z) -)] [(Pass)]) (Expr (Await (Name q)))])"
    );
    assert_eq!(s("x = yield"), "(Assign [(Name x)] (Yield -))");
    assert_eq!(s("x = yield from y"), "(Assign [(Name x)] (YieldFrom (Name y)))");
    assert_eq!(p("a; b;\n"), "(Module [(Expr (Name a)) (Expr (Name b))])");
}

#[test]
fn lines_indentation_and_joining() {
    assert_eq!(
        p("if a:\n    if b:\n        c\n    d\ne\n"),
        "(Module [(If (Name a) [(If (Name b) [(Expr (Name c))] []) (Expr (Name d))] []) (Expr (Name e))])"
    );
    assert_eq!(p("x = (1 +\n  2)\ny = 1 + \\\n  2\n"), "(Module [(Assign [(Name x)] (BinOp + (Constant 1) (Constant 2))) (Assign [(Name y)] (BinOp + (Constant 1) (Constant 2)))])");
    assert_eq!(p("\n\n# comment\n  # indented comment\nx\n\n"), "(Module [(Expr (Name x))])");
    assert_eq!(p("if a:\n\tb\n\tc\n"), "(Module [(If (Name a) [(Expr (Name b)) (Expr (Name c))] [])])");
    assert_eq!(p("x\r\ny\r\n"), "(Module [(Expr (Name x)) (Expr (Name y))])");
    assert_eq!(p("\u{feff}x"), "(Module [(Expr (Name x))])");
    assert_eq!(p("名前 = 1"), "(Module [(Assign [(Name 名前)] (Constant 1))])");
    assert_eq!(p("x = 1if y else 2"), "(Module [(Assign [(Name x)] (IfExp (Name y) (Constant 1) (Constant 2)))])");
}
