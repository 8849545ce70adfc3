//! Crash signals: SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT write a heap dump of
//! the heap this thread has entered, then the process dies by the same signal.
//!
//! The handler runs on an alternate stack of its own (a stack overflow must still
//! be dumped) and uses only async-signal-safe calls. A failed check writes its
//! dump itself and then aborts; `abort_after_dump` marks that, so the SIGABRT it
//! raises does not write a second dump.

use crate::heap::current_ptr;
use crate::text::FixedStr;
use core::fmt::Write;
use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

const SIGNALS: [(libc::c_int, &str); 5] = [
    (libc::SIGSEGV, "SIGSEGV"),
    (libc::SIGBUS, "SIGBUS"),
    (libc::SIGILL, "SIGILL"),
    (libc::SIGFPE, "SIGFPE"),
    (libc::SIGABRT, "SIGABRT"),
];

/// Size of each thread's alternate signal stack: the dump writer keeps a few
/// kilobytes of buffers on it.
const ALT_STACK: usize = 256 * 1024;

static INSTALL: Once = Once::new();
static DUMPED: AtomicBool = AtomicBool::new(false);

thread_local! {
    static ALT_READY: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Installs the handlers (once per process) and this thread's alternate stack.
pub(crate) fn install() {
    INSTALL.call_once(|| {
        for (sig, _) in SIGNALS {
            // SAFETY: a zeroed sigaction is a valid starting value; the handler
            // has the SA_SIGINFO signature; sigaction has no other preconditions.
            unsafe {
                let mut sa: libc::sigaction = core::mem::zeroed();
                sa.sa_sigaction = handler as *const () as usize;
                sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, core::ptr::null_mut());
            }
        }
    });
    if !ALT_READY.with(|c| c.replace(true)) {
        // SAFETY: mmap of fresh anonymous memory; on success it is handed to the
        // kernel as this thread's alternate stack for the rest of the thread's
        // life (never unmapped, so it cannot dangle).
        unsafe {
            let p = libc::mmap(
                core::ptr::null_mut(),
                ALT_STACK,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            if p != libc::MAP_FAILED {
                let ss = libc::stack_t { ss_sp: p, ss_flags: 0, ss_size: ALT_STACK };
                libc::sigaltstack(&ss, core::ptr::null_mut());
            }
        }
    }
}

/// Called by a failed check after its dump is written: die by SIGABRT without
/// a second dump.
pub(crate) fn abort_after_dump() -> ! {
    DUMPED.store(true, Ordering::SeqCst);
    std::process::abort()
}

#[cfg(target_arch = "x86_64")]
fn signal_regs(uc: *mut libc::c_void) -> ([(&'static str, usize); 8], usize) {
    // SAFETY: the kernel passes a valid ucontext_t to an SA_SIGINFO handler.
    let g = unsafe { &(*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs };
    let r = |i: libc::c_int| g[i as usize] as usize;
    (
        [
            ("rbx", r(libc::REG_RBX)),
            ("rbp", r(libc::REG_RBP)),
            ("r12", r(libc::REG_R12)),
            ("r13", r(libc::REG_R13)),
            ("r14", r(libc::REG_R14)),
            ("r15", r(libc::REG_R15)),
            ("rip", r(libc::REG_RIP)),
            ("rsp", r(libc::REG_RSP)),
        ],
        r(libc::REG_RSP),
    )
}

#[cfg(target_arch = "x86")]
fn signal_regs(uc: *mut libc::c_void) -> ([(&'static str, usize); 6], usize) {
    // SAFETY: the kernel passes a valid ucontext_t to an SA_SIGINFO handler.
    let g = unsafe { &(*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs };
    let r = |i: libc::c_int| g[i as usize] as usize;
    (
        [
            ("ebx", r(libc::REG_EBX)),
            ("esi", r(libc::REG_ESI)),
            ("edi", r(libc::REG_EDI)),
            ("ebp", r(libc::REG_EBP)),
            ("eip", r(libc::REG_EIP)),
            ("esp", r(libc::REG_ESP)),
        ],
        r(libc::REG_ESP),
    )
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    let name = SIGNALS.iter().find(|s| s.0 == sig).map(|s| s.1).unwrap_or("signal");
    let heap = current_ptr();
    if !heap.is_null() && !DUMPED.swap(true, Ordering::SeqCst) {
        // SAFETY: `info` is valid in an SA_SIGINFO handler; si_addr is meaningful
        // for the fault signals and harmless to read for the others.
        let addr = unsafe { (*info).si_addr() } as usize;
        let (regs, sp) = signal_regs(uc);
        // SAFETY: CURRENT points at the heap entered by this thread, alive for
        // the duration of `enter`, which the interrupted code is inside.
        let h = unsafe { &*heap };
        let mut detail = FixedStr::<128>::new();
        let _ = write!(detail, "{name} (fault address 0x{addr:x})");
        let top = h.stack_top.get();
        let ctx = crate::dump::DumpContext {
            reason: crate::dump::Reason::Signal,
            detail: detail.as_str(),
            file: "",
            line: 0,
            fails: &[],
            signal_regs: &regs,
            stack: if top > sp { (sp, top) } else { (0, 0) },
            fresh_regs: None,
            path: None,
        };
        let mut line = FixedStr::<1300>::new();
        match h.write_dump(&ctx) {
            Ok(p) => {
                let _ = write!(line, "upy: fatal signal {}; heap dump written to {}", detail.as_str(), p.as_str());
            }
            Err(e) => {
                let _ = write!(line, "upy: fatal signal {}; could not write a heap dump: {e}", detail.as_str());
            }
        }
        crate::dump::stderr_line(line.as_bytes());
    }
    // SAFETY: restoring the default action and re-raising are async-signal-safe;
    // the process then dies the way the signal would have killed it.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}
