//! `Value`: every Python value is one machine word with tag bits.
//!
//! ```text
//!  low bits   meaning           payload                          example (x64)
//!  ........1  small int         (word as isize) >> 1             5    -> 0x0b
//!  .......10  interned string   qstr index = word >> 2           q7   -> 0x1e
//!  ......100  immediate         id = word >> 3:                  None -> 0x04
//!                                0 None, 1 False, 2 True,        False-> 0x0c
//!                                3 Ellipsis, 4 NotImplemented    True -> 0x14
//!  ......000  object pointer    the word itself; never null
//! ```
//!
//! Small ints hold `isize::BITS - 1` bits: -2^62..2^62-1 on x64, -2^30..2^30-1
//! on x86. An object pointer is 8-byte aligned (heap objects start on a block
//! boundary; static objects are `#[repr(align(8))]`) and the object's first
//! word is a pointer to its static type descriptor. A pointer `Value` stored in
//! a heap block is always the HEAD address of its block, never an interior
//! pointer, so the collector's exact-head rule finds it.
//!
//! Invariant: the encoding above is the whole truth; nothing else inspects or
//! builds tag bits.

use crate::qstr::Qstr;

#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(usize);

/// Ids of the immediate objects (`word >> 3`).
pub mod imm {
    pub const NONE: usize = 0;
    pub const FALSE: usize = 1;
    pub const TRUE: usize = 2;
    pub const ELLIPSIS: usize = 3;
    pub const NOT_IMPLEMENTED: usize = 4;
}

const TAG_INT: usize = 0b1;
const TAG_QSTR: usize = 0b10;
const TAG_IMM: usize = 0b100;

impl Value {
    pub const NONE: Value = Value::immediate(imm::NONE);
    pub const FALSE: Value = Value::immediate(imm::FALSE);
    pub const TRUE: Value = Value::immediate(imm::TRUE);
    pub const ELLIPSIS: Value = Value::immediate(imm::ELLIPSIS);
    pub const NOT_IMPLEMENTED: Value = Value::immediate(imm::NOT_IMPLEMENTED);

    pub const SMALL_INT_MIN: isize = isize::MIN >> 1;
    pub const SMALL_INT_MAX: isize = isize::MAX >> 1;

    #[inline]
    pub const fn from_bits(w: usize) -> Value {
        Value(w)
    }

    #[inline]
    pub const fn bits(self) -> usize {
        self.0
    }

    /// A small int, or `None` if `i` needs a big int.
    #[inline]
    pub const fn small_int(i: isize) -> Option<Value> {
        if i < Self::SMALL_INT_MIN || i > Self::SMALL_INT_MAX {
            None
        } else {
            Some(Value(((i as usize) << 1) | TAG_INT))
        }
    }

    #[inline]
    pub const fn is_small_int(self) -> bool {
        self.0 & 1 == TAG_INT
    }

    #[inline]
    pub const fn as_small_int(self) -> Option<isize> {
        if self.is_small_int() {
            Some((self.0 as isize) >> 1)
        } else {
            None
        }
    }

    #[inline]
    pub const fn qstr(q: Qstr) -> Value {
        Value(((q.0 as usize) << 2) | TAG_QSTR)
    }

    #[inline]
    pub const fn is_qstr(self) -> bool {
        self.0 & 0b11 == TAG_QSTR
    }

    #[inline]
    pub const fn as_qstr(self) -> Option<Qstr> {
        if self.is_qstr() {
            Some(Qstr((self.0 >> 2) as u32))
        } else {
            None
        }
    }

    #[inline]
    pub const fn immediate(id: usize) -> Value {
        Value((id << 3) | TAG_IMM)
    }

    #[inline]
    pub const fn is_immediate(self) -> bool {
        self.0 & 0b111 == TAG_IMM
    }

    #[inline]
    pub const fn immediate_id(self) -> Option<usize> {
        if self.is_immediate() {
            Some(self.0 >> 3)
        } else {
            None
        }
    }

    /// An object pointer. `p` must be 8-aligned and non-null.
    #[inline]
    pub fn from_ptr<T>(p: *const T) -> Value {
        debug_assert!(!p.is_null() && (p as usize) & 0b111 == 0);
        Value(p as usize)
    }

    #[inline]
    pub const fn is_ptr(self) -> bool {
        self.0 & 0b111 == 0 && self.0 != 0
    }

    #[inline]
    pub fn as_ptr<T>(self) -> Option<*const T> {
        if self.is_ptr() {
            Some(self.0 as *const T)
        } else {
            None
        }
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "int({i})")
        } else if let Some(q) = self.as_qstr() {
            write!(f, "qstr({})", q.0)
        } else if let Some(id) = self.immediate_id() {
            write!(f, "imm({id})")
        } else {
            write!(f, "ptr(0x{:x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_match_the_table() {
        assert_eq!(Value::small_int(5).unwrap().bits(), 0b1011);
        assert_eq!(Value::small_int(-1).unwrap().bits(), usize::MAX);
        assert_eq!(Value::small_int(Value::SMALL_INT_MAX).unwrap().as_small_int(), Some(Value::SMALL_INT_MAX));
        assert_eq!(Value::small_int(Value::SMALL_INT_MIN).unwrap().as_small_int(), Some(Value::SMALL_INT_MIN));
        assert!(Value::small_int(Value::SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(Value::SMALL_INT_MIN - 1).is_none());
        assert_eq!(Value::qstr(Qstr(7)).bits(), 0x1e);
        assert_eq!(Value::qstr(Qstr(7)).as_qstr(), Some(Qstr(7)));
        assert_eq!(Value::NONE.bits(), 0x04);
        assert_eq!(Value::FALSE.bits(), 0x0c);
        assert_eq!(Value::TRUE.bits(), 0x14);
        assert_eq!(Value::ELLIPSIS.immediate_id(), Some(imm::ELLIPSIS));
        assert!(!Value::NONE.is_ptr() && !Value::NONE.is_qstr() && !Value::NONE.is_small_int());
        // 8-aligned on every target (a u64 is only 4-aligned on i686).
        #[repr(align(8))]
        struct Aligned(#[allow(dead_code)] u64);
        static X: Aligned = Aligned(0);
        let v = Value::from_ptr(&X);
        assert!(v.is_ptr() && !v.is_small_int() && !v.is_qstr() && !v.is_immediate());
    }
}
