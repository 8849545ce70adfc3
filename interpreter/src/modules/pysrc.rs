//! Modules written partly in Python: their source is embedded in the binary
//! (`modules/py/*.py`) and compiled into the module's namespace at import,
//! like any imported file. The source text is a Rust static (never on the
//! GC heap); everything compiling and running it makes lives in the heap.
//!
//! Invariant: an embedded source must compile; a failure to do so is
//! reported as the Python exception the compiler gives (a `SyntaxError`
//! naming `<NAME>`), never a panic.

use crate::value::Value;
use crate::vm::{PResult, Rt};

/// Compiles `src` and runs it with `d` (the new module's dict) as globals.
pub fn run(rt: &mut Rt, d: Value, file: &str, src: &[u8]) -> PResult<()> {
    let fq = rt.intern(file.as_bytes())?;
    let code = match crate::compile::compile_with(&mut rt.st.qstr, src, fq, crate::Mode::Exec) {
        Ok(c) => c,
        Err(e) => return Err(crate::vm::compile_error(rt, &e, file)),
    };
    let f = crate::objects::function::new(rt, code, d, Value::NONE, Value::NONE, Value::NONE)?;
    crate::vm::interp::call_function(rt, f, &[], &[], d)?;
    Ok(())
}
