//! `heapdump map`: the block map in MicroPython's `mem_info(1)` layout, so
//! people who know that output read this one at once.
//!
//! Invariant: rows hold 64 blocks and start at a multiple of 64 blocks; each is
//! prefixed by its byte offset from the pool start as `%08x: `; two or more
//! consecutive all-free rows collapse into `       (N lines all free)` exactly as
//! MicroPython's `gc_dump_alloc_table` does (the count is whole free rows from
//! the row start, and printing resumes at the row holding the first used block).

use crate::index::Index;
use crate::model::{Dump, Kind};
use std::fmt::Write;

pub const BLOCKS_PER_ROW: u64 = 64;

/// The character for one block: `.` free, `=` tail, `m` mark, and for a head
/// its type's map letter (`h` when the type is unknown).
pub fn block_char(ix: &Index, b: u64) -> char {
    match ix.kind(b) {
        Kind::Free => '.',
        Kind::Tail => '=',
        Kind::Mark => 'm',
        Kind::Head => ix.type_of(b).map_or('h', |t| t.letter as char),
    }
}

/// Renders blocks `from..to` (clamped to the heap; rows aligned down to 64).
pub fn map(dump: &Dump, from: Option<u64>, to: Option<u64>) -> Result<String, String> {
    let heap = dump.heap().ok_or("the dump holds no ATB and POOL: no block map")?;
    let ix = Index::new(dump, heap);
    let n = ix.n_blocks();
    let end = to.map_or(n, |t| t.min(n));
    let start = from.unwrap_or(0).min(end) / BLOCKS_PER_ROW * BLOCKS_PER_ROW;
    let mut s = String::new();
    let _ = write!(s, "GC memory layout; from {:#x}:", heap.pool_addr);
    let mut bl = start;
    while bl < end {
        if bl.is_multiple_of(BLOCKS_PER_ROW) {
            let mut bl2 = bl;
            while bl2 < end && ix.kind(bl2) == Kind::Free {
                bl2 += 1;
            }
            if bl2 - bl >= 2 * BLOCKS_PER_ROW {
                let _ = write!(s, "\n       ({} lines all free)", (bl2 - bl) / BLOCKS_PER_ROW);
                bl = bl2 & !(BLOCKS_PER_ROW - 1);
                if bl >= end {
                    break;
                }
            }
            let _ = write!(s, "\n{:08x}: ", bl * heap.block_size);
        }
        s.push(block_char(&ix, bl));
        bl += 1;
    }
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::map;
    use crate::read_bytes;
    use crate::synth::SynthDump;

    fn render(d: &SynthDump) -> Vec<String> {
        let dump = read_bytes(d.to_bytes()).unwrap().dump;
        map(&dump, None, None).unwrap().lines().map(String::from).collect()
    }

    #[test]
    fn one_free_row_is_printed_two_are_collapsed() {
        // Rows: used, free, used, free, free, used.
        let mut d = SynthDump::new(false, 64 * 6);
        for row in [0, 2, 5] {
            d.alloc_at(row * 64, 1);
        }
        let lines = render(&d);
        assert_eq!(lines[1], format!("00000000: h{}", ".".repeat(63)));
        assert_eq!(lines[2], format!("00000400: {}", ".".repeat(64)));
        assert_eq!(lines[3], format!("00000800: h{}", ".".repeat(63)));
        // The free run starts mid-row 2 but collapsing is judged at row starts.
        assert_eq!(lines[4], "       (2 lines all free)");
        assert_eq!(lines[5], format!("00001400: h{}", ".".repeat(63)));
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn free_run_to_the_end_stops_the_map() {
        let mut d = SynthDump::new(true, 64 * 4);
        d.alloc_at(0, 3);
        let lines = render(&d);
        assert_eq!(lines[1], format!("00000000: h=={}", ".".repeat(61)));
        assert_eq!(lines[2], "       (3 lines all free)");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn marks_and_type_letters() {
        let mut d = SynthDump::new(true, 64);
        let t = d.add_type("dict", b'D', None, &[]);
        d.object(t, &[]);
        d.alloc_at(5, 1);
        d.heap.atb[5] = crate::model::Kind::Mark;
        assert!(render(&d)[1].starts_with("00000000: D....m."));
    }
}
