//! Checks every code object the compiler makes by abstract interpretation of
//! its bytecode: every reachable instruction decodes; the stack depth is the
//! same on every path into an instruction, never negative and never above
//! the code object's recorded stack size; jump and handler targets are
//! instruction boundaries; handler ranges lie inside the code; local slots
//! and constant indices are in range. Run over the snapshot programs, the
//! generated module and the fuzz seeds.

mod common;
#[path = "common/flow.rs"]
mod flow;
#[path = "common/gen.rs"]
mod gen;

use flow::check_code;
use upy::qstr::Qstr;

fn check(src: &[u8], what: &str) -> usize {
    let mut vm = common::vm(if cfg!(feature = "gc-torture") { 4 << 20 } else { 64 << 20 });
    vm.enter(|cx| {
        let code = upy::compile(cx, src, Qstr(0), upy::Mode::Exec).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        check_code(code, what)
    })
}

#[test]
fn snapshot_programs_flow() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut total = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "py") {
            total += check(&std::fs::read(&p).unwrap(), &p.display().to_string());
        }
    }
    assert!(total > 30);
}

#[test]
fn generated_module_flow() {
    let n = if cfg!(feature = "gc-torture") { 200 } else { 3000 };
    assert!(check(gen::module(n).as_bytes(), "generated") > 10);
}

#[test]
fn tricky_control_flow() {
    let cases = [
        "def f():\n for x in y:\n  try:\n   with a as b:\n    try:\n     return x\n    finally:\n     break\n  except E as e:\n   continue\n  finally:\n   return 2\n else:\n  return 3",
        "def f():\n while 1:\n  try:\n   pass\n  finally:\n   try:\n    continue\n   except:\n    raise\n",
        "async def f():\n async with a as b, c:\n  async for x in y:\n   return [await z async for z in x]\n",
        "def g():\n try:\n  yield 1\n except E:\n  pass\n",
        "x = [a if b else c for a in d if a or b and not c]\nassert x, (y := 3)\n",
        "def f(a, b):\n return a < b < c <= d and (e or f) if g else h\n",
        "class C:\n def m(self):\n  try:\n   return super().m()\n  finally:\n   del self\n",
        "for i in r:\n for j in s:\n  with t:\n   if i: break\n   if j: continue\n",
        "try:\n pass\nexcept A:\n pass\nexcept B as b:\n raise\nelse:\n x = 1\n",
        "def f():\n try:\n  return 1\n finally:\n  try:\n   return 2\n  finally:\n   return 3\n",
        "f(*a, *b, c=1, **d, e=2)\nx = {**a, 'k': v, **b}\ny = (*a, *b)\nz = {*a, 1}\n",
        "a, (b, *c), d = e\nx[1:2, ::3] += 1\nx.y //= 2\ndel x[0], y.z\n",
    ];
    for (k, src) in cases.iter().enumerate() {
        check(src.as_bytes(), &format!("case {k}"));
    }
}
