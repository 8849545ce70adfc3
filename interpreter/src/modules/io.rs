//! `io`: `StringIO` and `BytesIO`, in-memory streams written in Python
//! (`py/io.py`, compiled at import). `print(..., file=s)` reaches them
//! through their `write` method, like any file-like object.
//!
//! Invariant: the module keeps no state outside its namespace dict.

use super::ModuleDef;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "io", init };

static SRC: &[u8] = include_bytes!("py/io.py");

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::pysrc::run(rt, d, "<io>", SRC)
}
