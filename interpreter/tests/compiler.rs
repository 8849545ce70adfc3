//! Compiler unit tests: code object fields, scopes (locals, cells, free
//! variables, globals, class bodies, comprehensions), constants, modes.

mod common;

use upy::emit::bytecode::{decode, Op};
use upy::obj::{self, flags, Code};
use upy::qstr::Qstr;
use upy::{Mode, Value};

/// Compiles `src` and calls `f` with the module code and the qstr pool.
fn with_code<R>(src: &str, mode: Mode, f: impl FnOnce(Code, &upy::qstr::QstrPool) -> R) -> R {
    let mut vm = common::vm(4 << 20);
    vm.enter(|cx| {
        let v = upy::compile(cx, src.as_bytes(), Qstr(0), mode).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        f(Code::from_value(v).unwrap(), &cx.state.qstr)
    })
}

fn child(c: Code, k: usize) -> Code {
    c.consts().iter().filter_map(|&v| Code::from_value(v)).nth(k).expect("nested code")
}

fn names(c: Code, qs: &upy::qstr::QstrPool) -> Vec<String> {
    c.varnames().iter().map(|v| qs.str(v.as_qstr().unwrap()).to_string()).collect()
}

fn ops(c: Code) -> Vec<Op> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < c.code().len() {
        let ins = decode(c.code(), i).unwrap();
        v.push(ins.op);
        i = ins.next;
    }
    v
}

#[test]
fn parameters_and_slots() {
    with_code("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n  x = a\n  return x\n", Mode::Exec, |m, qs| {
        let f = child(m, 0);
        let h = f.header();
        assert_eq!((h.argcount, h.posonly, h.kwonly), (3, 2, 2));
        assert_eq!(h.flags & (flags::VARARGS | flags::VARKEYWORDS), flags::VARARGS | flags::VARKEYWORDS);
        assert_eq!(names(f, qs), ["a", "b", "c", "d", "e", "args", "kw", "x"]);
        assert_eq!(qs.str(Qstr(h.name)), "f");
        assert_eq!(h.first_line, 1);
        assert_eq!(ops(f), [Op::LOAD_FAST, Op::STORE_FAST, Op::LOAD_FAST, Op::RETURN_VALUE]);
    });
}

#[test]
fn closures_cells_and_free_variables() {
    let src = "def outer(p):\n  q = 1\n  def mid():\n    def inner():\n      return p + q + g\n    return inner\n  return mid\n";
    with_code(src, Mode::Exec, |m, qs| {
        let outer = child(m, 0);
        assert_eq!(names(outer, qs), ["p", "q", "mid"]);
        assert_eq!(outer.cells(), [0, 1], "p and q are cells");
        let mid = child(outer, 0);
        assert_eq!(mid.header().n_free, 2, "mid passes p and q through");
        assert_eq!(qs.str(Qstr(mid.header().qualname)), "outer.<locals>.mid");
        let inner = child(mid, 0);
        assert_eq!(inner.header().n_free, 2);
        assert_eq!(qs.str(Qstr(inner.header().qualname)), "outer.<locals>.mid.<locals>.inner");
        let o = ops(inner);
        assert_eq!(o.iter().filter(|&&x| x == Op::LOAD_DEREF).count(), 2);
        assert!(o.contains(&Op::LOAD_GLOBAL), "g is global");
        assert!(ops(mid).contains(&Op::LOAD_CLOSURE));
    });
}

#[test]
fn global_nonlocal_and_class_bodies() {
    // As CPython: a name assigned in the class body (`v = v`) is a class
    // namespace name; one only read there (`w = y`) reaches f's cell.
    let src = "x = 0\ndef f():\n  global x\n  x = 1\n  y = 2\n  v = 3\n  class C:\n    v = v\n    w = y\n    z = x\n    def m(self): return __class__\n  return C\n";
    with_code(src, Mode::Exec, |m, qs| {
        let f = child(m, 0);
        let o = ops(f);
        assert!(o.contains(&Op::STORE_GLOBAL));
        assert_eq!(f.cells().len(), 1, "y is a cell read by the class body");
        let c = child(f, 0);
        assert!(c.header().flags & flags::CLASS_BODY != 0);
        let co = ops(c);
        assert!(co.contains(&Op::LOAD_CLASSDEREF), "y in the class body: class namespace, then the cell");
        assert!(!co.contains(&Op::LOAD_GLOBAL), "as CPython: x (global in f) is LOAD_NAME in the class body");
        assert!(co.contains(&Op::STORE_NAME));
        assert_eq!(names(c, qs), ["__class__", "y"]);
        assert_eq!(ops(f).iter().filter(|&&o| o == Op::STORE_DEREF).count(), 1, "only y is a cell of f");
        assert_eq!(c.cells(), [0]);
        let meth = child(c, 0);
        assert_eq!(meth.header().n_free, 1);
        assert_eq!(qs.str(Qstr(meth.header().qualname)), "f.<locals>.C.m");
    });
}

#[test]
fn comprehensions_are_functions_and_walrus_binds_outside() {
    with_code("def f(xs):\n  r = [last := x for x in xs if x]\n  return last\n", Mode::Exec, |m, qs| {
        let f = child(m, 0);
        assert!(names(f, qs).contains(&"last".to_string()));
        assert!(f.cells().len() == 1, "last is a cell of f");
        let comp = child(f, 0);
        assert_eq!(qs.str(Qstr(comp.header().name)), "<listcomp>");
        assert_eq!(comp.header().argcount, 1);
        assert_eq!(names(comp, qs)[0], ".0");
        assert!(ops(comp).contains(&Op::STORE_DEREF));
    });
    with_code("g = (i * i for i in range(3))\n", Mode::Exec, |m, _| {
        let g = child(m, 0);
        assert!(g.header().flags & flags::GENERATOR != 0);
        assert!(ops(g).contains(&Op::YIELD_VALUE));
        let mo = ops(m);
        assert!(mo.windows(2).any(|w| w == [Op::GET_ITER, Op::CALL_FUNCTION]));
    });
}

#[test]
fn generator_and_coroutine_flags() {
    with_code(
        "def g(): yield 1\nasync def c(): await x\nasync def ag():\n  yield 1\ndef n(): return 1\n",
        Mode::Exec,
        |m, _| {
            assert!(child(m, 0).header().flags & flags::GENERATOR != 0);
            assert!(child(m, 1).header().flags & flags::COROUTINE != 0);
            assert!(child(m, 2).header().flags & flags::ASYNC_GENERATOR != 0);
            assert_eq!(child(m, 3).header().flags & (flags::GENERATOR | flags::COROUTINE), 0);
        },
    );
}

#[test]
fn constants_layout() {
    with_code("a = 7\nb = 1 << 70\nc = 12345678901234567890\nd = 2.5\ne = 3j\nf = 'q'\ng = 'x' * 1\nh = b'by'\ni = 'long ' * 1 + 'a string longer than forty characters, not interned'\nj = ...\nk = 1099511627776\n", Mode::Exec, |m, qs| {
        let cs = m.consts();
        let ints: Vec<_> = cs.iter().filter_map(|&v| obj::int_of(v)).collect();
        // 1 << 70 is an expression; 2**40 is a small int on x64 only.
        let mut want = vec![(false, &[0xeb1f0ad2u32, 0xab54a98c][..])];
        if cfg!(target_pointer_width = "32") {
            want.push((false, &[0, 256][..]));
        }
        assert_eq!(ints, want);
        assert!(cs.iter().any(|&v| obj::float_of(v) == Some((false, 2.5))));
        assert!(cs.iter().any(|&v| obj::float_of(v) == Some((true, 3.0))));
        assert!(cs.iter().any(|&v| v.as_qstr().map(|q| qs.str(q)) == Some("q")));
        assert!(cs.iter().any(|&v| obj::bytes_of(v) == Some(&b"by"[..]) && obj::type_of(v).unwrap().name == "const-bytes"));
        assert!(cs.iter().any(|&v| obj::type_of(v).map(|t| t.name) == Some("const-str")));
        assert!(cs.contains(&Value::ELLIPSIS));
        // Small ints are inline operands, not constants.
        assert!(!cs.iter().any(|v| v.as_small_int() == Some(7)));
        assert!(cs.iter().any(|v| v.as_small_int().map(|i| i as i64) == Some(1i64 << 40)) || cfg!(target_pointer_width = "32"));
    });
}

#[test]
fn modes() {
    with_code("1 + 2 * x", Mode::Eval, |m, _| {
        assert_eq!(*ops(m).last().unwrap(), Op::RETURN_VALUE);
        assert!(!ops(m).contains(&Op::LOAD_NONE), "eval returns the expression's value");
    });
    with_code("x\n", Mode::Single, |m, _| {
        assert!(ops(m).contains(&Op::PRINT_EXPR));
    });
    let mut vm = common::vm(1 << 20);
    let e = common::compile_text(&mut vm, b"x = 1\ny = 2\n", Mode::Single).unwrap_err();
    assert!(e.contains("multiple statements found while compiling a single statement"), "{e}");
    let e = common::compile_text(&mut vm, b"x = 1", Mode::Eval).unwrap_err();
    assert!(e.starts_with("SyntaxError: invalid syntax"), "{e}");
}

#[test]
fn line_table_and_handlers() {
    let src = "def f():\n  a = 1\n\n  try:\n    b = 2\n  except E:\n    c = 3\n  return a\n";
    with_code(src, Mode::Exec, |m, _| {
        let f = child(m, 0);
        let lines: Vec<u32> = {
            let mut v = Vec::new();
            let mut i = 0;
            while i < f.code().len() {
                v.push(f.line_of(i as u32));
                i = decode(f.code(), i).unwrap().next;
            }
            v
        };
        assert_eq!(lines[0], 2);
        assert!(lines.contains(&5) && lines.contains(&6) && lines.contains(&7) && lines.contains(&8));
        assert!(lines.windows(2).all(|w| w[0] <= w[1] || w[1] == 8 || w[0] == 8), "{lines:?}");
        let h = f.handlers();
        assert!(!h.is_empty());
        assert_eq!(h[0].depth, 0);
        assert!(h.iter().all(|e| e.start < e.end && e.end as usize <= f.code().len()));
    });
}

#[test]
fn code_objects_are_typed_heap_objects() {
    let mut vm = common::vm(4 << 20);
    vm.enter(|cx| {
        let v = upy::compile(cx, b"def f(): pass\n", Qstr(0), Mode::Exec).unwrap();
        let p = v.as_ptr::<u8>().unwrap();
        let (lo, hi) = cx.heap.pool_range();
        assert!((p as usize) >= lo && (p as usize) < hi, "code object lives in the GC heap");
        assert!(cx.heap.size_of(p) >= core::mem::size_of::<upy::obj::CodeObj>(), "at a block start");
        assert_eq!(obj::type_of(v).unwrap().name, "code");
        let c = Code::from_value(v).unwrap();
        assert!(!c.code().is_empty() && !c.consts().is_empty());
        for arr in [c.code().as_ptr(), c.consts().as_ptr() as *const u8] {
            assert!(cx.heap.size_of(arr) > 0, "arrays are whole GC blocks referenced by their head");
        }
    });
}

/// Blocks owned by a code object tree: the object, its non-empty arrays, the
/// constant objects and nested code objects.
fn owned_blocks(v: Value) -> u64 {
    let c = Code::from_value(v).unwrap();
    let mut n = 1;
    n += [
        !c.code().is_empty(),
        !c.consts().is_empty(),
        !c.varnames().is_empty(),
        !c.cells().is_empty(),
        !c.lines().is_empty(),
        !c.handlers().is_empty(),
    ]
    .iter()
    .filter(|&&b| b)
    .count() as u64;
    for &k in c.consts() {
        if Code::from_value(k).is_some() {
            n += owned_blocks(k);
        } else if k.is_ptr() {
            n += 1;
        }
    }
    n
}

#[test]
fn temporaries_are_freed_explicitly() {
    // After a compile, the only new live allocations are the blocks of the
    // resulting code object tree: the lexer's, parser's and compiler's
    // buffers were all freed (through the HEAD-asserting free), not left to
    // the collector. (The second compile of the same text interns nothing new.)
    let src = include_str!("snapshots/control.py").to_string()
        + include_str!("snapshots/classes.py")
        + include_str!("snapshots/strings.py");
    let mut vm = common::vm(8 << 20);
    vm.enter(|cx| {
        let live = |cx: &upy::Ctx<'_>| cx.heap.counters().iter().find(|c| c.0 == "live_allocs").unwrap().1;
        let first = upy::compile(cx, src.as_bytes(), Qstr(0), Mode::Exec).unwrap();
        let before = live(cx);
        let second = upy::compile(cx, src.as_bytes(), Qstr(0), Mode::Exec).unwrap();
        let after = live(cx);
        assert_eq!(after - before, owned_blocks(second), "blocks left behind by the compiler");
        std::hint::black_box((first, second));
    });
}
