//! Timings of `summary`, `verify` and `explain` on a synthetic 64 MiB x64 heap
//! dump (about two million blocks, a million and a half live objects in one
//! long chain, a quarter freed), each including reading the file.
//! Target: under 2 s each. Run: `cargo run -p heapdump --release --example bench [MIB]`.

use heapdump::{explain, read_file, scenarios, summary, verify};
use std::time::Instant;

fn main() {
    let mib: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(64);
    println!("healthy heap");
    run(scenarios::large(mib).to_bytes(), mib);
    println!("broken heap (one dangling field)");
    run(scenarios::large_broken(mib).to_bytes(), mib);
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(l) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak resident (including generating the dumps): {}", l.trim_start_matches("VmHWM:").trim());
        }
    }
}

fn run(bytes: Vec<u8>, mib: u64) {
    let t = Instant::now();
    let path = std::env::temp_dir().join(format!("heapdump-bench-{}.heapdump", std::process::id()));
    if let Err(e) = std::fs::write(&path, &bytes) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("dump: {} bytes ({} MiB pool), written in {:.2?}", bytes.len(), mib, t.elapsed());
    drop(bytes);

    let t = Instant::now();
    let r = read_file(&path).expect("readable");
    println!("read:    {:>8.3} s", t.elapsed().as_secs_f64());

    let t = Instant::now();
    let r2 = read_file(&path).expect("readable");
    let s = summary::summary(&r2.dump, &r2.problems);
    println!("summary: {:>8.3} s  ({} lines)", t.elapsed().as_secs_f64(), s.lines().count());
    drop(r2);

    let t = Instant::now();
    let r2 = read_file(&path).expect("readable");
    let rep = verify::verify(&r2.dump).expect("verifiable");
    println!(
        "verify:  {:>8.3} s  ({} findings, {} allocations reached)",
        t.elapsed().as_secs_f64(),
        rep.findings.len(),
        rep.reached
    );
    drop(r2);

    let t = Instant::now();
    let r2 = read_file(&path).expect("readable");
    let e = explain::explain(&r2.dump).expect("explainable");
    println!("explain: {:>8.3} s  ({})", t.elapsed().as_secs_f64(), e.class.name());
    drop((r, r2));
    let _ = std::fs::remove_file(&path);
}
