//! The `heapdump` command: wires the library's analyses to subcommands.
//!
//! Invariant: every failure ends as exactly one line on stderr, prefixed
//! `heapdump: `, and a non-zero exit (2 = could not do what was asked,
//! 1 = `verify` found failures, 3 = the dump was damaged but what could be
//! read was shown); nothing here can panic on user input.

#![forbid(unsafe_code)]

use clap::{Parser, Subcommand};
use heapdump::index::{block_for_arg, parse_addr, Index};
use heapdump::inspect::{Ctx, Decoders};
use heapdump::symbols::{find_binary, Symbols};
use heapdump::{blockmap, diff, explain, export, inspect, reader, render, summary, verify, Dump};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "heapdump", version, about = "Read, verify, explain, diff and draw upy heap dumps (format version 1)")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(clap::Args, Clone)]
struct SymArgs {
    /// The upy executable that wrote the dump, to name words pointing into it
    /// (default: the dump's recorded executable, if its build id matches).
    #[arg(long, value_name = "PATH")]
    binary: Option<PathBuf>,
    /// Load bias of a position-independent executable (hex); inferred if omitted.
    #[arg(long, value_name = "HEX")]
    load_bias: Option<String>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Architecture, sizes, reason, counters, blocks by kind and type, fragmentation, collections.
    Summary { dump: PathBuf },
    /// The block map in MicroPython's mem_info(1) layout.
    Map {
        dump: PathBuf,
        /// First block to show: an address (0x…) or a block index (decimal).
        #[arg(long)]
        from: Option<String>,
        /// Block to stop before: an address (0x…) or a block index (decimal).
        #[arg(long)]
        to: Option<String>,
    },
    /// Re-run the torture verifier's checks offline; exit 1 if any fails.
    Verify {
        dump: PathBuf,
        /// One JSON object: the findings, recorded failures and notes.
        #[arg(long)]
        json: bool,
    },
    /// One block in detail: kind, type, decoded fields, hex.
    Show {
        dump: PathBuf,
        addr: String,
        #[command(flatten)]
        sym: SymArgs,
    },
    /// Everything that refers to the block at ADDR.
    Refs { dump: PathBuf, addr: String },
    /// A chain of references from a root to the block at ADDR, or "unreachable".
    Path { dump: PathBuf, addr: String },
    /// Blocks freed, allocated and changed from A to B; without B, the
    /// before/after-collection pair inside the torture dump A.
    Diff { a: PathBuf, b: Option<PathBuf> },
    /// A diagnosis in plain words, naming the most likely bug class.
    Explain {
        dump: PathBuf,
        #[command(flatten)]
        sym: SymArgs,
        /// One JSON object: class, check, block, address, fault, text.
        #[arg(long)]
        json: bool,
    },
    /// Export objects, one JSON object per line (like ObjectSpace.dump_all).
    Export {
        /// JSON Lines output (the only format).
        #[arg(long, required = true)]
        jsonl: bool,
        dump: PathBuf,
    },
    /// Draw the heap, one cell per block.
    Render {
        dump: PathBuf,
        #[arg(long, value_name = "FILE", required_unless_present = "svg")]
        png: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
    },
}

/// A dump that was read, possibly with problems.
struct Loaded {
    dump: Dump,
    problems: Vec<String>,
    path: PathBuf,
}

fn load(path: &Path) -> Result<Loaded, String> {
    let r = reader::read_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Loaded { dump: r.dump, problems: r.problems, path: path.to_path_buf() })
}

enum Outcome {
    Ok,
    Failed,
}

fn run(cli: Cli) -> Result<(Outcome, Vec<Loaded>), String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut print = |s: &str| -> Result<(), String> {
        match out.write_all(s.as_bytes()) {
            // A reader that went away (`| head`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r.map_err(|e| format!("cannot write output: {e}")),
        }
    };
    match cli.cmd {
        Cmd::Summary { dump } => {
            let l = load(&dump)?;
            print(&summary::summary(&l.dump, &l.problems))?;
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Map { dump, from, to } => {
            let l = load(&dump)?;
            let heap = l.dump.heap().ok_or("the dump holds no ATB and POOL: no block map")?;
            let bound = |s: &Option<String>, is_end: bool| -> Result<Option<u64>, String> {
                let Some(s) = s else { return Ok(None) };
                if s.trim().starts_with("0x") || s.trim().starts_with("0X") {
                    let a = parse_addr(s)?;
                    if is_end && a == heap.pool_end() {
                        return Ok(Some(heap.n_blocks));
                    }
                    block_for_arg(&heap, s)
                        .map(Some)
                        .map_err(|e| format!("--{}: {e}", if is_end { "to" } else { "from" }))?;
                    return Ok(heap.block_of(a));
                }
                let b = parse_addr(s)?;
                if b > heap.n_blocks {
                    return Err(format!("block {b} is outside the heap ({} blocks)", heap.n_blocks));
                }
                Ok(Some(b))
            };
            let (f, t) = (bound(&from, false)?, bound(&to, true)?);
            if let (Some(f), Some(t)) = (f, t) {
                if f > t {
                    return Err(format!("--from ({f}) is after --to ({t})"));
                }
            }
            print(&blockmap::map(&l.dump, f, t)?)?;
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Verify { dump, json } => {
            let l = load(&dump)?;
            let rep = verify::verify(&l.dump)?;
            if json {
                print(&format!("{}\n", verify::to_json(&rep, &l.problems)))?;
            } else {
                print(&verify::render(&rep, &l.problems))?;
            }
            let failed = !rep.findings.is_empty() || !rep.recorded.is_empty();
            Ok((if failed { Outcome::Failed } else { Outcome::Ok }, vec![l]))
        }
        Cmd::Show { dump, addr, sym } => {
            let l = load(&dump)?;
            let heap = l.dump.heap().ok_or("the dump holds no ATB and POOL")?;
            let b = block_for_arg(&heap, &addr)?;
            let syms = load_symbols(&l.dump, &sym)?;
            let ix = Index::new(&l.dump, heap);
            let ctx = Ctx { dump: &l.dump, ix: &ix, symbols: syms.as_ref() };
            if let Some(s) = &syms {
                print(&format!("binary: {}\n", s.describe(&l.dump)))?;
            }
            print(&inspect::show(&ctx, &Decoders::default(), b))?;
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Refs { dump, addr } => {
            let l = load(&dump)?;
            let heap = l.dump.heap().ok_or("the dump holds no ATB and POOL")?;
            let b = block_for_arg(&heap, &addr)?;
            let ix = Index::new(&l.dump, heap);
            let ctx = Ctx { dump: &l.dump, ix: &ix, symbols: None };
            print(&inspect::refs(&ctx, b))?;
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Path { dump, addr } => {
            let l = load(&dump)?;
            let heap = l.dump.heap().ok_or("the dump holds no ATB and POOL")?;
            let b = block_for_arg(&heap, &addr)?;
            let ix = Index::new(&l.dump, heap);
            let ctx = Ctx { dump: &l.dump, ix: &ix, symbols: None };
            print(&inspect::path(&ctx, b))?;
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Diff { a, b } => {
            let la = load(&a)?;
            match b {
                None => {
                    let before = la.dump.heap_before().ok_or(
                        "the dump holds no pre-collection snapshot (PATB/PPOL); give a second dump to compare with",
                    )?;
                    let after = la.dump.heap().ok_or("the dump holds no ATB and POOL")?;
                    let d = diff::diff(&la.dump, before, &la.dump, after);
                    let ix = Index::new(&la.dump, after);
                    print(&format!(
                        "before collection {} -> after\n",
                        la.dump.before_collection.map_or("?".into(), |c| c.to_string())
                    ))?;
                    print(&diff::render(&d, &after, &ix))?;
                    Ok((Outcome::Ok, vec![la]))
                }
                Some(b) => {
                    let lb = load(&b)?;
                    let ha = la.dump.heap().ok_or(format!("{}: the dump holds no ATB and POOL", a.display()))?;
                    let hb = lb.dump.heap().ok_or(format!("{}: the dump holds no ATB and POOL", b.display()))?;
                    let d = diff::diff(&la.dump, ha, &lb.dump, hb);
                    let ix = Index::new(&lb.dump, hb);
                    print(&diff::render(&d, &hb, &ix))?;
                    Ok((Outcome::Ok, vec![la, lb]))
                }
            }
        }
        Cmd::Explain { dump, sym, json } => {
            let l = load(&dump)?;
            let e = explain::explain(&l.dump)?;
            if json {
                print(&format!("{}\n", e.to_json(&l.dump)))?;
                return Ok((Outcome::Ok, vec![l]));
            }
            let syms = load_symbols(&l.dump, &sym)?;
            print(&e.text)?;
            if let Some(s) = &syms {
                print(&format!("binary: {}\n", s.describe(&l.dump)))?;
                let ws = symbolised_roots(&l.dump, s);
                print(&ws)?;
            }
            for p in &l.problems {
                print(&format!("Note: the dump is damaged: {p}.\n"))?;
            }
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Export { jsonl: _, dump } => {
            let l = load(&dump)?;
            let mut buf = std::io::BufWriter::new(std::io::stdout().lock());
            export::export_jsonl(&l.dump, &mut buf)?;
            match buf.flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(format!("cannot write output: {e}"))
                }
                _ => {}
            }
            Ok((Outcome::Ok, vec![l]))
        }
        Cmd::Render { dump, png, svg } => {
            let l = load(&dump)?;
            let pic = render::picture(&l.dump)?;
            if let Some(p) = png {
                let mut f = create(&p)?;
                render::png(&pic, &mut f)?;
            }
            if let Some(p) = svg {
                let mut f = create(&p)?;
                render::svg(&pic, &mut f)?;
            }
            Ok((Outcome::Ok, vec![l]))
        }
    }
}

fn create(p: &Path) -> Result<std::io::BufWriter<std::fs::File>, String> {
    std::fs::File::create(p).map(std::io::BufWriter::new).map_err(|e| format!("cannot create {}: {e}", p.display()))
}

fn load_symbols(dump: &Dump, sym: &SymArgs) -> Result<Option<Symbols>, String> {
    let bias = match &sym.load_bias {
        Some(s) => Some(parse_addr(if s.starts_with("0x") { s.clone() } else { format!("0x{s}") }.as_str())?),
        None => None,
    };
    match find_binary(dump, sym.binary.as_deref()) {
        Some(p) => Symbols::load(&p, dump, bias).map(Some),
        None => Ok(None),
    }
}

/// Root words that point into the binary, named.
fn symbolised_roots(dump: &Dump, s: &Symbols) -> String {
    let mut out = String::new();
    for (src, v) in heapdump::mark::roots(dump) {
        if let Some(name) = s.lookup(v) {
            out.push_str(&format!("  {} = {v:#x} {name}\n", src.describe()));
        }
    }
    if out.is_empty() {
        "No root word points into the binary.\n".into()
    } else {
        format!("Root words pointing into the binary:\n{out}")
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            let msg = e.to_string();
            let first = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("bad arguments");
            eprintln!("heapdump: {} (see heapdump --help)", first.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Err(e) => {
            eprintln!("heapdump: {e}");
            ExitCode::from(2)
        }
        Ok((outcome, loaded)) => {
            let damaged: Vec<&Loaded> = loaded.iter().filter(|l| !l.problems.is_empty()).collect();
            if let Some(l) = damaged.first() {
                let more = l.problems.len() - 1;
                eprintln!(
                    "heapdump: {}: damaged dump: {}{}",
                    l.path.display(),
                    l.problems.first().map_or("", |p| p.as_str()),
                    if more > 0 {
                        format!(" (and {more} more problem(s); see `heapdump summary`)")
                    } else {
                        String::new()
                    }
                );
                return ExitCode::from(if matches!(outcome, Outcome::Failed) { 1 } else { 3 });
            }
            match outcome {
                Outcome::Ok => ExitCode::SUCCESS,
                Outcome::Failed => ExitCode::from(1),
            }
        }
    }
}
