//! Writes every synthetic scenario dump (x86 and x64) into a directory, for
//! trying the `heapdump` command by hand: `cargo run --example write_scenarios DIR`.

use heapdump::scenarios::{build, Scenario};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    for s in Scenario::ALL {
        for x64 in [false, true] {
            let (d, _) = build(s, x64);
            let path = format!("{dir}/{}-{}.heapdump", s.name(), if x64 { "x64" } else { "x86" });
            if let Err(e) = std::fs::write(&path, d.to_bytes()) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(1);
            }
        }
    }
}
