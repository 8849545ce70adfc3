//! Parses a version-1 heap dump (FORMAT.md) into a `Dump`, never panicking.
//!
//! Invariants: every length read from the file is checked against the bytes that
//! are really there before it is used; no buffer is sized by a length from the
//! file beyond what the remaining bytes could hold, so reading costs at most the
//! file's size plus the small decoded tables. A damaged section is read as far
//! as it goes and the damage is recorded as a problem; only a file that is not a
//! dump at all, a newer major version, or one without a usable META is refused.

use crate::model::*;
use std::fmt;
use std::ops::Range;

pub const MAGIC: &[u8; 8] = b"UPYHEAP\0";
pub const MAJOR: u16 = 1;
pub const MINOR: u16 = 0;
pub const HEADER_LEN: usize = 16;
const FRAME_LEN: usize = 12;
const RING_ENTRY_LEN: usize = 80;

/// Why a file could not be read as a dump at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotADump(String),
    NewerMajor { major: u16, minor: u16 },
    NoMeta(String),
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotADump(why) => write!(f, "not a upy heap dump: {why}"),
            ReadError::NewerMajor { major, minor } => write!(
                f,
                "heap dump format version {major}.{minor} is newer than this reader \
                 understands (major version {MAJOR}); use a newer heapdump"
            ),
            ReadError::NoMeta(why) => write!(f, "heap dump has no usable META section: {why}"),
            ReadError::Io(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A dump and everything that was wrong with it.
pub struct ReadResult {
    pub dump: Dump,
    pub problems: Vec<String>,
}

pub fn read_file(path: &std::path::Path) -> Result<ReadResult, ReadError> {
    let data = std::fs::read(path).map_err(|e| ReadError::Io(format!("cannot read {}: {e}", path.display())))?;
    read_bytes(data)
}

/// A cursor over one section's payload. Running past the end yields `None`
/// and never reads outside the payload.
pub(crate) struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Cursor { buf, pos: 0 }
    }

    fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u16(&mut self) -> Option<u16> {
        let b = self.take(2)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Option<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(u64::from_le_bytes(a))
    }

    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        Some(String::from_utf8_lossy(b).into_owned())
    }

    /// Capacity for `n` items of at least `min_size` bytes each, bounded by
    /// what the payload could actually hold.
    fn cap(&self, n: u64, min_size: usize) -> usize {
        let fits = self.remaining() / min_size.max(1);
        usize::try_from(n).unwrap_or(usize::MAX).min(fits)
    }
}

struct Frame {
    tag: [u8; 4],
    payload: Range<usize>,
}

fn tag_name(tag: &[u8; 4]) -> String {
    tag.iter()
        .map(|&b| if b.is_ascii_graphic() || b == b' ' { b as char } else { '?' })
        .collect::<String>()
        .trim_end()
        .to_string()
}

pub fn read_bytes(data: Vec<u8>) -> Result<ReadResult, ReadError> {
    let mut problems = Vec::new();
    if data.len() < HEADER_LEN {
        if data.len() >= 8 && data.get(..8) == Some(&MAGIC[..]) || MAGIC.starts_with(&data) {
            return Err(ReadError::NotADump(format!("file is {} bytes, shorter than the 16-byte header", data.len())));
        }
        return Err(ReadError::NotADump("missing UPYHEAP magic".into()));
    }
    if data.get(..8) != Some(&MAGIC[..]) {
        return Err(ReadError::NotADump("missing UPYHEAP magic".into()));
    }
    let mut hdr = Cursor::new(data.get(8..HEADER_LEN).unwrap_or(&[]));
    let major = hdr.u16().unwrap_or(0);
    let minor = hdr.u16().unwrap_or(0);
    let flags = hdr.u32().unwrap_or(0);
    if major > MAJOR {
        return Err(ReadError::NewerMajor { major, minor });
    }
    if major < MAJOR {
        return Err(ReadError::NotADump(format!("format version {major}.{minor} predates version 1")));
    }

    // Frame the sections first; decoding comes after, so the order of sections
    // (beyond META being first) does not matter.
    let mut frames = Vec::new();
    let mut pos = HEADER_LEN;
    let mut has_end = false;
    while pos < data.len() {
        let Some(head) = data.get(pos..pos + FRAME_LEN) else {
            problems
                .push(format!("section header at offset {pos} truncated: {} of {FRAME_LEN} bytes", data.len() - pos));
            break;
        };
        let mut c = Cursor::new(head);
        let tag: [u8; 4] = match c.take(4) {
            Some(t) => [t[0], t[1], t[2], t[3]],
            None => break,
        };
        let len = c.u64().unwrap_or(0);
        let start = pos + FRAME_LEN;
        let avail = (data.len() - start) as u64;
        let end = if len > avail {
            problems.push(format!("section {} truncated: {avail} of {len} bytes", tag_name(&tag)));
            data.len()
        } else {
            start + len as usize
        };
        if &tag == b"END " {
            has_end = true;
            if len != 0 {
                problems.push(format!("section END has a {len}-byte payload"));
            }
            frames.push(Frame { tag, payload: start..end });
            pos = end;
            break;
        }
        frames.push(Frame { tag, payload: start..end });
        pos = end;
    }
    if !has_end {
        problems.push("no END section: the dump was cut short".into());
    } else if pos < data.len() {
        problems.push(format!("{} bytes after the END section ignored", data.len() - pos));
    }

    let mut dump = Dump { major, minor, flags, has_end, ..Dump::default() };

    if let Some(f) = frames.first() {
        if &f.tag != b"META" && frames.iter().any(|f| &f.tag == b"META") {
            problems.push(format!("META is not the first section (found {} first)", tag_name(&f.tag)));
        }
    }
    let Some(meta_frame) = frames.iter().find(|f| &f.tag == b"META") else {
        return Err(ReadError::NoMeta("the file holds no META section".into()));
    };
    dump.meta = read_meta(slice(&data, &meta_frame.payload), &mut problems)?;

    let mut seen: Vec<[u8; 4]> = Vec::new();
    for f in &frames {
        let name = tag_name(&f.tag);
        if &f.tag == b"END " {
            continue;
        }
        if seen.contains(&f.tag) {
            problems.push(format!("section {name} appears more than once; later copy ignored"));
            continue;
        }
        seen.push(f.tag);
        let payload = slice(&data, &f.payload);
        match &f.tag {
            b"META" => {}
            b"COUN" => dump.counters = read_counters(payload, &mut problems),
            b"RING" => dump.ring = read_ring(payload, &mut problems),
            b"ROOT" => dump.roots = Some(read_roots(payload, &mut problems)),
            b"TYPE" => dump.types = read_types(payload, &mut problems),
            b"FAIL" => {
                dump.has_fail_section = true;
                dump.failures = read_failures(payload, &mut problems);
            }
            b"ATB " => dump.after.atb = Some(f.payload.clone()),
            b"FTB " => dump.after.ftb = Some(f.payload.clone()),
            b"POOL" => dump.after.pool = Some(f.payload.clone()),
            b"PATB" => dump.before.atb = Some(f.payload.clone()),
            b"PFTB" => dump.before.ftb = Some(f.payload.clone()),
            b"PPOL" => dump.before.pool = Some(f.payload.clone()),
            b"PCOL" => {
                let mut c = Cursor::new(payload);
                match c.u64() {
                    Some(n) => dump.before_collection = Some(n),
                    None => problems.push("section PCOL truncated: no collection number".into()),
                }
            }
            _ => dump.unknown_sections.push(name),
        }
    }
    check_heap_sections(&dump.meta, &dump.after, "", &mut problems);
    if dump.before.atb.is_some() || dump.before.pool.is_some() {
        check_heap_sections(&dump.meta, &dump.before, "P", &mut problems);
    }
    if dump.after.atb.is_none() {
        problems.push("no ATB section: block kinds unknown".into());
    }
    if dump.after.pool.is_none() {
        problems.push("no POOL section: block contents unknown".into());
    }
    dump.data = data;
    Ok(ReadResult { dump, problems })
}

fn slice<'a>(data: &'a [u8], r: &Range<usize>) -> &'a [u8] {
    data.get(r.clone()).unwrap_or(&[])
}

fn read_meta(p: &[u8], problems: &mut Vec<String>) -> Result<Meta, ReadError> {
    let mut c = Cursor::new(p);
    let mut m = Meta::default();
    let fixed = (|| {
        m.arch = c.u8()?;
        m.word_size = c.u8()?;
        m.block_size = c.u16()?;
        c.u32()?;
        m.area_addr = c.u64()?;
        m.atb_addr = c.u64()?;
        m.ftb_addr = c.u64()?;
        m.pool_addr = c.u64()?;
        m.n_blocks = c.u64()?;
        Some(())
    })();
    if fixed.is_none() {
        return Err(ReadError::NoMeta(format!("META truncated at {} bytes, before the heap geometry", p.len())));
    }
    if m.word_size != 4 && m.word_size != 8 {
        return Err(ReadError::NoMeta(format!("word size {} is neither 4 nor 8", m.word_size)));
    }
    if u32::from(m.block_size) != 4 * u32::from(m.word_size) {
        return Err(ReadError::NoMeta(format!("block size {} is not four {}-byte words", m.block_size, m.word_size)));
    }
    match (m.arch(), m.word_size) {
        (Arch::X86, 4) | (Arch::X64, 8) => {}
        (a, w) => problems.push(format!("META: architecture {} does not match word size {w}", a.name())),
    }
    let rest = (|| {
        m.pid = c.u64()?;
        m.time = c.u64()?;
        m.reason = c.str()?;
        m.detail = c.str()?;
        m.location = c.str()?;
        m.build_id = c.str()?;
        m.exe_path = c.str()?;
        m.fault = c.str()?;
        m.collecting = c.u8()? != 0;
        Some(())
    })();
    // Appended in 1.0 by the heap crate; older or shorter writers omit it.
    if rest.is_some() {
        m.load_addr = c.u64();
    }
    if rest.is_none() {
        problems.push(format!("section META truncated: {} bytes, fields after the heap geometry missing", p.len()));
    }
    Ok(m)
}

fn read_counters(p: &[u8], problems: &mut Vec<String>) -> Vec<(String, u64)> {
    let mut c = Cursor::new(p);
    let Some(n) = c.u32() else {
        problems.push("section COUN truncated: no count".into());
        return Vec::new();
    };
    let mut out = Vec::with_capacity(c.cap(u64::from(n), 12));
    for i in 0..n {
        let (Some(name), Some(v)) = (c.str(), c.u64()) else {
            problems.push(format!("section COUN truncated: {i} of {n} counters"));
            break;
        };
        out.push((name, v));
    }
    out
}

fn read_ring(p: &[u8], problems: &mut Vec<String>) -> Vec<RingEntry> {
    let mut c = Cursor::new(p);
    let Some(n) = c.u32() else {
        problems.push("section RING truncated: no count".into());
        return Vec::new();
    };
    let mut out = Vec::with_capacity(c.cap(u64::from(n), RING_ENTRY_LEN));
    for i in 0..n {
        let Some(entry) = c.take(RING_ENTRY_LEN) else {
            problems.push(format!("section RING truncated: {i} of {n} entries"));
            break;
        };
        let mut e = Cursor::new(entry);
        let mut r = RingEntry::default();
        let _ = (|| {
            r.number = e.u64()?;
            r.alloc_count = e.u64()?;
            r.marked = e.u64()?;
            r.freed_allocs = e.u64()?;
            r.freed_blocks = e.u64()?;
            r.root_addr = e.u64()?;
            r.root_words = e.u64()?;
            r.stack_lo = e.u64()?;
            r.stack_hi = e.u64()?;
            r.flags = e.u32()?;
            r.finalisers = e.u32()?;
            Some(())
        })();
        out.push(r);
    }
    out
}

fn read_roots(p: &[u8], problems: &mut Vec<String>) -> Roots {
    let mut c = Cursor::new(p);
    let mut r = Roots::default();
    let mut where_cut = "";
    let _ = (|| {
        where_cut = "root section header";
        r.section_addr = c.u64()?;
        r.section_words = c.u64()?;
        where_cut = "root section words";
        r.section = Vec::with_capacity(c.cap(r.section_words, 8));
        for _ in 0..r.section_words {
            r.section.push(c.u64()?);
        }
        where_cut = "register sets";
        let sets = c.u32()?;
        r.register_sets = Vec::with_capacity(c.cap(u64::from(sets), 8));
        for _ in 0..sets {
            let label = c.str()?;
            let n = c.u32()?;
            let mut regs = Vec::with_capacity(c.cap(u64::from(n), 12));
            let mut complete = true;
            for _ in 0..n {
                match (c.str(), c.u64()) {
                    (Some(name), Some(v)) => regs.push((name, v)),
                    _ => {
                        complete = false;
                        break;
                    }
                }
            }
            r.register_sets.push(RegisterSet { label, regs });
            if !complete {
                return None;
            }
        }
        where_cut = "stack range";
        r.stack_lo = c.u64()?;
        r.stack_hi = c.u64()?;
        let n_words = c.u64()?;
        where_cut = "stack words";
        r.stack = Vec::with_capacity(c.cap(n_words, 8));
        for _ in 0..n_words {
            r.stack.push(c.u64()?);
        }
        where_cut = "";
        Some(())
    })();
    if !where_cut.is_empty() {
        problems.push(format!("section ROOT truncated in the {where_cut} ({} bytes)", p.len()));
    }
    r
}

fn read_types(p: &[u8], problems: &mut Vec<String>) -> Vec<TypeInfo> {
    let mut c = Cursor::new(p);
    let Some(n) = c.u32() else {
        problems.push("section TYPE truncated: no count".into());
        return Vec::new();
    };
    let mut out = Vec::with_capacity(c.cap(u64::from(n), 21));
    for i in 0..n {
        let t = (|| {
            let descriptor = c.u64()?;
            let name = c.str()?;
            let letter = c.u8()?;
            let all_from = c.u32()?;
            let k = c.u32()?;
            let mut fields = Vec::with_capacity(c.cap(u64::from(k), 4));
            for _ in 0..k {
                fields.push(c.u32()?);
            }
            Some(TypeInfo {
                descriptor,
                name,
                letter: if letter.is_ascii_graphic() { letter } else { b'h' },
                all_from: if all_from == u32::MAX { None } else { Some(all_from) },
                fields,
            })
        })();
        match t {
            Some(t) => out.push(t),
            None => {
                problems.push(format!("section TYPE truncated: {i} of {n} types"));
                break;
            }
        }
    }
    out
}

fn read_failures(p: &[u8], problems: &mut Vec<String>) -> Vec<Failure> {
    let mut c = Cursor::new(p);
    let Some(n) = c.u32() else {
        problems.push("section FAIL truncated: no count".into());
        return Vec::new();
    };
    let mut out = Vec::with_capacity(c.cap(u64::from(n), 45));
    for i in 0..n {
        let f = (|| {
            let check = c.str()?;
            let block = c.u64()?;
            let block_addr = c.u64()?;
            let kind = c.u8()?;
            let referrer_addr = c.u64()?;
            let referrer_block = c.u64()?;
            let referrer_desc = c.str()?;
            let message = c.str()?;
            Some(Failure {
                check,
                block: (block != u64::MAX).then_some(block),
                block_addr,
                kind,
                referrer_addr,
                referrer_block: (referrer_block != u64::MAX).then_some(referrer_block),
                referrer_desc,
                message,
            })
        })();
        match f {
            Some(f) => out.push(f),
            None => {
                problems.push(format!("section FAIL truncated: {i} of {n} failures"));
                break;
            }
        }
    }
    out
}

/// Records, without failing, where the raw heap sections disagree with META.
fn check_heap_sections(meta: &Meta, r: &HeapRanges, prefix: &str, problems: &mut Vec<String>) {
    let n = meta.n_blocks;
    let want_atb = n.div_ceil(4);
    let want_ftb = n.div_ceil(8);
    let want_pool = n.checked_mul(u64::from(meta.block_size));
    let pool_name = if prefix.is_empty() { "POOL" } else { "PPOL" };
    let check = |name: String, have: Option<&Range<usize>>, want: Option<u64>, p: &mut Vec<String>| {
        if let (Some(h), Some(w)) = (have, want) {
            let len = h.len() as u64;
            if len < w {
                p.push(format!("section {name} shorter than META's {n} blocks need: {len} of {w} bytes"));
            }
        }
    };
    check(format!("{prefix}ATB"), r.atb.as_ref(), Some(want_atb), problems);
    check(format!("{prefix}FTB"), r.ftb.as_ref(), Some(want_ftb), problems);
    check(pool_name.to_string(), r.pool.as_ref(), want_pool, problems);
    if want_pool.is_none() {
        problems.push(format!("META: {n} blocks overflow the address space"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_never_reads_past_its_payload() {
        let mut c = Cursor::new(&[1, 0, 0, 0, 0xff]);
        assert_eq!(c.u32(), Some(1));
        assert_eq!(c.u32(), None);
        assert_eq!(c.u8(), Some(0xff));
        assert_eq!(c.u8(), None);
        // A string whose length runs past the end.
        let mut c = Cursor::new(&[200, 0, 0, 0, b'a']);
        assert_eq!(c.str(), None);
        // Capacity is bounded by what the payload could hold.
        let c = Cursor::new(&[0; 40]);
        assert_eq!(c.cap(u64::MAX, 8), 5);
        assert_eq!(c.cap(2, 8), 2);
    }

    #[test]
    fn header_errors_are_named() {
        let e = read_bytes(b"UPYHEAP\0\x01".to_vec()).err().unwrap();
        assert!(e.to_string().contains("shorter than the 16-byte header"), "{e}");
        let e = read_bytes(b"ELF\x7f............".to_vec()).err().unwrap();
        assert!(e.to_string().contains("missing UPYHEAP magic"), "{e}");
        let mut h = MAGIC.to_vec();
        h.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0]);
        let e = read_bytes(h).err().unwrap();
        assert!(e.to_string().contains("no META section"), "{e}");
        let mut h = MAGIC.to_vec();
        h.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(read_bytes(h).err().unwrap().to_string().contains("predates"));
    }

    #[test]
    fn tag_names_are_printable() {
        assert_eq!(tag_name(b"ATB "), "ATB");
        assert_eq!(tag_name(&[0, b'X', 0xff, b'Y']), "?X?Y");
    }
}
