//! `collections`: `OrderedDict` and `defaultdict` are dict flavours written in
//! Rust (`objects/ordereddict.rs`, `objects/defaultdict.rs`: real dicts, so
//! `isinstance(d, dict)` holds and every dict operation applies); `deque` and
//! `namedtuple` are Python, embedded (`py/collections.py`) and compiled at
//! import.
//!
//! Invariant: the module keeps no state outside its namespace dict.

use super::ModuleDef;
use crate::objects::{defaultdict, ordereddict};
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "collections", init };

static SRC: &[u8] = include_bytes!("py/collections.py");

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    // The VM finds special methods by interned name: make sure these exist.
    for n in ["__missing__", "__repr__"] {
        rt.intern(n.as_bytes())?;
    }
    super::set(rt, d, "OrderedDict", ordereddict::ORDEREDDICT_CLASS.value())?;
    super::set(rt, d, "defaultdict", defaultdict::DEFAULTDICT_CLASS.value())?;
    super::pysrc::run(rt, d, "<collections>", SRC)
}
