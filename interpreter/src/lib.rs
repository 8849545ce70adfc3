//! `upy`: a MicroPython-compatible Python interpreter whose every working
//! buffer lives in the conservatively scanned GC heap of `upy-heap`.
//!
//! The compiler pipeline, one stage per module:
//! `lexer` → `parse` (+ `ast`) → `scope` → `compile` → `emit::bytecode`, with
//! `showbc` disassembling the result. `value` is the word encoding of Python
//! values, `qstr` the interned strings, `obj` the object layer (type
//! descriptors, constants, code objects), `state` the root state and `Vm`.

pub mod ast;
pub mod compile;
pub mod emit;
pub mod error;
pub mod lexer;
pub mod obj;
pub mod parse;
pub mod qstr;
pub mod scope;
pub mod showbc;
pub mod state;
pub mod token;
pub mod value;

pub use compile::compile;
pub use error::{CompileError, ErrorKind};
pub use parse::Mode;
pub use state::{Ctx, RootState, Vm};
pub use value::Value;
