//! The `upy` command, run as a process: every way of giving it a program
//! (file, `-c`, `-m`, stdin, `-`), the REPL with piped input (`-i`),
//! `input()`, the options and their bad forms, and the exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn upy() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_upy"));
    c.env_remove("UPY_GC_TORTURE").env_remove("UPY_GC_VERIFY").env_remove("UPY_HEAPSIZE");
    c
}

/// Runs `upy args` with `stdin` piped in.
fn run(args: &[&str], stdin: &str) -> Output {
    run_in(upy(), args, stdin)
}

fn run_in(mut c: Command, args: &[&str], stdin: &str) -> Output {
    let mut child =
        c.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn upy");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh scratch directory for this test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("upy-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn help_lists_every_option() {
    let o = run(&["--help"], "");
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    for opt in [
        "-c cmd",
        "-m mod",
        "-i",
        "--version",
        "heapsize=",
        "emit=bytecode",
        "gc-torture",
        "gc-verify",
        "heapdump-dir=",
        "--dis",
        "UPY_HEAPSIZE",
    ] {
        assert!(t.contains(opt), "--help lacks {opt}:\n{t}");
    }
    assert_eq!(out(&run(&["-h"], "")), t);
    let v = run(&["--version"], "");
    assert_eq!(v.status.code(), Some(0));
    assert!(out(&v).starts_with("upy "));
}

#[test]
fn bad_usage_is_one_line_and_exit_2() {
    for args in [
        &["-q"][..],
        &["--bogus"],
        &["-c"],
        &["-m"],
        &["-X", "nope"],
        &["-X", "heapsize=lots"],
        &["-X", "heapsize=1Q"],
        &["-X", "gc-torture=abc"],
        &["-X"],
        &["--dis"],
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = err(&o);
        assert_eq!(e.lines().count(), 1, "{args:?}: {e}");
        assert!(e.starts_with("upy: "), "{args:?}: {e}");
        assert!(o.stdout.is_empty());
    }
    let o = run(&["no/such/file.py"], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o), "upy: can't open file 'no/such/file.py': [Errno 2] No such file or directory\n");
}

#[test]
fn accepted_x_options() {
    let o = run(&["-X", "emit=bytecode", "-X", "heapsize=2M", "-c", "print('ok')"], "");
    assert_eq!((o.status.code(), out(&o).as_str()), (Some(0), "ok\n"), "{}", err(&o));
    // Torture knobs need a gc-torture build; elsewhere they are bad usage.
    let o = run(&["-X", "gc-torture=3", "-X", "gc-verify", "-c", "print([str(i) for i in range(50)][-1])"], "");
    if cfg!(feature = "gc-torture") {
        assert_eq!((o.status.code(), out(&o).as_str()), (Some(0), "49\n"), "{}", err(&o));
    } else {
        assert_eq!(o.status.code(), Some(2));
        assert!(err(&o).contains("gc-torture"), "{}", err(&o));
    }
    let d = scratch("dumps");
    let x = format!("heapdump-dir={}", d.display());
    let o = run(&["-X", &x, "-Xheapsize=512k", "-c", "print(sum(range(10)))"], "");
    assert_eq!(out(&o), "45\n", "{}", err(&o));
    // A heap too small for the program: MemoryError, not a crash.
    let o = run(&["-X", "heapsize=256k", "-c", "x = [0] * 10000000"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("MemoryError"), "{}", err(&o));
}

#[test]
fn command_argv_and_path() {
    let o = run(&["-c", "import sys; print(sys.argv); print(sys.path[0] == '')", "a", "-b"], "");
    assert_eq!(out(&o), "['-c', 'a', '-b']\nTrue\n");
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["-cprint(6*7)"], "");
    assert_eq!(out(&o), "42\n");
}

#[test]
fn file_and_module() {
    let d = scratch("mod");
    std::fs::write(d.join("prog.py"), "import sys\nimport helper\nprint(sys.argv[1:], helper.X, __name__)\n").unwrap();
    std::fs::write(d.join("helper.py"), "X = 7\nif __name__ == '__main__':\n    print('helper as main')\n").unwrap();
    let mut c = upy();
    c.current_dir(&d);
    let o = run_in(c, &["prog.py", "x", "y"], "");
    assert_eq!(out(&o), "['x', 'y'] 7 __main__\n", "{}", err(&o));
    // From another directory: sys.path[0] is the script's directory.
    let p = d.join("prog.py");
    let o = run(&[p.to_str().unwrap()], "");
    assert_eq!(out(&o), "[] 7 __main__\n", "{}", err(&o));
    let mut c = upy();
    c.current_dir(&d);
    let o = run_in(c, &["-m", "helper", "arg"], "");
    assert_eq!(out(&o), "helper as main\n", "{}", err(&o));
    // A package's __main__.py, with the current directory on sys.path.
    std::fs::create_dir_all(d.join("pkg")).unwrap();
    std::fs::write(d.join("pkg/__init__.py"), "NAME = 'pkg'\n").unwrap();
    std::fs::write(d.join("pkg/__main__.py"), "import sys, pkg\nprint(pkg.NAME, sys.path[0] == '', sys.argv[1:])\n")
        .unwrap();
    let mut c = upy();
    c.current_dir(&d);
    let o = run_in(c, &["-m", "pkg", "z"], "");
    assert_eq!(out(&o), "pkg True ['z']\n", "{}", err(&o));
    let mut c = upy();
    c.current_dir(&d);
    let o = run_in(c, &["-m", "missing_mod"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("No module named missing_mod"));
}

#[test]
fn program_from_stdin() {
    let o = run(&[], "import sys\nprint(1 + 1, sys.argv)\n");
    assert_eq!(out(&o), "2 ['']\n", "{}", err(&o));
    let o = run(&["-", "p", "q"], "import sys\nprint(sys.argv)\n");
    assert_eq!(out(&o), "['-', 'p', 'q']\n");
    // The program consumed stdin: input() meets end of file.
    let o = run(&[], "try:\n    input()\nexcept EOFError as e:\n    print('EOFError', e)\n");
    assert_eq!(out(&o), "EOFError EOF when reading a line\n");
}

#[test]
fn exit_codes() {
    let cases: &[(&str, i32, &str, &str)] = &[
        ("pass", 0, "", ""),
        ("import sys; sys.exit()", 0, "", ""),
        ("import sys; sys.exit(None)", 0, "", ""),
        ("import sys; sys.exit(5)", 5, "", ""),
        ("import sys; sys.exit(0)", 0, "", ""),
        ("import sys; sys.exit(True)", 1, "", ""),
        ("import sys; sys.exit('bye now')", 1, "", "bye now\n"),
        ("raise SystemExit(3)", 3, "", ""),
        ("print('before'); raise SystemExit", 0, "before\n", ""),
        ("try:\n    raise SystemExit(4)\nfinally:\n    print('cleanup')", 4, "cleanup\n", ""),
    ];
    for (src, code, stdout, stderr) in cases {
        let o = run(&["-c", src], "");
        assert_eq!(o.status.code(), Some(*code), "{src}");
        assert_eq!(out(&o), *stdout, "{src}");
        assert_eq!(err(&o), *stderr, "{src}");
    }
    let o = run(&["-c", "print('x')\nraise ValueError('boom')"], "");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out(&o), "x\n");
    assert_eq!(
        err(&o),
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n    raise ValueError('boom')\nValueError: boom\n"
    );
    let o = run(&["-c", "raise KeyboardInterrupt"], "");
    assert_eq!(o.status.code(), Some(130));
    assert!(err(&o).ends_with("KeyboardInterrupt\n"));
    let o = run(&["-c", "1 +"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("SyntaxError: "), "{}", err(&o));
}

#[test]
fn repl_on_a_pipe() {
    let input = "x = 6\nx * 7\nNone\n'text'\nif x:\n    print('block')\n\nfor i in range(2):\n    i\n\ndef f(n):\n    return n + 1\n\nf(x)\n1/0\nx\n(1,\n 2)\n";
    let o = run(&["-i"], input);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        out(&o),
        ">>> >>> 42\n>>> >>> 'text'\n>>> ... ... block\n>>> ... ... 0\n1\n>>> ... ... >>> 7\n>>> >>> 6\n>>> ... (1, 2)\n>>> "
    );
    assert!(err(&o).contains("ZeroDivisionError: division by zero"), "{}", err(&o));
    // A syntax error is reported and the REPL goes on.
    let o = run(&["-i"], "1 +\n2\n");
    assert_eq!(out(&o), ">>> >>> 2\n>>> ");
    assert!(err(&o).contains("SyntaxError"));
}

#[test]
fn repl_after_a_program() {
    let o =
        run(&["-i", "-c", "y = 'from program'\nprint('ran')"], "y\nimport sys\nsys.exit(9)\nprint('not reached')\n");
    assert_eq!(o.status.code(), Some(9));
    assert_eq!(out(&o), "ran\n>>> 'from program'\n>>> >>> ");
    // An uncaught exception in the program still leads to the REPL.
    let o = run(&["-i", "-c", "z = 1\nraise KeyError('k')"], "z + 1\n");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), ">>> 2\n>>> ");
    assert!(err(&o).contains("KeyError: 'k'"));
}

#[test]
fn input_reads_stdin() {
    let src = "a = input('first? ')\nb = input()\nprint(repr(a), repr(b))\ntry:\n    input('more? ')\nexcept EOFError as e:\n    print('EOFError:', e)\n";
    let d = scratch("input");
    std::fs::write(d.join("inp.py"), src).unwrap();
    let p = d.join("inp.py");
    let o = run(&[p.to_str().unwrap()], "hello world\n  second  \n");
    assert_eq!(out(&o), "first? 'hello world' '  second  '\nmore? EOFError: EOF when reading a line\n", "{}", err(&o));
    // A last line without a newline; sys.stdin.readline and iteration share the buffer.
    let o = run(
        &["-c", "import sys\nprint(repr(sys.stdin.readline()))\nprint(input())\nprint(list(sys.stdin))"],
        "one\ntwo\nthree\nfour",
    );
    assert_eq!(out(&o), "'one\\n'\ntwo\n['three\\n', 'four']\n", "{}", err(&o));
    // input() inside the REPL reads the next line of the same stream.
    let o = run(&["-i"], "v = input('? ')\ntyped line\nv\n");
    assert_eq!(out(&o), ">>> ? >>> 'typed line'\n>>> ");
}

#[test]
fn sigint_interrupts_a_running_loop() {
    let mut child = upy()
        .args(["-c", "import sys\nprint('start', flush=True)\nn = 0\nwhile True:\n    n += 1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 6];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert_eq!(&first, b"start\n");
    // SAFETY: sends SIGINT to the child we spawned.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130));
    let e = err(&o);
    assert!(e.starts_with("Traceback (most recent call last):\n"), "{e}");
    assert!(e.ends_with("KeyboardInterrupt\n"), "{e}");
}

#[test]
fn keyboard_interrupt_can_be_caught() {
    let mut child = upy()
        .args([
            "-c",
            "try:\n    print('go', flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 3];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    // SAFETY: sends SIGINT to the child we spawned.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), "caught\n");
}

#[test]
fn tools() {
    let d = scratch("tools");
    let p = d.join("t.py");
    std::fs::write(&p, "x = 1\n").unwrap();
    let p = p.to_str().unwrap();
    assert_eq!(run(&["--check", p], "").status.code(), Some(0));
    let o = run(&["--dis", p], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(!o.stdout.is_empty());
    std::fs::write(d.join("bad.py"), "x = (\n").unwrap();
    let o = run(&["--check", d.join("bad.py").to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("SyntaxError"));
}

#[test]
fn stdout_and_stderr_interleave_in_order() {
    let mut c = upy();
    c.args([
        "-c",
        "import sys\nprint('a')\nprint('b', file=sys.stderr)\nsys.stdout.write('c\\n')\nsys.stderr.write('d\\n')",
    ]);
    // Both streams to one pipe: the order must be the program's.
    let (r, w) = std::io::pipe().unwrap();
    let w2 = w.try_clone().unwrap();
    let mut child = c.stdout(w).stderr(w2).spawn().unwrap();
    drop(c);
    let mut s = String::new();
    std::io::Read::read_to_string(&mut { r }, &mut s).unwrap();
    child.wait().unwrap();
    assert_eq!(s, "a\nb\nc\nd\n");
}

#[test]
fn dropped_files_are_closed_by_the_collector() {
    // With few descriptors allowed, opening more files than that without
    // closing them works: running out triggers a collection, whose
    // finaliser closes the unreachable ones.
    let d = scratch("fdleak");
    let prog =
        "for i in range(300):\n    f = open('leak.tmp', 'w')\n    f.write(str(i))\nprint(open('leak.tmp').read())\n";
    std::fs::write(d.join("leak.py"), prog).unwrap();
    let cmd = format!("ulimit -n 40 && exec '{}' leak.py", env!("CARGO_BIN_EXE_upy"));
    let o = Command::new("sh").arg("-c").arg(cmd).current_dir(&d).output().unwrap();
    assert_eq!(out(&o), "299\n", "{}", err(&o));
}

/// The REPL on a pseudo-terminal: raw mode, echo and redraw, history,
/// cursor keys, Ctrl-A/K/U, Ctrl-C at the prompt, paste mode, Ctrl-D.
#[test]
fn repl_on_a_terminal() {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills in two new descriptors; the null arguments ask
    // for default settings.
    let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    assert_eq!(r, 0, "openpty");
    // SAFETY: both descriptors are fresh and owned here from now on.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut child = upy()
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .spawn()
        .unwrap();
    let mut m = std::fs::File::from(master);
    let mut reader = m.try_clone().unwrap();
    let collected = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = collected.clone();
    std::thread::spawn(move || {
        let mut b = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut reader, &mut b) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&b[..n]);
        }
    });
    // Waits until the output so far contains `s` (the REPL is ready).
    let wait_for = |s: &str| {
        for _ in 0..500 {
            if String::from_utf8_lossy(&collected.lock().unwrap()).contains(s) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("no {s:?} in {:?}", String::from_utf8_lossy(&collected.lock().unwrap()));
    };
    let mut send = |b: &[u8]| m.write_all(b).unwrap();
    wait_for("Ctrl-E for paste mode");
    send(b"x = 21\r");
    send(b"x * 2\r");
    wait_for("42");
    // Up: the last line again; Home, Right twice, insert: `x - 1 * 2`.
    send(b"\x1b[A\x01\x1b[C\x1b[C- 1 \r");
    wait_for("19");
    send(b"\x1b[A\x1b[A\x01\x0bx + 100\r");
    wait_for("121");
    // Ctrl-U kills the line; Ctrl-C abandons one.
    send(b"garbage\x15'after kill'\r");
    wait_for("'after kill'");
    send(b"half typed\x03");
    send(b"for i in range(2):\r");
    send(b"print('loop', i)\r\r");
    wait_for("loop 1");
    // Paste mode: lines as typed, run by Ctrl-D.
    send(b"\x05");
    wait_for("paste mode");
    send(b"a = 1\rif a:\r    print('pasted', a)\r\x04");
    wait_for("pasted 1");
    send(b"\x04");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let text = String::from_utf8_lossy(&collected.lock().unwrap()).into_owned();
    assert!(!text.contains("half typed\r\n"), "{text}");
    assert!(!text.contains("SyntaxError"), "{text}");
    assert!(text.contains(">>> x - 1 * 2"), "{text}");
}
