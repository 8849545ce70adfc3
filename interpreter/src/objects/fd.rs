//! The operating-system layer: the only place the runtime calls libc. Safe
//! wrappers over file descriptors (open, read, write, lseek, close, with the
//! errno of a failure), `isatty`, the terminal's raw mode (termios) for the
//! REPL's line editor, and the SIGINT handler that asks the VM to raise
//! KeyboardInterrupt.
//!
//! Invariant: nothing here allocates through Rust's allocator. A path is
//! copied, NUL-terminated, into a fixed stack array (too long for it:
//! ENAMETOOLONG), and error texts are static strings.

use core::sync::atomic::Ordering;

/// An errno value.
pub type Errno = i32;

pub use libc::{EACCES, EBADF, EEXIST, EINTR, EINVAL, EISDIR, ENAMETOOLONG, ENOENT, ENOTDIR, ESPIPE};
pub use libc::{O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY};
pub use libc::{SEEK_CUR, SEEK_END, SEEK_SET};

const PATH_MAX: usize = 4096;

fn errno() -> Errno {
    // SAFETY: reads this thread's errno.
    unsafe { *libc::__errno_location() }
}

/// `open(path, flags, 0o666)`. A path with a NUL byte is EINVAL (the caller
/// reports CPython's ValueError before getting here).
pub fn open(path: &[u8], flags: i32) -> Result<i32, Errno> {
    if path.len() >= PATH_MAX {
        return Err(ENAMETOOLONG);
    }
    if path.contains(&0) {
        return Err(EINVAL);
    }
    let mut c = [0u8; PATH_MAX];
    c[..path.len()].copy_from_slice(path);
    loop {
        // SAFETY: `c` is a NUL-terminated path in a live stack array.
        let fd = unsafe { libc::open(c.as_ptr() as *const libc::c_char, flags | libc::O_CLOEXEC, 0o666) };
        if fd >= 0 {
            // A directory opens fine for reading; Python calls that EISDIR.
            if is_dir(fd) {
                close(fd);
                return Err(EISDIR);
            }
            return Ok(fd);
        }
        let e = errno();
        if e != EINTR {
            return Err(e);
        }
    }
}

fn is_dir(fd: i32) -> bool {
    // SAFETY: `st` is a plain struct fstat fills in; fd is ours.
    unsafe {
        let mut st: libc::stat = core::mem::zeroed();
        libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFDIR
    }
}

/// One `read`; Ok(0) at end of file. EINTR is returned (the caller checks
/// for a pending KeyboardInterrupt and retries).
pub fn read(fd: i32, buf: &mut [u8]) -> Result<usize, Errno> {
    // SAFETY: `buf` is a live, writable slice of the given length.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// Writes all of `buf` (retrying short writes and EINTR).
pub fn write_all(fd: i32, mut buf: &[u8]) -> Result<(), Errno> {
    while !buf.is_empty() {
        // SAFETY: `buf` is a live slice of the given length.
        let n = unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, buf.len()) };
        if n < 0 {
            let e = errno();
            if e == EINTR {
                continue;
            }
            return Err(e);
        }
        buf = &buf[n as usize..];
    }
    Ok(())
}

pub fn lseek(fd: i32, off: i64, whence: i32) -> Result<i64, Errno> {
    // SAFETY: plain system call on a descriptor.
    let r = unsafe { libc::lseek(fd, off as libc::off_t, whence) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as i64)
    }
}

pub fn close(fd: i32) {
    // SAFETY: closes a descriptor this runtime opened.
    unsafe { libc::close(fd) };
}

/// Is `fd` an open descriptor?
pub fn is_open(fd: i32) -> bool {
    // SAFETY: F_GETFD only queries the descriptor's flags.
    unsafe { libc::fcntl(fd, libc::F_GETFD) != -1 }
}

pub fn isatty(fd: i32) -> bool {
    // SAFETY: plain system call.
    unsafe { libc::isatty(fd) == 1 }
}

/// The message CPython prints for `e` (glibc's texts).
pub fn strerror(e: Errno) -> &'static str {
    match e {
        libc::ENOENT => "No such file or directory",
        libc::EEXIST => "File exists",
        libc::EISDIR => "Is a directory",
        libc::ENOTDIR => "Not a directory",
        libc::EACCES => "Permission denied",
        libc::EPERM => "Operation not permitted",
        libc::EBADF => "Bad file descriptor",
        libc::EINVAL => "Invalid argument",
        libc::ENAMETOOLONG => "File name too long",
        libc::ENOSPC => "No space left on device",
        libc::EROFS => "Read-only file system",
        libc::EMFILE => "Too many open files",
        libc::ELOOP => "Too many levels of symbolic links",
        libc::ESPIPE => "Illegal seek",
        libc::EPIPE => "Broken pipe",
        libc::EIO => "Input/output error",
        libc::EAGAIN => "Resource temporarily unavailable",
        _ => "Unknown error",
    }
}

// ---- the terminal ------------------------------------------------------------------

/// The terminal's settings before raw mode; restored when dropped.
pub struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    /// Puts stdin's terminal in raw mode (no echo, no line buffering, no
    /// signal keys: Ctrl-C arrives as a byte), or None if stdin is not one.
    pub fn enter() -> Option<RawMode> {
        // SAFETY: termios is a plain struct that tcgetattr fills in.
        unsafe {
            let mut t: libc::termios = core::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return None;
            }
            let saved = t;
            t.c_lflag &= !(libc::ECHO | libc::ICANON | libc::ISIG | libc::IEXTEN);
            t.c_iflag &= !(libc::IXON | libc::ICRNL | libc::BRKINT | libc::INPCK | libc::ISTRIP);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(0, libc::TCSADRAIN, &t) != 0 {
                return None;
            }
            Some(RawMode { saved })
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the settings read in `enter`.
        unsafe { libc::tcsetattr(0, libc::TCSADRAIN, &self.saved) };
    }
}

// ---- SIGINT --------------------------------------------------------------------------

extern "C" fn on_sigint(_sig: libc::c_int) {
    crate::vm::INTERRUPT.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler: Ctrl-C sets `vm::INTERRUPT`, which the VM
/// polls at backward jumps and calls. No SA_RESTART, so a blocking read
/// returns EINTR and `input()` can raise KeyboardInterrupt too.
pub fn install_sigint() {
    // SAFETY: a zeroed sigaction with an async-signal-safe handler (one
    // atomic store).
    unsafe {
        let mut sa: libc::sigaction = core::mem::zeroed();
        sa.sa_sigaction = on_sigint as *const () as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, core::ptr::null_mut());
    }
}
