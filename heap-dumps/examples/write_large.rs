//! Writes the synthetic 64 MiB x64 bench dump (or MIB MiB) to PATH, to time
//! the `heapdump` command itself: `cargo run --release --example write_large PATH [MIB]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: write_large PATH [MIB]");
        std::process::exit(2);
    };
    let mib = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    if let Err(e) = std::fs::write(&path, heapdump::scenarios::large_broken(mib).to_bytes()) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
