//! `json`: dumps, loads, dump, load and JSONDecodeError, written in Python
//! (`py/json.py`, compiled at import) after CPython's output format and
//! error messages.
//!
//! Invariant: the module keeps no state outside its namespace dict.

use super::ModuleDef;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "json", init };

static SRC: &[u8] = include_bytes!("py/json.py");

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::pysrc::run(rt, d, "<json>", SRC)
}
