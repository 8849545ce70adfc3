//! The type registry: which words are type descriptors, what they are called,
//! and where an object's pointer fields are.
//!
//! The heap knows nothing of objects; the object layer registers each static type
//! descriptor here. A HEAD block whose first word equals a registered descriptor
//! address is taken to be an object of that type: heap dumps name it, and the
//! verifier checks that its pointer fields refer to nothing FREE or TAIL. The table
//! is fixed-size (no allocation after the heap is created) and open-addressed.

/// Where a type's pointer fields are, in words from the start of the object.
#[derive(Debug)]
pub struct TypeInfo {
    pub name: &'static str,
    /// Letter shown for the type in block maps (MicroPython's `mem_info(1)` style).
    pub letter: u8,
    /// Word indices that always hold a value that may be a heap pointer.
    pub fields: &'static [u32],
    /// If set, every word from this index to the end of the allocation is one.
    pub all_from: Option<u32>,
}

pub(crate) const TYPE_SLOTS: usize = 512;

#[derive(Clone, Copy)]
pub(crate) struct TypeSlot {
    pub desc: usize,
    pub info: Option<&'static TypeInfo>,
}

pub(crate) struct TypeTable {
    pub slots: [TypeSlot; TYPE_SLOTS],
    pub count: usize,
}

impl TypeTable {
    pub fn new() -> Self {
        TypeTable { slots: [TypeSlot { desc: 0, info: None }; TYPE_SLOTS], count: 0 }
    }

    #[inline]
    fn hash(desc: usize) -> usize {
        (desc >> 3).wrapping_mul(0x9E37_79B9) % TYPE_SLOTS
    }

    /// Adds or replaces a descriptor. Returns false when the table is full
    /// (three quarters used) or the descriptor is null.
    pub fn insert(&mut self, desc: usize, info: &'static TypeInfo) -> bool {
        if desc == 0 {
            return false;
        }
        let mut i = Self::hash(desc);
        loop {
            let s = &mut self.slots[i];
            if s.desc == desc {
                s.info = Some(info);
                return true;
            }
            if s.desc == 0 {
                if self.count >= TYPE_SLOTS * 3 / 4 {
                    return false;
                }
                *s = TypeSlot { desc, info: Some(info) };
                self.count += 1;
                return true;
            }
            i = (i + 1) % TYPE_SLOTS;
        }
    }

    #[inline]
    pub fn get(&self, desc: usize) -> Option<&'static TypeInfo> {
        if desc == 0 || self.count == 0 {
            return None;
        }
        let mut i = Self::hash(desc);
        loop {
            let s = &self.slots[i];
            if s.desc == desc {
                return s.info;
            }
            if s.desc == 0 {
                return None;
            }
            i = (i + 1) % TYPE_SLOTS;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (usize, &'static TypeInfo)> + '_ {
        self.slots.iter().filter_map(|s| s.info.map(|i| (s.desc, i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    static A: TypeInfo = TypeInfo { name: "a", letter: b'a', fields: &[1], all_from: None };
    static B: TypeInfo = TypeInfo { name: "b", letter: b'b', fields: &[], all_from: Some(1) };

    #[test]
    fn insert_get_collide() {
        let mut t = TypeTable::new();
        assert!(t.insert(0x1000, &A));
        // Same hash bucket after the shift-multiply? Force collisions via many inserts.
        for k in 1..200usize {
            assert!(t.insert(0x1000 + k * 8 * TYPE_SLOTS, &B));
        }
        assert_eq!(t.get(0x1000).unwrap().name, "a");
        assert_eq!(t.get(0x1000 + 8 * TYPE_SLOTS).unwrap().name, "b");
        assert!(t.get(0x2).is_none());
        assert!(!t.insert(0, &A));
        assert_eq!(t.iter().count(), 200);
    }
}
