//! `CompileError`: what the compiler returns instead of panicking. The runtime
//! turns it into the Python exception (`SyntaxError`, `IndentationError`,
//! `TabError` or `MemoryError`).
//!
//! Invariant: building an error never allocates through Rust's allocator; the
//! message is formatted into a fixed buffer and truncated if it is too long.

use core::fmt::{self, Write};
use upy_heap::text::FixedStr;
use upy_heap::AllocError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// The heap ran out while compiling.
    Memory,
}

impl ErrorKind {
    /// The Python exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
            ErrorKind::Memory => "MemoryError",
        }
    }
}

pub type Msg = FixedStr<160>;

#[derive(Clone, Copy)]
pub struct CompileError {
    pub kind: ErrorKind,
    /// 1-based line; 0 when unknown.
    pub line: u32,
    /// 1-based column in characters (CPython's `offset`); 0 when unknown.
    pub col: u32,
    pub msg: Msg,
}

impl CompileError {
    pub fn new(kind: ErrorKind, line: u32, col: u32, args: fmt::Arguments<'_>) -> CompileError {
        let mut msg = Msg::new();
        let _ = msg.write_fmt(args);
        CompileError { kind, line, col, msg }
    }

    pub fn syntax(line: u32, col: u32, text: &str) -> CompileError {
        let mut msg = Msg::new();
        msg.push_str(text);
        CompileError { kind: ErrorKind::Syntax, line, col, msg }
    }

    pub fn memory() -> CompileError {
        let mut msg = Msg::new();
        msg.push_str("memory allocation failed while compiling");
        CompileError { kind: ErrorKind::Memory, line: 0, col: 0, msg }
    }

    pub fn message(&self) -> &str {
        self.msg.as_str()
    }
}

impl From<AllocError> for CompileError {
    fn from(_: AllocError) -> CompileError {
        CompileError::memory()
    }
}

impl fmt::Debug for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {}, col {})", self.kind.name(), self.msg.as_str(), self.line, self.col)
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg.as_str())
    }
}

/// The compiler's internal error: a marker. The details of the error are
/// kept aside (`CompileError::raise`) so that every `Result` in the
/// recursive descent stays one word wide; with the details inline, frames grow
/// by the message buffer at every call level and deep nesting would need a
/// very deep native stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fail;

pub type CResult<T> = Result<T, Fail>;

std::thread_local! {
    static PENDING: core::cell::Cell<Option<CompileError>> = const { core::cell::Cell::new(None) };
}

impl CompileError {
    /// Records this error as the pending one and returns the marker.
    pub fn raise(self) -> Fail {
        PENDING.with(|p| p.set(Some(self)));
        Fail
    }

    /// Takes the pending error (a memory error if none was recorded).
    pub fn take() -> CompileError {
        PENDING.with(|p| p.take()).unwrap_or_else(CompileError::memory)
    }

    /// Changes the pending error in place.
    pub fn amend(f: impl FnOnce(&mut CompileError)) {
        PENDING.with(|p| {
            if let Some(mut e) = p.take() {
                f(&mut e);
                p.set(Some(e));
            }
        })
    }
}

impl From<AllocError> for Fail {
    fn from(_: AllocError) -> Fail {
        CompileError::memory().raise()
    }
}

/// `syntax_err!(line, col, "fmt", args...)` builds a SyntaxError.
#[macro_export]
macro_rules! syntax_err {
    ($line:expr, $col:expr, $($arg:tt)*) => {
        $crate::error::CompileError::new($crate::error::ErrorKind::Syntax, $line, $col, format_args!($($arg)*)).raise()
    };
}

/// CPython's report of a syntax error, for the command line (not used while
/// compiling, so it may allocate):
///
/// ```text
///   File "x.py", line 1
///     x = (1]
///           ^
/// SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
/// ```
pub fn report(e: &CompileError, filename: &str, src: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    if e.kind == ErrorKind::Memory {
        let _ = writeln!(s, "MemoryError: {}", e.msg.as_str());
        return s;
    }
    let _ = writeln!(s, "  File \"{}\", line {}", filename, e.line);
    if e.line > 0 {
        if let Some(text) = src.split(|&b| b == b'\n').nth(e.line as usize - 1) {
            let text = String::from_utf8_lossy(text);
            let text = text.trim_end_matches(['\r', '\n']);
            let trimmed = text.trim_start();
            let skipped = text.chars().count() - trimmed.chars().count();
            if !trimmed.is_empty() {
                let _ = writeln!(s, "    {}", trimmed.trim_end());
                if e.col > 0 {
                    let caret = (e.col as usize).saturating_sub(1).saturating_sub(skipped);
                    let _ = writeln!(s, "    {}^", " ".repeat(caret));
                }
            }
        }
    }
    let _ = writeln!(s, "{}: {}", e.kind.name(), e.msg.as_str());
    s
}
