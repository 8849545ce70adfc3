//! Symbolisation: names words that point into the executable that wrote the
//! dump (type descriptors, static objects, functions), from its symbol table.
//!
//! Invariant: a lookup answers only for addresses covered by a symbol (its
//! start up to its size, or exactly its start when the size is unknown), after
//! subtracting the load bias. The bias is 0 for a fixed-address executable; for
//! a position-independent one it is given, or inferred by a vote: a bias is a
//! whole number of pages, so every TYPE-table descriptor (a static in the
//! binary) proposes `descriptor - symbol` for each symbol with the same page
//! offset, and the proposal most descriptors agree on wins. A dump that
//! records the load address (META's appended field) settles it directly.

use crate::model::Dump;
use object::{Object, ObjectKind, ObjectSymbol, SymbolKind};
use std::collections::HashMap;

const PAGE: u64 = 4096;

pub struct Symbols {
    /// (address in the file, size, name), sorted by address.
    syms: Vec<(u64, u64, String)>,
    pub bias: u64,
    pub bias_source: String,
    pub build_id: Option<String>,
    pub pie: bool,
}

impl Symbols {
    pub fn load(path: &std::path::Path, dump: &Dump, bias: Option<u64>) -> Result<Symbols, String> {
        let data = std::fs::read(path).map_err(|e| format!("cannot read binary {}: {e}", path.display()))?;
        let file = object::File::parse(&*data)
            .map_err(|e| format!("{} is not an executable the object crate can read: {e}", path.display()))?;
        let build_id = file.build_id().ok().flatten().map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>());
        let pie = file.kind() == ObjectKind::Dynamic;
        let mut syms: Vec<(u64, u64, String)> = file
            .symbols()
            .chain(file.dynamic_symbols())
            .filter(|s| {
                s.address() != 0 && matches!(s.kind(), SymbolKind::Text | SymbolKind::Data | SymbolKind::Unknown)
            })
            .filter_map(|s| {
                s.name()
                    .ok()
                    .filter(|n| !n.is_empty())
                    .map(|n| (s.address(), s.size(), format!("{:#}", rustc_demangle::demangle(n))))
            })
            .collect();
        syms.sort();
        syms.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
        let mut me = Symbols { syms, bias: 0, bias_source: String::new(), build_id, pie };
        match bias {
            Some(b) => {
                me.bias = b;
                me.bias_source = "given".into();
            }
            None if !pie => me.bias_source = "fixed-address executable".into(),
            None => match dump.meta.load_addr {
                Some(a) if a != 0 => {
                    me.bias = a;
                    me.bias_source = "recorded in the dump".into();
                }
                _ => me.infer_bias(dump),
            },
        }
        Ok(me)
    }

    fn infer_bias(&mut self, dump: &Dump) {
        let mut votes: HashMap<u64, u32> = HashMap::new();
        let mut anchors: Vec<u64> = dump.types.iter().map(|t| t.descriptor).collect();
        if let Some(r) = &dump.roots {
            anchors.push(r.section_addr);
        }
        for a in anchors {
            for (addr, _, _) in &self.syms {
                if a >= *addr && (a - addr) % PAGE == 0 {
                    *votes.entry(a - addr).or_default() += 1;
                }
            }
        }
        let best = votes.into_iter().max_by_key(|&(bias, n)| (n, std::cmp::Reverse(bias)));
        match best {
            Some((bias, n)) if n >= 1 => {
                self.bias = bias;
                self.bias_source = format!("inferred from {n} type descriptor(s) and root addresses");
            }
            _ => self.bias_source = "unknown (no anchors); assuming 0".into(),
        }
    }

    pub fn len(&self) -> usize {
        self.syms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }

    /// `name+0xoff` for a run-time address inside a symbol.
    pub fn lookup(&self, runtime: u64) -> Option<String> {
        let a = runtime.checked_sub(self.bias)?;
        let i = self.syms.partition_point(|s| s.0 <= a);
        let (start, size, name) = self.syms.get(i.checked_sub(1)?)?;
        let off = a - start;
        if off < (*size).max(1) {
            Some(if off == 0 { format!("<{name}>") } else { format!("<{name}+{off:#x}>") })
        } else {
            None
        }
    }

    /// One line on how the binary relates to the dump.
    pub fn describe(&self, dump: &Dump) -> String {
        let id = match (&self.build_id, dump.meta.build_id.is_empty()) {
            (Some(b), false) if *b == dump.meta.build_id => "build id matches".to_string(),
            (Some(b), false) => {
                format!("build id {b} differs from the dump's {}: symbols may be wrong", dump.meta.build_id)
            }
            (None, false) => "binary has no build id to compare".to_string(),
            (_, true) => "dump records no build id".to_string(),
        };
        format!("{} symbols, load bias {:#x} ({}), {id}", self.syms.len(), self.bias, self.bias_source)
    }
}

/// The binary to symbolise with: the one given, else the dump's recorded
/// executable if it exists and its build id matches.
pub fn find_binary(dump: &Dump, given: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    let exe = std::path::Path::new(&dump.meta.exe_path);
    if dump.meta.exe_path.is_empty() || dump.meta.build_id.is_empty() || !exe.is_file() {
        return None;
    }
    let data = std::fs::read(exe).ok()?;
    let file = object::File::parse(&*data).ok()?;
    let id: String = file.build_id().ok()??.iter().map(|x| format!("{x:02x}")).collect();
    (id == dump.meta.build_id).then(|| exe.to_path_buf())
}
