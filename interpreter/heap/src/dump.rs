//! Heap dump writer, format version 1 (`heap-dumps/FORMAT.md`).
//!
//! One writer serves every path: a failed check, a crash signal, and a dump on
//! demand. It uses only async-signal-safe calls (open, write, rename, close,
//! getpid, time) and fixed buffers on the stack, never Rust's allocator, so it
//! can run inside a signal handler and inside a collection. A dump is written to
//! `<name>.tmp` and renamed into place: a dump file that exists is complete.
//!
//! Each section's length is computed by a counting pass over the same
//! serialiser before its bytes are written, so the writer never seeks.

use crate::heap::{Heap, REG_NAMES};
use crate::layout::{ARCH_CODE, BLOCK_SIZE, WORD};
use crate::text::FixedStr;
use crate::verify::Failure;
use core::fmt::Write;
use core::panic::Location;

pub const MAGIC: &[u8; 8] = b"UPYHEAP\0";
pub const MAJOR: u16 = 1;
pub const MINOR: u16 = 0;
/// Cap on the stack words recorded (8 MiB of stack on x86-64).
const MAX_STACK_WORDS: usize = 1 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    CheckFailed,
    Signal,
    OnDemand,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::CheckFailed => "check-failed",
            Reason::Signal => "signal",
            Reason::OnDemand => "on-demand",
        }
    }
}

/// Where the bytes go: a counter (to size a section) or a file.
trait Sink {
    fn put(&mut self, b: &[u8]);
    fn u8(&mut self, v: u8) {
        self.put(&[v]);
    }
    fn u16(&mut self, v: u16) {
        self.put(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.put(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.put(&v.to_le_bytes());
    }
    fn str(&mut self, s: &[u8]) {
        self.u32(s.len() as u32);
        self.put(s);
    }
}

struct Count(u64);
impl Sink for Count {
    fn put(&mut self, b: &[u8]) {
        self.0 += b.len() as u64;
    }
}

struct FdSink {
    fd: i32,
    buf: [u8; 8192],
    len: usize,
    failed: bool,
}

impl FdSink {
    fn flush(&mut self) {
        let (buf, len) = (self.buf, self.len);
        self.len = 0;
        self.write_all(&buf[..len]);
    }
    fn write_all(&mut self, mut b: &[u8]) {
        while !b.is_empty() && !self.failed {
            // SAFETY: b is a valid readable slice; fd is an open descriptor.
            let n = unsafe { libc::write(self.fd, b.as_ptr() as *const libc::c_void, b.len()) };
            if n < 0 {
                // SAFETY: errno read right after the failing call.
                if unsafe { *libc::__errno_location() } == libc::EINTR {
                    continue;
                }
                self.failed = true;
                return;
            }
            b = &b[n as usize..];
        }
    }
}

impl Sink for FdSink {
    fn put(&mut self, b: &[u8]) {
        if b.len() > self.buf.len() / 2 {
            self.flush();
            self.write_all(b);
            return;
        }
        if self.len + b.len() > self.buf.len() {
            self.flush();
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }
}

/// Writes a line to stderr with one write(2) call where possible.
pub(crate) fn stderr_line(b: &[u8]) {
    let mut s = FdSink { fd: 2, buf: [0; 8192], len: 0, failed: false };
    s.put(b);
    s.put(b"\n");
    s.flush();
}

/// What a particular dump carries besides the heap itself.
pub(crate) struct DumpContext<'a> {
    pub reason: Reason,
    pub detail: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub fails: &'a [Failure],
    /// Registers from a signal's ucontext.
    pub signal_regs: &'a [(&'static str, usize)],
    /// Stack range to record when no collection's range applies.
    pub stack: (usize, usize),
    /// Fresh register capture when no collection's capture applies.
    pub fresh_regs: Option<[usize; crate::heap::NREGS]>,
    /// Explicit destination path (on-demand dumps), else a generated name.
    pub path: Option<&'a str>,
}

/// A dump's path, without allocation.
pub type DumpPath = FixedStr<1200>;

impl Heap {
    /// Writes a heap dump now. `path`: where to write it; by default
    /// `upy-<pid>-<seq>.heapdump` in the dump directory. Returns the path.
    #[track_caller]
    #[inline(never)]
    pub fn dump(&self, label: &str, path: Option<&str>) -> Result<DumpPath, &'static str> {
        let loc = Location::caller();
        let mut regs = [0usize; crate::heap::NREGS];
        crate::collect::capture_registers(&mut regs);
        let here = core::hint::black_box(&regs) as *const _ as usize;
        let top = self.stack_top.get();
        let ctx = DumpContext {
            reason: Reason::OnDemand,
            detail: label,
            file: loc.file(),
            line: loc.line(),
            fails: &[],
            signal_regs: &[],
            stack: if top > here { (here, top) } else { (0, 0) },
            fresh_regs: Some(regs),
            path,
        };
        self.write_dump(&ctx)
    }

    /// The dump written by a failed check.
    pub(crate) fn write_dump_raw(
        &self,
        reason: Reason,
        detail: &str,
        loc: &'static Location<'static>,
        fails: &[Failure],
    ) -> Result<DumpPath, &'static str> {
        let mut regs = [0usize; crate::heap::NREGS];
        crate::collect::capture_registers(&mut regs);
        let here = core::hint::black_box(&regs) as *const _ as usize;
        let top = self.stack_top.get();
        let ctx = DumpContext {
            reason,
            detail,
            file: loc.file(),
            line: loc.line(),
            fails,
            signal_regs: &[],
            stack: if top > here { (here, top) } else { (0, 0) },
            fresh_regs: if self.collecting.get() { None } else { Some(regs) },
            path: None,
        };
        self.write_dump(&ctx)
    }

    /// Builds the destination and writes the file (temp + rename).
    pub(crate) fn write_dump(&self, ctx: &DumpContext<'_>) -> Result<DumpPath, &'static str> {
        let mut path = DumpPath::new();
        match ctx.path {
            Some(p) => path.push_str(p),
            None => {
                if self.dump_dir.as_str().is_empty() {
                    path.push_str(".");
                } else {
                    path.push_str(self.dump_dir.as_str());
                }
                let seq = self.dump_seq.get() + 1;
                self.dump_seq.set(seq);
                // SAFETY: getpid is async-signal-safe and cannot fail.
                let pid = unsafe { libc::getpid() };
                let _ = write!(path, "/upy-{pid}-{seq}.heapdump");
            }
        }
        let mut tmp = FixedStr::<1208>::new();
        tmp.push_str(path.as_str());
        tmp.push_str(".tmp\0");
        let mut fin = FixedStr::<1208>::new();
        fin.push_str(path.as_str());
        fin.push_str("\0");
        if fin.as_bytes().len() != path.as_str().len() + 1 || tmp.as_bytes().len() != path.as_str().len() + 5 {
            return Err("dump path too long");
        }
        // SAFETY: tmp is NUL-terminated; open is async-signal-safe.
        let fd = unsafe {
            libc::open(
                tmp.as_bytes().as_ptr() as *const libc::c_char,
                libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC,
                0o644,
            )
        };
        if fd < 0 {
            return Err("cannot create the dump file (is the dump directory writable?)");
        }
        let mut out = FdSink { fd, buf: [0; 8192], len: 0, failed: false };
        self.serialise(ctx, &mut out);
        out.flush();
        // SAFETY: fd was opened above and is closed once.
        unsafe { libc::close(fd) };
        if out.failed {
            // SAFETY: NUL-terminated path.
            unsafe { libc::unlink(tmp.as_bytes().as_ptr() as *const libc::c_char) };
            return Err("writing the dump file failed (disk full?)");
        }
        // SAFETY: both paths NUL-terminated; rename is async-signal-safe.
        let r = unsafe {
            libc::rename(tmp.as_bytes().as_ptr() as *const libc::c_char, fin.as_bytes().as_ptr() as *const libc::c_char)
        };
        if r != 0 {
            return Err("renaming the dump file into place failed");
        }
        Ok(path)
    }

    fn serialise(&self, ctx: &DumpContext<'_>, out: &mut FdSink) {
        out.put(MAGIC);
        out.u16(MAJOR);
        out.u16(MINOR);
        let flags = (ctx.reason == Reason::Signal) as u32
            | ((cfg!(feature = "gc-torture") as u32) << 1)
            | ((cfg!(feature = "fault-injection") as u32) << 2);
        out.u32(flags);
        section(out, b"META", |s| self.meta(ctx, s));
        section(out, b"COUN", |s| {
            let c = self.counters();
            s.u32(c.len() as u32);
            for (k, v) in c {
                s.str(k.as_bytes());
                s.u64(v);
            }
        });
        section(out, b"RING", |s| {
            let n = self.history().count();
            s.u32(n as u32);
            for r in self.history() {
                for v in [r.number, r.alloc_count, r.marked, r.freed_allocs, r.freed_blocks] {
                    s.u64(v);
                }
                for v in [r.root_start, r.root_words, r.stack_lo, r.stack_hi] {
                    s.u64(v as u64);
                }
                s.u32(r.flags);
                s.u32(r.finalisers);
            }
        });
        section(out, b"ROOT", |s| self.roots_section(ctx, s));
        section(out, b"TYPE", |s| {
            // SAFETY: the type table is only written by register_type, not now.
            let t = unsafe { &*self.types.get() };
            s.u32(t.iter().count() as u32);
            for (desc, info) in t.iter() {
                s.u64(desc as u64);
                s.str(info.name.as_bytes());
                s.u8(info.letter);
                s.u32(info.all_from.unwrap_or(u32::MAX));
                s.u32(info.fields.len() as u32);
                for &f in info.fields {
                    s.u32(f);
                }
            }
        });
        if !ctx.fails.is_empty() {
            section(out, b"FAIL", |s| {
                s.u32(ctx.fails.len() as u32);
                for f in ctx.fails {
                    s.str(f.check.as_bytes());
                    s.u64(f.block.map(|b| b as u64).unwrap_or(u64::MAX));
                    s.u64(f.block_addr as u64);
                    s.u8(f.kind);
                    s.u64(f.referrer_addr as u64);
                    s.u64(f.referrer_block.map(|b| b as u64).unwrap_or(u64::MAX));
                    s.str(f.referrer.as_bytes());
                    s.str(f.message.as_bytes());
                }
            });
        }
        // SAFETY: the ATB is memory the heap owns, atb_len bytes long.
        section(out, b"ATB ", |s| s.put(unsafe { core::slice::from_raw_parts(self.atb, self.geo.atb_len) }));
        // SAFETY: the FTB is memory the heap owns, ftb_len bytes long.
        section(out, b"FTB ", |s| s.put(unsafe { core::slice::from_raw_parts(self.ftb, self.geo.ftb_len) }));
        section(out, b"POOL", |s| {
            // SAFETY: the pool is memory the heap owns, n_blocks blocks long.
            s.put(unsafe { core::slice::from_raw_parts(self.pool as *const u8, self.n_blocks * BLOCK_SIZE) })
        });
        let snap_of = self.snapshot_of.get();
        if snap_of != 0 {
            // SAFETY: the snapshot buffer holds a copy of the area (see take_snapshot).
            let snap = unsafe { &*self.snapshot.get() };
            let (a, f, p) = (self.geo.atb_len, self.geo.ftb_len, self.geo.pool_offset);
            if snap.len() >= p + self.n_blocks * BLOCK_SIZE {
                section(out, b"PATB", |s| s.put(&snap[..a]));
                section(out, b"PFTB", |s| s.put(&snap[a..a + f]));
                section(out, b"PPOL", |s| s.put(&snap[p..p + self.n_blocks * BLOCK_SIZE]));
                section(out, b"PCOL", |s| s.u64(snap_of));
            }
        }
        section(out, b"END ", |_| {});
    }

    fn meta(&self, ctx: &DumpContext<'_>, s: &mut dyn Sink) {
        s.u8(ARCH_CODE);
        s.u8(WORD as u8);
        s.u16(BLOCK_SIZE as u16);
        s.u32(0);
        s.u64(self.area as u64);
        s.u64(self.atb as u64);
        s.u64(self.ftb as u64);
        s.u64(self.pool as u64);
        s.u64(self.n_blocks as u64);
        // SAFETY: getpid and time are async-signal-safe.
        s.u64(unsafe { libc::getpid() } as u64);
        s.u64(unsafe { libc::time(core::ptr::null_mut()) } as u64);
        s.str(ctx.reason.as_str().as_bytes());
        s.str(ctx.detail.as_bytes());
        let mut loc = FixedStr::<300>::new();
        let _ = write!(loc, "{}:{}", ctx.file, ctx.line);
        s.str(loc.as_bytes());
        let b = crate::buildinfo::get();
        s.str(b.map(|b| b.build_id.as_bytes()).unwrap_or(b""));
        s.str(b.map(|b| b.exe.as_bytes()).unwrap_or(b""));
        s.str(self.fault.map(|f| f.name()).unwrap_or("").as_bytes());
        s.u8(self.collecting.get() as u8);
        s.u64(b.map(|b| b.load_addr as u64).unwrap_or(0));
    }

    fn roots_section(&self, ctx: &DumpContext<'_>, s: &mut dyn Sink) {
        let (rs, rw) = self.root_section.get();
        s.u64(rs as u64);
        s.u64(rw as u64);
        for i in 0..rw {
            // SAFETY: the embedder keeps the root section readable.
            s.u64(unsafe { core::ptr::read_volatile((rs as *const usize).add(i)) } as u64);
        }
        let roots = self.roots.get();
        let in_collection = self.collecting.get() && ctx.fresh_regs.is_none();
        let captured = ctx.fresh_regs.unwrap_or(roots.regs);
        let sets = 1 + (in_collection && roots.have_shadow) as u32 + (!ctx.signal_regs.is_empty()) as u32;
        s.u32(sets);
        s.str(b"captured");
        s.u32(REG_NAMES.len() as u32);
        for (name, v) in REG_NAMES.iter().zip(captured) {
            s.str(name.as_bytes());
            s.u64(v as u64);
        }
        if in_collection && roots.have_shadow {
            s.str(b"shadow");
            s.u32(REG_NAMES.len() as u32);
            for (name, v) in REG_NAMES.iter().zip(roots.shadow) {
                s.str(name.as_bytes());
                s.u64(v as u64);
            }
        }
        if !ctx.signal_regs.is_empty() {
            s.str(b"signal");
            s.u32(ctx.signal_regs.len() as u32);
            for (name, v) in ctx.signal_regs {
                s.str(name.as_bytes());
                s.u64(*v as u64);
            }
        }
        let (lo, hi) = if in_collection { (roots.stack_lo, roots.stack_hi) } else { ctx.stack };
        let n = if hi > lo { ((hi - lo) / WORD).min(MAX_STACK_WORDS) } else { 0 };
        s.u64(lo as u64);
        s.u64((lo + n * WORD) as u64);
        s.u64(n as u64);
        for i in 0..n {
            // SAFETY: lo..hi is live stack of this thread (a collection's range,
            // the dumping frame up to the top, or the interrupted frame up to it).
            s.u64(unsafe { core::ptr::read_volatile((lo as *const usize).add(i)) } as u64);
        }
    }
}

/// Writes one section: tag, length (from a counting pass), payload.
fn section(out: &mut FdSink, tag: &[u8; 4], body: impl Fn(&mut dyn Sink)) {
    let mut c = Count(0);
    body(&mut c);
    out.put(tag);
    out.u64(c.0);
    body(out);
}
