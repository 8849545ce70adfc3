//! `array`: the `array` type (see `objects/array.rs`) and `typecodes`.

use super::ModuleDef;
use crate::objects::array::{ARRAY_CLASS, TYPECODES};
use crate::objects::str as pstr;
use crate::value::Value;
use crate::vm::{PResult, Rt};

pub static DEF: ModuleDef = ModuleDef { name: "array", init };

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::set(rt, d, "array", ARRAY_CLASS.value())?;
    super::set(rt, d, "ArrayType", ARRAY_CLASS.value())?;
    let t = pstr::from_str(rt, TYPECODES)?;
    super::set(rt, d, "typecodes", t)
}
