//! The heap's geometry and its two tables, as in MicroPython's `gc.c`.
//!
//! One contiguous area holds, in order:
//!
//! ```text
//!   ATB   allocation table, 2 bits a block, 4 blocks a byte
//!   FTB   finaliser table, 1 bit a block, 8 blocks a byte
//!   pool  the blocks, each BLOCK_SIZE bytes (4 machine words), block-aligned
//! ```
//!
//! Allocation-table values:
//!
//! | bits | kind | meaning                                               |
//! |------|------|-------------------------------------------------------|
//! | 0b00 | FREE | not in use                                            |
//! | 0b01 | HEAD | first block of an allocation                          |
//! | 0b10 | TAIL | a following block of the allocation before it          |
//! | 0b11 | MARK | a HEAD found reachable by the collection in progress  |
//!
//! Invariants kept by everything that writes the tables: block 0 is never a
//! TAIL, a TAIL never follows a FREE, MARK exists only while a collection runs,
//! and an FTB bit is set only on a HEAD (or MARK) block.

#[cfg(not(any(target_arch = "x86", target_arch = "x86_64")))]
compile_error!(
    "upy-heap supports x86 (i686) and x86-64 only: the register capture used by the \
     root scan is written in inline assembly for those two architectures"
);

/// Bytes in a machine word.
pub const WORD: usize = core::mem::size_of::<usize>();
/// Words in a block.
pub const WORDS_PER_BLOCK: usize = 4;
/// Bytes in a block: 16 on x86, 32 on x86-64.
pub const BLOCK_SIZE: usize = WORD * WORDS_PER_BLOCK;
/// Blocks described by one byte of the allocation table.
pub const BLOCKS_PER_ATB: usize = 4;
/// Blocks described by one byte of the finaliser table.
pub const BLOCKS_PER_FTB: usize = 8;
/// Smallest heap accepted: enough blocks that the tables are not degenerate.
pub const MIN_BLOCKS: usize = 64;

/// The pattern every word of a freed block holds while poisoning is on.
#[cfg(target_pointer_width = "64")]
pub const POISON: usize = 0xDEAD_BEEF_DEAD_BEEF;
#[cfg(target_pointer_width = "32")]
pub const POISON: usize = 0xDEAD_BEEF;

/// Architecture code written into heap dumps (see FORMAT.md).
#[cfg(target_arch = "x86")]
pub const ARCH_CODE: u8 = 1;
#[cfg(target_arch = "x86_64")]
pub const ARCH_CODE: u8 = 2;

/// Human-readable architecture name.
#[cfg(target_arch = "x86")]
pub const ARCH_NAME: &str = "x86";
#[cfg(target_arch = "x86_64")]
pub const ARCH_NAME: &str = "x86-64";

/// The state of one block in the allocation table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BlockKind {
    Free = 0,
    Head = 1,
    Tail = 2,
    Mark = 3,
}

impl BlockKind {
    #[inline(always)]
    pub const fn from_bits(b: u8) -> BlockKind {
        match b & 3 {
            0 => BlockKind::Free,
            1 => BlockKind::Head,
            2 => BlockKind::Tail,
            _ => BlockKind::Mark,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            BlockKind::Free => "FREE",
            BlockKind::Head => "HEAD",
            BlockKind::Tail => "TAIL",
            BlockKind::Mark => "MARK",
        }
    }
}

/// Where the tables and the pool sit inside an area of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub n_blocks: usize,
    pub atb_len: usize,
    pub ftb_len: usize,
    /// Offset of the pool from the start of the area (block-aligned).
    pub pool_offset: usize,
}

impl Geometry {
    /// Splits `size` bytes into tables and pool. Every block costs
    /// `BLOCK_SIZE` bytes of pool plus 3 bits of tables; the block count is kept
    /// a multiple of 8 so both tables end on a byte boundary.
    pub fn for_size(size: usize) -> Option<Geometry> {
        // bits available / bits per block, leaving one block of slack so the pool
        // can start block-aligned after the tables.
        let usable = size.checked_sub(BLOCK_SIZE)?;
        let mut n = usable.checked_mul(8)? / (8 * BLOCK_SIZE + 3);
        n -= n % BLOCKS_PER_FTB;
        if n < MIN_BLOCKS {
            return None;
        }
        let atb_len = n / BLOCKS_PER_ATB;
        let ftb_len = n / BLOCKS_PER_FTB;
        let pool_offset = (atb_len + ftb_len).div_ceil(BLOCK_SIZE) * BLOCK_SIZE;
        debug_assert!(pool_offset + n * BLOCK_SIZE <= size);
        Some(Geometry { n_blocks: n, atb_len, ftb_len, pool_offset })
    }

    /// The smallest area size accepted, in bytes.
    pub fn min_size() -> usize {
        let mut s = BLOCK_SIZE * (MIN_BLOCKS + 2);
        while Geometry::for_size(s).is_none() {
            s += BLOCK_SIZE;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_fits_and_is_aligned() {
        for size in [Geometry::min_size(), 4096, 65536, 1 << 20, 2 << 20, (64 << 20) + BLOCK_SIZE * 7] {
            let g = Geometry::for_size(size).unwrap();
            assert_eq!(g.pool_offset % BLOCK_SIZE, 0);
            assert!(g.pool_offset >= g.atb_len + g.ftb_len);
            assert!(g.pool_offset + g.n_blocks * BLOCK_SIZE <= size);
            assert_eq!(g.n_blocks % 8, 0);
            // Little waste: at most a few blocks beyond the table rounding.
            let used = g.pool_offset + g.n_blocks * BLOCK_SIZE;
            assert!(size - used < 12 * BLOCK_SIZE, "size {size} wastes {}", size - used);
        }
        assert!(Geometry::for_size(BLOCK_SIZE * 10).is_none());
    }

    #[test]
    fn block_size_is_four_words() {
        #[cfg(target_pointer_width = "64")]
        assert_eq!(BLOCK_SIZE, 32);
        #[cfg(target_pointer_width = "32")]
        assert_eq!(BLOCK_SIZE, 16);
    }
}
