//! The program generator: bytes in, a Python program out, through
//! `arbitrary::Unstructured` — the same bytes always give the same program,
//! and running out of bytes only makes the rest of the program plainer.
//!
//! The programs are heavy on allocation and on the interpreter's own
//! allocation paths: lists, dicts and strings and their growth, formatting,
//! big ints, closures, generators, classes with special methods, exceptions
//! raised and caught across frames, `del`, recursion, nested `exec`/`eval`/
//! `compile` of generated text, imports of modules generated alongside
//! (`generate_program`), and `gc.collect()`/`gc.verify()` calls.
//!
//! Invariants (what makes the CPython oracle apply and the programs useful):
//! - the program stays in the deterministic subset shared with CPython: no
//!   ids, addresses, hashes, set or dict iteration order (dicts are printed
//!   sorted), time or randomness; `gc.verify()` is guarded by `hasattr`;
//! - it is valid Python, and mostly runs to completion: every name read is
//!   bound on every path that reaches the read (variables bound inside a
//!   conditional block are forgotten when the block ends; `del` only removes
//!   names bound in the same block and never captured by a function), every
//!   value has the type its uses expect, divisions are by non-zero constants
//!   and growth is bounded.

use arbitrary::Unstructured;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Int,
    Str,
    /// A list of ints.
    List,
    /// A dict from str to int.
    Dict,
    /// An instance of one of the generated classes.
    Obj,
}

const KINDS: [Kind; 5] = [Kind::Int, Kind::Str, Kind::List, Kind::Dict, Kind::Obj];
const WORDS: [&str; 8] = ["a", "gc", "heap", "block", "torture", "mark", "sweep", "xyz"];

#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
    /// Read by a function defined after it: may not be `del`eted.
    captured: bool,
}

/// Functions the program can call, by what they take and give.
#[derive(Clone, Debug)]
enum Callable {
    /// f(int) -> int (plain functions and closures).
    IntFn(String),
    /// gen(n) yields n ints.
    Gen(String),
    /// rec(n) -> list, recursive.
    Rec(String),
}

pub struct Gen<'a> {
    u: Unstructured<'a>,
    out: String,
    indent: usize,
    /// Visibility blocks; the innermost is last.
    blocks: Vec<Vec<Var>>,
    /// Index of the first block of the function being generated (0 at module level).
    func_base: usize,
    in_loop: bool,
    next: usize,
    budget: usize,
    callables: Vec<Callable>,
    classes: Vec<String>,
    nested: bool,
    /// In-process mode (`generate_small`): shorter exec loops.
    small: bool,
    /// Generated modules (file stem, text); `None` when imports are off.
    modules: Option<Vec<(String, String)>>,
    /// Makes module names unique to this program's bytes, so that programs
    /// sharing a process or a directory never import each other's modules.
    tag: u32,
}

/// A generated program and the modules it imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    pub main: String,
    /// (file name, text), to be placed next to the main program.
    pub modules: Vec<(String, String)>,
}

/// The program for `bytes`, with no imports of generated modules: one in
/// eight is the flt_hex exec-loop template, the rest are free-form programs.
pub fn generate(bytes: &[u8]) -> String {
    build(bytes, false).main
}

/// The program for `bytes`, which may import modules generated with it.
pub fn generate_program(bytes: &[u8]) -> Generated {
    build(bytes, true)
}

/// A smaller program for in-process fuzzing (the `compile_exec` target),
/// where every input runs under collection at every allocation in the
/// fuzzer's own process: fewer statements and an exec loop of at most 12
/// iterations. The loops and recursion of every generated program are
/// bounded by construction (the VM has no step counter); this keeps the
/// bound small.
pub fn generate_small(bytes: &[u8]) -> String {
    let mut g = Gen::new(bytes, 16, false);
    g.small = true;
    g.top(bytes);
    g.out
}

fn build(bytes: &[u8], modules: bool) -> Generated {
    let mut g = Gen::new(bytes, 40, false);
    if modules {
        g.modules = Some(vec![]);
    }
    g.top(bytes);
    let modules =
        g.modules.take().unwrap_or_default().into_iter().map(|(stem, text)| (format!("{stem}.py"), text)).collect();
    Generated { main: g.out, modules }
}

impl Gen<'_> {
    /// One in eight programs is the exec-loop template, the rest free-form.
    fn top(&mut self, bytes: &[u8]) {
        if bytes.first().is_some_and(|b| b % 8 == 0) {
            let _ = self.u.bytes(1);
            self.flt_hex();
        } else {
            self.program();
        }
    }
}

/// The seed scenario (issue 5) as a template: a float's hex form built by
/// hand from `bytes(array('d', [x]))`, shifts, masks, `sum` over `enumerate`
/// and `{:=013x}`/`{:+d}` formatting with keyword fields, called through
/// `exec(..., locals(), globals())` in a loop — the allocation pattern of the
/// design's bug. Inputs, loop count and collection points come from the bytes.
///
/// Where `array` (or its buffer protocol in `bytes()`) is missing, the same
/// 64 bits come from exact halving and doubling instead, so the output is the
/// same either way and the template runs before the module exists.
const FLT_HEX: &str = "import gc
try:
    from array import array
    bytes(array('d', [1.0]))
except Exception:
    array = None

def bits(x):
    if array is not None:
        b = bytes(array('d', [x]))[::-1]
        return sum(v << (8 * (7 - k)) for k, v in enumerate(b))
    sign = 1 if x < 0 else 0
    x = abs(x)
    if x == 0:
        return sign << 63
    e = 0
    while x >= 2.0:
        x /= 2.0
        e += 1
    while x < 1.0:
        x *= 2.0
        e -= 1
    if e < -1022:
        return (sign << 63) | int(x * 2.0 ** (e + 1074))
    return (sign << 63) | ((e + 1023) << 52) | int((x - 1.0) * 4503599627370496)

def fhex(x):
    n = bits(x)
    sign = '-' if n >> 63 else ''
    exp = (n >> 52) & 0x7ff
    mant = n & ((1 << 52) - 1)
    if exp == 0 and mant == 0:
        return '{s}0x0.0p+0'.format(s=sign)
    lead, e = (0, -1022) if exp == 0 else (1, exp - 1023)
    return '{s}0x{l}.{m}p{e:+d}'.format(s=sign, l=lead, m='{:=013x}'.format(mant), e=e)

total = 0
seen = []

def f(x):
    global total
    h = fhex(x)
    total += sum(ord(c) for c in h)
    seen.append(h)
    del seen[:-4]
";

impl Gen<'_> {
    fn flt_hex(&mut self) {
        self.out.push_str(FLT_HEX);
        // Enough iterations for thousands of exec'd allocations, few enough
        // for a run under collection at every allocation to take a second or two.
        let n = if self.small { self.int_in(2, 12) } else { self.int_in(10, 150) };
        let m = self.int_in(1, 1_000_003);
        let c = self.int_in(-1_000_000, 1_000_000);
        let d = [1, 3, 7, 10, 1024, 65537, 1_000_000_007][self.pick(7)];
        let every = self.int_in(0, 50);
        self.line(&format!("for i in range({n}):"));
        self.indent += 1;
        self.line(&format!("exec('f(float({{:d}}) / {d})'.format(i * {m} + {c}), locals(), globals())"));
        if every > 0 {
            self.line(&format!("if i % {every} == 0: gc.collect()"));
        }
        self.indent -= 1;
        self.line("print(total, seen)");
    }
}

/// A Python string literal for `s`.
fn py_str(s: &str) -> String {
    let mut o = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '\x7f' => o.push_str(&format!("\\x{:02x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

/// The corpus-seed template: a committed corpus program (`seed`, its text)
/// run `exec`'d as `__main__` in fresh globals one to three times, with
/// collections between runs and a generated allocation burst around it, so
/// the corpus's coverage meets the torture schedules the campaign draws. Its
/// output is the seed's output repeated, which CPython confirms like any other.
pub fn seed_template(bytes: &[u8], seed: &str) -> String {
    let mut g = Gen::new(bytes, 6, true);
    let runs = g.int_in(1, 3);
    let every = g.int_in(0, 2);
    g.line("import gc");
    g.line(&format!("SEED = {}", py_str(seed)));
    g.line("keep = []");
    g.line(&format!("for run in range({runs}):"));
    g.indent += 1;
    g.line("exec(SEED, {'__name__': '__main__'})");
    g.line("keep.append([str(run)] * 50)");
    if every > 0 {
        g.line(&format!("if run % {every} == 0: gc.collect()"));
    }
    g.indent -= 1;
    // A little generated code after it, on the heap the seed left behind.
    while g.budget > 0 && !g.u.is_empty() {
        g.stmt(1);
    }
    g.line("print(len(keep))");
    g.out
}

/// Whether a corpus program can be a seed: it must not depend on where it
/// runs (files, its own path, the module search path) or read input.
pub fn usable_seed(text: &str) -> bool {
    const AVOID: [&str; 7] = ["sys.path", "open(", "__file__", "input(", "sys.argv", "impdata", "sys.exit"];
    !AVOID.iter().any(|a| text.contains(a)) && text.len() < 64 << 10
}

impl<'a> Gen<'a> {
    fn new(bytes: &'a [u8], budget: usize, nested: bool) -> Gen<'a> {
        Gen {
            u: Unstructured::new(bytes),
            out: String::new(),
            indent: 0,
            blocks: vec![vec![]],
            func_base: 0,
            in_loop: false,
            next: 0,
            budget,
            callables: vec![],
            classes: vec![],
            nested,
            small: false,
            modules: None,
            tag: bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193)),
        }
    }

    /// 0..n (0 when the bytes run out).
    fn pick(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.int_in_range(0..=n - 1).unwrap_or(0)
    }

    fn int_in(&mut self, lo: i64, hi: i64) -> i64 {
        self.u.int_in_range(lo..=hi).unwrap_or(lo)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn bind(&mut self, name: &str, kind: Kind) {
        if let Some(b) = self.blocks.last_mut() {
            b.push(Var { name: name.to_string(), kind, captured: false });
        }
    }

    fn visible(&self, kind: Kind) -> Vec<String> {
        self.blocks.iter().flatten().filter(|v| v.kind == kind).map(|v| v.name.clone()).collect()
    }

    /// A variable of `kind` that may be assigned here (bound in this function).
    fn assignable(&mut self, kind: Kind) -> Option<String> {
        let v: Vec<String> =
            self.blocks[self.func_base..].iter().flatten().filter(|v| v.kind == kind).map(|v| v.name.clone()).collect();
        if v.is_empty() {
            None
        } else {
            let i = self.pick(v.len());
            Some(v[i].clone())
        }
    }

    fn var(&mut self, kind: Kind) -> Option<String> {
        let v = self.visible(kind);
        if v.is_empty() {
            None
        } else {
            let i = self.pick(v.len());
            Some(v[i].clone())
        }
    }

    fn block<F: FnOnce(&mut Self)>(&mut self, f: F) {
        self.indent += 1;
        self.blocks.push(vec![]);
        let before = self.out.len();
        f(self);
        if self.out.len() == before {
            self.line("pass");
        }
        self.blocks.pop();
        self.indent -= 1;
    }

    fn program(&mut self) {
        self.line("import gc");
        while self.budget > 0 {
            self.stmt(0);
            if self.u.is_empty() {
                break;
            }
        }
        // The end state: every module-level value, printed deterministically.
        for v in self.blocks[0].clone() {
            let e = self.show(&v.name, v.kind);
            self.line(&format!("print({})", e));
        }
    }

    /// A deterministic printable form of a value of `kind`.
    fn show(&self, e: &str, kind: Kind) -> String {
        match kind {
            Kind::Int => e.to_string(),
            Kind::Str => format!("{e}[:80], len({e})"),
            Kind::List => format!("len({e}), {e}[:12], sum({e})"),
            Kind::Dict => format!("sorted({e}.items())[:12]"),
            Kind::Obj => format!("repr({e}), len({e})"),
        }
    }

    fn int_expr(&mut self, d: usize) -> String {
        let leaf = d >= 3;
        let choice = if leaf { self.pick(3) } else { self.pick(16) };
        match choice {
            0 => self.int_in(-50, 1000).to_string(),
            1 => self.var(Kind::Int).unwrap_or_else(|| "7".into()),
            2 => {
                let k = self.int_in(20, 60);
                let c = self.int_in(0, 99);
                format!("(10 ** {k} + {c})")
            }
            3 => format!(
                "len({})",
                self.var(Kind::List).or_else(|| self.var(Kind::Str)).unwrap_or_else(|| "'abc'".into())
            ),
            4 | 5 => {
                let op = ["+", "-", "*"][self.pick(3)];
                format!("({} {op} {})", self.int_expr(d + 1), self.int_expr(d + 1))
            }
            6 => format!("({} // {})", self.int_expr(d + 1), self.int_in(1, 97)),
            7 => format!("({} % {})", self.int_expr(d + 1), self.int_in(1, 97)),
            8 => format!("abs({})", self.int_expr(d + 1)),
            9 => format!("max({}, {})", self.int_expr(d + 1), self.int_expr(d + 1)),
            10 => match self.var(Kind::List) {
                Some(l) => format!("sum({l})"),
                None => "sum(range(10))".into(),
            },
            11 => match self.var(Kind::Obj) {
                Some(o) => format!("{o}.val"),
                None => format!("int(str({}))", self.int_expr(d + 1)),
            },
            12 => {
                let fns: Vec<String> = self
                    .callables
                    .iter()
                    .filter_map(|c| if let Callable::IntFn(n) = c { Some(n.clone()) } else { None })
                    .collect();
                if fns.is_empty() {
                    format!("divmod({}, 7)[0]", self.int_expr(d + 1))
                } else {
                    let f = fns[self.pick(fns.len())].clone();
                    format!("{f}({})", self.int_expr(d + 1))
                }
            }
            13 => {
                let gens: Vec<String> = self
                    .callables
                    .iter()
                    .filter_map(|c| if let Callable::Gen(n) = c { Some(n.clone()) } else { None })
                    .collect();
                if gens.is_empty() {
                    format!("sum(x * x for x in range({}))", self.int_in(0, 30))
                } else {
                    let g = gens[self.pick(gens.len())].clone();
                    format!("sum({g}({}))", self.int_in(0, 20))
                }
            }
            14 => format!("eval({})", py_str(&format!("{} * 3 + 1", self.int_in(0, 10_000)))),
            _ => match self.var(Kind::Dict) {
                Some(dv) => format!("{dv}.get({}, {})", py_str(WORDS[self.pick(WORDS.len())]), self.int_in(0, 9)),
                None => format!("ord({})", py_str(&WORDS[self.pick(WORDS.len())][..1])),
            },
        }
    }

    fn str_expr(&mut self, d: usize) -> String {
        let leaf = d >= 3;
        let choice = if leaf { self.pick(2) } else { self.pick(14) };
        match choice {
            0 => py_str(WORDS[self.pick(WORDS.len())]),
            1 => self.var(Kind::Str).unwrap_or_else(|| "'s'".into()),
            2 => format!("({} + {})", self.str_expr(d + 1), self.str_expr(d + 1)),
            3 => format!("str({})", self.int_expr(d + 1)),
            4 => format!("({} * {})", self.str_expr(d + 1), self.int_in(0, 3)),
            5 => format!("{}.upper()", self.str_expr(d + 1)),
            6 => format!("'{{}}:{{}}'.format({}, {})", self.int_expr(d + 1), self.str_expr(d + 1)),
            // Only names and literals inside the f-string: 3.11 forbids reusing its quote.
            7 => {
                let i = self.var(Kind::Int).unwrap_or_else(|| "3".into());
                let t = self.var(Kind::Str).unwrap_or_else(|| "'t'".into());
                format!("f\"<{{{i}}}|{{{t}!r}}|{{{i}:>6}}>\"")
            }
            8 => format!("('%d-%s' % ({}, {}))", self.int_expr(d + 1), self.str_expr(d + 1)),
            9 => match self.var(Kind::List) {
                Some(l) => format!("','.join(str(x) for x in {l}[:20])"),
                None => format!("repr([{}])", self.int_expr(d + 1)),
            },
            10 => {
                let spec = ["{:=013x}", "{:+d}", "{:,}", "{:>12}", "{:08b}", "{:o}"][self.pick(6)];
                format!("'{spec}'.format({})", self.int_expr(d + 1))
            }
            11 => format!("{}.replace('a', 'A')", self.str_expr(d + 1)),
            12 => format!("{}[{}:{}]", self.str_expr(d + 1), self.int_in(0, 3), self.int_in(3, 20)),
            _ => match self.var(Kind::Obj) {
                Some(o) => format!("repr({o})"),
                None => format!("str({} > {})", self.int_expr(d + 1), self.int_expr(d + 1)),
            },
        }
    }

    fn list_expr(&mut self, d: usize) -> String {
        let leaf = d >= 3;
        let choice = if leaf { self.pick(2) } else { self.pick(11) };
        match choice {
            0 => {
                let n = self.pick(6);
                let items: Vec<String> = (0..n).map(|_| self.int_in(-9, 999).to_string()).collect();
                format!("[{}]", items.join(", "))
            }
            1 => self.var(Kind::List).map(|l| format!("list({l})")).unwrap_or_else(|| "[1, 2, 3]".into()),
            2 => format!("list(range({}))", self.int_in(0, 40)),
            3 => format!("[x * {} for x in range({})]", self.int_in(1, 9), self.int_in(0, 30)),
            4 => format!("({} + {})", self.list_expr(d + 1), self.list_expr(d + 1)),
            5 => format!("sorted({})", self.list_expr(d + 1)),
            6 => format!("{}[{}:{}]", self.list_expr(d + 1), self.int_in(0, 3), self.int_in(3, 30)),
            7 => format!("[x for x in {} if x % 2]", self.list_expr(d + 1)),
            8 => format!("list(map(lambda x: x + {}, {}))", self.int_in(0, 9), self.list_expr(d + 1)),
            9 => {
                let recs: Vec<String> = self
                    .callables
                    .iter()
                    .filter_map(|c| if let Callable::Rec(n) = c { Some(n.clone()) } else { None })
                    .collect();
                if recs.is_empty() {
                    format!("list(reversed({}))", self.list_expr(d + 1))
                } else {
                    let r = recs[self.pick(recs.len())].clone();
                    format!("{r}({})", self.int_in(0, 25))
                }
            }
            _ => format!("[len(w) for w in {}.split()]", py_str("the quick heap block was swept")),
        }
    }

    fn dict_expr(&mut self, d: usize) -> String {
        match self.pick(4) {
            0 => "{}".into(),
            1 => format!(
                "{{{}: {}, {}: {}}}",
                py_str(WORDS[self.pick(8)]),
                self.int_expr(d + 1),
                py_str(WORDS[self.pick(8)]),
                self.int_expr(d + 1)
            ),
            2 => format!("{{str(x): x * x for x in range({})}}", self.int_in(0, 30)),
            _ => format!("dict(zip(['a', 'b', 'c'], {}))", self.list_expr(d + 1)),
        }
    }

    fn expr(&mut self, kind: Kind) -> String {
        match kind {
            Kind::Int => self.int_expr(0),
            Kind::Str => self.str_expr(0),
            Kind::List => self.list_expr(0),
            Kind::Dict => self.dict_expr(0),
            Kind::Obj => match self.classes.len() {
                0 => "None".into(),
                n => {
                    let k = self.pick(n);
                    let c = self.classes[k].clone();
                    format!("{c}({})", self.int_expr(1))
                }
            },
        }
    }

    fn stmt(&mut self, depth: usize) {
        self.budget = self.budget.saturating_sub(1);
        let top = self.indent == 0;
        let nested_ok = depth < 2 && self.budget > 2;
        match self.pick(24) {
            0..=4 => {
                let mut kind = KINDS[self.pick(KINDS.len())];
                if kind == Kind::Obj && self.classes.is_empty() {
                    kind = Kind::List;
                }
                let e = self.expr(kind);
                let name = self.fresh(match kind {
                    Kind::Int => "i",
                    Kind::Str => "s",
                    Kind::List => "l",
                    Kind::Dict => "d",
                    Kind::Obj => "o",
                });
                self.line(&format!("{name} = {e}"));
                self.bind(&name, kind);
            }
            5 | 6 => self.mutate(),
            7 => {
                let kind = KINDS[self.pick(KINDS.len())];
                if let Some(v) = self.var(kind) {
                    let e = self.show(&v, kind);
                    self.line(&format!("print({e})"));
                }
            }
            8 if nested_ok => {
                let i = self.fresh("k");
                let n = self.int_in(1, 8);
                self.line(&format!("for {i} in range({n}):"));
                let was = self.in_loop;
                self.in_loop = true;
                self.block(|g| {
                    g.bind(&i, Kind::Int);
                    for _ in 0..1 + g.pick(3) {
                        g.stmt(depth + 1);
                    }
                });
                self.in_loop = was;
            }
            9 if nested_ok => {
                let c = self.int_expr(1);
                let e = self.int_expr(1);
                self.line(&format!("if {c} > {e}:"));
                self.block(|g| g.stmt(depth + 1));
                self.line("else:");
                self.block(|g| g.stmt(depth + 1));
            }
            10 if nested_ok => self.try_stmt(depth),
            11 if top && !self.nested => self.def_int_fn(),
            12 if top && !self.nested => self.def_closure(),
            13 if top => self.def_generator(),
            14 if top && !self.nested => self.def_class(),
            15 if top => self.def_recursive(),
            16 if top && self.func_base == 0 => {
                // exec of generated text into the module's globals
                let name = self.fresh("x");
                let v = self.int_in(0, 100_000);
                let code = format!("{name} = [{v}] * 3\n{name} = sum({name}) + len(str({name}))");
                self.line(&format!("exec({}, globals())", py_str(&code)));
                self.bind(&name, Kind::Int);
            }
            17 if !self.nested && self.budget > 4 => {
                // a whole generated program, compiled and run in its own namespace
                let len = self.pick(200) + 16;
                let bytes: Vec<u8> = (0..len).map(|_| self.int_in(0, 255) as u8).collect();
                let mut sub = Gen::new(&bytes, 6, true);
                sub.program();
                let mode = self.pick(2);
                if mode == 0 {
                    self.line(&format!("exec({}, {{}})", py_str(&sub.out)));
                } else {
                    // `compile` where the interpreter has it, the text itself
                    // where not: the same output either way.
                    let c = self.fresh("code");
                    self.line("try:");
                    self.line(&format!("    {c} = compile({}, '<generated>', 'exec')", py_str(&sub.out)));
                    self.line("except NameError:");
                    self.line(&format!("    {c} = {}", py_str(&sub.out)));
                    self.line(&format!("exec({c}, {{}})"));
                }
            }
            18 if top
                && self.func_base == 0
                && self.modules.as_ref().is_some_and(|m| m.len() < 3)
                && self.budget > 4 =>
            {
                self.import_module()
            }
            18 => self.line("gc.collect()"),
            19 => self.line("if hasattr(gc, 'verify'): gc.verify()"),
            20 => {
                // del of a name bound in this very block and captured by nothing
                let cands: Vec<String> = self
                    .blocks
                    .last()
                    .map(|b| b.iter().filter(|v| !v.captured).map(|v| v.name.clone()).collect())
                    .unwrap_or_default();
                if !cands.is_empty() {
                    let v = cands[self.pick(cands.len())].clone();
                    self.line(&format!("del {v}"));
                    if let Some(b) = self.blocks.last_mut() {
                        b.retain(|x| x.name != v);
                    }
                }
            }
            21 if nested_ok => {
                let w = self.fresh("w");
                let n = self.int_in(1, 6);
                // The counter is not bound in the pools: nothing else may change it.
                self.line(&format!("{w} = 0"));
                self.line(&format!("while {w} < {n}:"));
                let was = self.in_loop;
                self.in_loop = true;
                self.block(|g| {
                    g.line(&format!("{w} += 1"));
                    g.stmt(depth + 1);
                });
                self.in_loop = was;
            }
            _ => {
                let e = self.str_expr(0);
                self.line(&format!("print({e}[:100])"));
            }
        }
    }

    /// Writes a module (a small generated body, then `entry(n)`) and imports it.
    fn import_module(&mut self) {
        let n = self.modules.as_ref().map(|m| m.len()).unwrap_or(0);
        let stem = format!("m{:08x}_{n}", self.tag);
        let len = self.pick(160) + 16;
        let bytes: Vec<u8> = (0..len).map(|_| self.int_in(0, 255) as u8).collect();
        let mut sub = Gen::new(&bytes, 5, true);
        sub.program();
        let k = self.int_in(1, 99);
        sub.line("def entry(n):");
        sub.line("    acc = [str(n)] * (n % 7)");
        sub.line(&format!("    return n * {k} + len(acc)"));
        if let Some(m) = self.modules.as_mut() {
            m.push((stem.clone(), sub.out));
        }
        let i = self.fresh("i");
        let a = self.int_expr(1);
        if self.pick(2) == 0 {
            self.line(&format!("import {stem}"));
            self.line(&format!("{i} = {stem}.entry({a})"));
            self.callables.push(Callable::IntFn(format!("{stem}.entry")));
        } else {
            let e = self.fresh("entry");
            self.line(&format!("from {stem} import entry as {e}"));
            self.line(&format!("{i} = {e}({a})"));
            self.callables.push(Callable::IntFn(e));
        }
        self.bind(&i, Kind::Int);
    }

    /// Changes a value in place (growth paths of the containers).
    fn mutate(&mut self) {
        match self.pick(4) {
            0 => {
                if let Some(v) = self.assignable(Kind::Int) {
                    let e = self.int_expr(1);
                    let op = ["+=", "-=", "*="][self.pick(3)];
                    // Keep repeated multiplication from growing without bound.
                    self.line(&format!("{v} {op} {e}"));
                    self.line(&format!("{v} %= 10 ** 200"));
                }
            }
            1 => {
                if let Some(v) = self.assignable(Kind::Str) {
                    let e = self.str_expr(1);
                    self.line(&format!("{v} = ({v} + {e})[-500:]"));
                }
            }
            2 => {
                if let Some(v) = self.var(Kind::List) {
                    let s = match self.pick(7) {
                        0 => format!("{v}.append({})", self.int_expr(1)),
                        1 => format!("{v}.extend({})", self.list_expr(1)),
                        2 => format!("if {v}: {v}.pop()"),
                        3 => format!("{v}.insert(0, {})", self.int_expr(1)),
                        4 => format!("{v}.sort()"),
                        5 => format!("if len({v}) > 1: del {v}[1]"),
                        _ => format!("{v}.reverse()"),
                    };
                    self.line(&s);
                    self.line(&format!("del {v}[400:]"));
                }
            }
            _ => {
                if let Some(v) = self.var(Kind::Dict) {
                    let k = py_str(WORDS[self.pick(WORDS.len())]);
                    let s = match self.pick(3) {
                        0 => format!("{v}[{k}] = {}", self.int_expr(1)),
                        1 => format!("{v}.pop({k}, None)"),
                        _ => format!("if {k} in {v}: del {v}[{k}]"),
                    };
                    self.line(&s);
                }
            }
        }
    }

    fn try_stmt(&mut self, depth: usize) {
        let e = self.fresh("e");
        let (exc, raise) = match self.pick(3) {
            0 => ("ValueError", format!("raise ValueError({})", self.str_expr(1))),
            1 => ("KeyError", format!("{{}}[{}]", py_str("missing"))),
            _ => ("ZeroDivisionError", format!("{} // 0", self.int_expr(1))),
        };
        // Half the time the exception is raised two frames down and caught here.
        let across = self.pick(2) == 1;
        let call = if across {
            let f = self.fresh("raiser");
            let g = self.fresh("caller");
            self.line(&format!("def {f}():"));
            self.block(|gg| gg.line(&raise));
            self.line(&format!("def {g}():"));
            self.block(|gg| gg.line(&format!("return [{f}()]")));
            format!("{g}()")
        } else {
            raise
        };
        self.line("try:");
        self.block(|g| {
            g.stmt(depth + 1);
            g.line(&call);
        });
        self.line(&format!("except {exc} as {e}:"));
        self.block(|g| g.line(&format!("print('caught', type({e}).__name__)")));
        self.line("finally:");
        self.block(|g| g.line("gc.collect()"));
    }

    /// Marks every visible variable as read by a function from now on.
    fn capture_all(&mut self) {
        for v in self.blocks.iter_mut().flatten() {
            v.captured = true;
        }
    }

    fn function_body<F: FnOnce(&mut Self)>(&mut self, params: &[(&str, Kind)], f: F) {
        self.capture_all();
        let base = self.func_base;
        let was = self.in_loop;
        self.in_loop = false;
        self.indent += 1;
        // Parameters are never deleted: the return expression may read them.
        self.blocks.push(params.iter().map(|(n, k)| Var { name: n.to_string(), kind: *k, captured: true }).collect());
        self.func_base = self.blocks.len() - 1;
        f(self);
        self.blocks.pop();
        self.func_base = base;
        self.indent -= 1;
        self.in_loop = was;
    }

    fn def_int_fn(&mut self) {
        let f = self.fresh("f");
        self.line(&format!("def {f}(a):"));
        self.function_body(&[("a", Kind::Int)], |g| {
            for _ in 0..g.pick(3) {
                g.stmt(2);
            }
            let e = g.int_expr(1);
            g.line(&format!("return (a + {e}) % 1000003"));
        });
        self.callables.push(Callable::IntFn(f));
    }

    fn def_closure(&mut self) {
        let mk = self.fresh("make");
        let c = self.fresh("c");
        self.line(&format!("def {mk}(a):"));
        self.function_body(&[("a", Kind::Int)], |g| {
            g.line("cells = [a, a * 2]");
            g.line("def inner(b):");
            g.indent += 1;
            g.line("cells.append(b)");
            g.line("del cells[:-8]");
            g.line("return (a * b + sum(cells)) % 1000003");
            g.indent -= 1;
            g.line("return inner");
        });
        let a = self.int_expr(1);
        // The closure is called, never printed or deleted: it stays out of the typed pools.
        self.line(&format!("{c} = {mk}({a})"));
        self.callables.push(Callable::IntFn(c));
    }

    fn def_generator(&mut self) {
        let g = self.fresh("gen");
        let k = self.int_in(1, 9);
        self.line(&format!("def {g}(n):"));
        self.function_body(&[("n", Kind::Int)], |gg| {
            gg.line("acc = []");
            gg.line("for j in range(n):");
            gg.indent += 1;
            gg.line(&format!("acc.append(str(j) * {k})"));
            gg.line(&format!("yield j * {k} + len(acc[-1])"));
            gg.indent -= 1;
        });
        self.callables.push(Callable::Gen(g));
    }

    fn def_recursive(&mut self) {
        let r = self.fresh("rec");
        self.line(&format!("def {r}(n):"));
        self.function_body(&[("n", Kind::Int)], |g| {
            g.line("if n <= 0:");
            g.line("    return [0]");
            g.line(&format!("return {r}(n - 1) + [n * n]"));
        });
        self.callables.push(Callable::Rec(r));
    }

    fn def_class(&mut self) {
        let c = self.fresh("C");
        self.line(&format!("class {c}:"));
        self.indent += 1;
        for l in [
            "def __init__(self, v):".to_string(),
            "    self.val = v % 100003".to_string(),
            "    self.items = [str(v)] * (v % 5)".to_string(),
            "def __repr__(self):".to_string(),
            format!("    return '{c}(%d, %d)' % (self.val, len(self.items))"),
            "def __add__(self, other):".to_string(),
            format!("    return {c}(self.val + other.val)"),
            "def __eq__(self, other):".to_string(),
            "    return self.val == other.val".to_string(),
            "def __len__(self):".to_string(),
            "    return len(self.items)".to_string(),
        ] {
            self.line(&l);
        }
        self.indent -= 1;
        self.capture_all();
        self.classes.push(c.clone());
        let o = self.fresh("o");
        let a = self.int_expr(1);
        let b = self.int_expr(1);
        self.line(&format!("{o} = {c}({a}) + {c}({b})"));
        self.bind(&o, Kind::Obj);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn bytes(seed: u64, n: usize) -> Vec<u8> {
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

    #[test]
    fn same_bytes_same_program() {
        for s in 0..20 {
            let b = bytes(s, 2000);
            assert_eq!(generate(&b), generate(&b));
        }
        assert_ne!(generate(&bytes(1, 2000)), generate(&bytes(2, 2000)));
    }

    #[test]
    fn empty_input_is_a_program() {
        let p = generate(&[]);
        assert!(p.starts_with("import gc\n"));
    }

    #[test]
    fn one_in_eight_is_the_exec_loop_template() {
        let t = generate(&[8, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert!(t.contains("exec('f(float({:d})"), "{t}");
        let n = (0..400).filter(|s| generate(&bytes(*s, 64)).contains("def fhex")).count();
        assert!((20..=90).contains(&n), "{n}");
    }

    #[test]
    fn string_literals() {
        assert_eq!(py_str("a'b\\c\nd"), "'a\\'b\\\\c\\nd'");
    }
}
