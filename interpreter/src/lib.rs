//! `upy`: a MicroPython-compatible Python interpreter whose every working
//! buffer lives in the conservatively scanned GC heap of `upy-heap`.
//!
//! The compiler pipeline, one stage per module:
//! `lexer` → `parse` (+ `ast`) → `scope` → `compile` → `emit::bytecode`, with
//! `showbc` disassembling the result. `value` is the word encoding of Python
//! values, `qstr` the interned strings, `obj` the object layer (type
//! descriptors, constants, code objects), `state` the root state and `Vm`.
//!
//! For the runtime: create a `Vm` (heap + root state, qstr table built),
//! `vm.enter(|cx| compile(cx, src, filename, Mode::Exec))` returns a `Value`
//! pointing at a code object (`obj::CodeObj`, viewed through `obj::Code`), or
//! a `CompileError` (kind, message, line, column) to raise as
//! `SyntaxError`/`IndentationError`/`TabError`/`MemoryError`. Constants are
//! tagged `Value`s (small ints, qstrs, None/True/False/Ellipsis) or pointers
//! to the constant objects described in `obj` (const-str, const-bytes,
//! const-int, const-float, const-complex, nested code objects). The
//! instruction set and its stack conventions are documented in
//! `emit::bytecode`; `emit::bytecode::decode` reads one instruction.
//! `RootState::runtime` has slots for the runtime's own global roots.
//!
//! The runtime: `objects` (one file per object type) and `vm` (the
//! dispatch loop, generic operations, built-ins).

pub mod ast;
pub mod compile;
pub mod emit;
pub mod error;
pub mod fuzzing;
pub mod lexer;
pub mod modules;
pub mod obj;
pub mod objects;
pub mod parse;
pub mod qstr;
pub mod scope;
pub mod showbc;
pub mod state;
pub mod token;
pub mod value;
pub mod vm;

pub use compile::compile;
pub use error::{CompileError, ErrorKind};
pub use parse::Mode;
pub use state::{Ctx, RootState, Vm};
pub use value::Value;
