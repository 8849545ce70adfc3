//! Interned strings (MicroPython's qstr): identifiers and short strings are
//! stored once and named by a small index.
//!
//! Indices below `PREDEFINED.len()` name the static table (keywords, common
//! identifiers, dunder names); the rest live in the dynamic pool, whose storage
//! (string bytes, entry table, hash table) is three GC blocks owned by
//! `QstrPool`, which sits in the interpreter's root section.
//!
//! Invariants: an interned byte string has exactly one index; entries are never
//! removed, so an index stays valid for the life of the interpreter; the pool
//! keeps only block-start pointers (offsets into `bytes`, never interior
//! pointers); the hash table is a power of two long and at most 2/3 full.

use upy_heap::{AllocError, GcVec};

/// An interned string's index.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Qstr(pub u32);

macro_rules! predefined {
    ($($name:ident => $text:expr),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Idx { $($name,)* _Count }
        /// The predefined qstrs, by name.
        #[allow(non_upper_case_globals)]
        pub mod q {
            use super::{Idx, Qstr};
            $(pub const $name: Qstr = Qstr(Idx::$name as u32);)*
        }
        /// The static table; index = qstr.
        pub static PREDEFINED: [&str; Idx::_Count as usize] = [$($text,)*];
        /// Their hashes, computed at compile time (attribute lookups ask for them).
        static PREDEFINED_HASH: [u32; Idx::_Count as usize] = [$(hash($text.as_bytes()),)*];
    };
}

predefined! {
    EMPTY => "",
    __name__ => "__name__",
    __module__ => "__module__",
    __qualname__ => "__qualname__",
    __class__ => "__class__",
    __classcell__ => "__classcell__",
    __init__ => "__init__",
    __new__ => "__new__",
    __main__ => "__main__",
    __doc__ => "__doc__",
    __debug__ => "__debug__",
    __build_class__ => "__build_class__",
    __import__ => "__import__",
    __enter__ => "__enter__",
    __exit__ => "__exit__",
    __aenter__ => "__aenter__",
    __aexit__ => "__aexit__",
    __iter__ => "__iter__",
    __next__ => "__next__",
    __call__ => "__call__",
    __getattr__ => "__getattr__",
    __getitem__ => "__getitem__",
    __setitem__ => "__setitem__",
    __len__ => "__len__",
    __repr__ => "__repr__",
    __str__ => "__str__",
    __hash__ => "__hash__",
    __eq__ => "__eq__",
    __lt__ => "__lt__",
    __add__ => "__add__",
    __dict__ => "__dict__",
    __file__ => "__file__",
    __path__ => "__path__",
    module => "<module>",
    lambda => "<lambda>",
    listcomp => "<listcomp>",
    setcomp => "<setcomp>",
    dictcomp => "<dictcomp>",
    genexpr => "<genexpr>",
    string => "<string>",
    stdin => "<stdin>",
    dot0 => ".0",
    star => "*",
    self_ => "self",
    super_ => "super",
    object => "object",
    print => "print",
    len => "len",
    range => "range",
    int => "int",
    str => "str",
    float => "float",
    bool => "bool",
    list => "list",
    dict => "dict",
    tuple => "tuple",
    set => "set",
    isinstance => "isinstance",
    append => "append",
    format => "format",
    join => "join",
    args => "args",
    kwargs => "kwargs",
    x => "x",
    i => "i",
    n => "n",
    AssertionError => "AssertionError",
    Exception => "Exception",
    StopIteration => "StopIteration",
    False => "False",
    None => "None",
    True => "True",
    and => "and",
    as_ => "as",
    assert => "assert",
    async_ => "async",
    await_ => "await",
    break_ => "break",
    class => "class",
    continue_ => "continue",
    def => "def",
    del => "del",
    elif => "elif",
    else_ => "else",
    except => "except",
    finally => "finally",
    for_ => "for",
    from => "from",
    global => "global",
    if_ => "if",
    import => "import",
    in_ => "in",
    is => "is",
    nonlocal => "nonlocal",
    not => "not",
    or => "or",
    pass => "pass",
    raise => "raise",
    return_ => "return",
    try_ => "try",
    while_ => "while",
    with => "with",
    yield_ => "yield",
    __get__ => "__get__",
    __set__ => "__set__",
    __delete__ => "__delete__",
    __set_name__ => "__set_name__",
    __getattribute__ => "__getattribute__",
    __setattr__ => "__setattr__",
    __delattr__ => "__delattr__",
    __slots__ => "__slots__",
    __init_subclass__ => "__init_subclass__",
    metaclass => "metaclass",
}

/// Strings up to this length are interned when they appear as constants.
pub const MAX_INTERNED_CONST: usize = 40;
/// The longest interned string (identifiers are interned whatever their length,
/// up to this).
pub const MAX_QSTR_LEN: usize = 1 << 20;

#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Entry {
    off: u32,
    len: u32,
    hash: u32,
}

/// The dynamic pool. Lives inside the root state; all three vectors are GC
/// blocks found through it.
#[repr(C)]
#[derive(Default)]
pub struct QstrPool {
    bytes: GcVec<u8>,
    entries: GcVec<Entry>,
    /// Open addressing: 0 = empty, otherwise qstr index + 1.
    table: GcVec<u32>,
    used: usize,
}

#[inline]
const fn hash(s: &[u8]) -> u32 {
    // FNV-1a: short identifiers, no allocation, deterministic across builds.
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < s.len() {
        h = (h ^ s[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

impl QstrPool {
    pub const fn new() -> QstrPool {
        QstrPool { bytes: GcVec::new(), entries: GcVec::new(), table: GcVec::new(), used: 0 }
    }

    pub fn is_initialised(&self) -> bool {
        !self.table.is_empty()
    }

    /// Builds the hash table over the predefined names.
    pub fn init(&mut self) -> Result<(), AllocError> {
        if self.is_initialised() {
            return Ok(());
        }
        self.rehash(256)
    }

    /// Number of qstrs (static and dynamic).
    pub fn count(&self) -> usize {
        PREDEFINED.len() + self.entries.len()
    }

    /// The bytes of `q` (empty for an unknown index).
    pub fn get(&self, q: Qstr) -> &[u8] {
        let i = q.0 as usize;
        if i < PREDEFINED.len() {
            return PREDEFINED[i].as_bytes();
        }
        match self.entries.get(i - PREDEFINED.len()) {
            Some(e) => &self.bytes[e.off as usize..(e.off + e.len) as usize],
            None => b"",
        }
    }

    /// The text of `q`; qstrs are always valid UTF-8 (sources are validated).
    pub fn str(&self, q: Qstr) -> &str {
        core::str::from_utf8(self.get(q)).unwrap_or("?")
    }

    fn hash_of(&self, i: usize) -> u32 {
        if i < PREDEFINED.len() {
            PREDEFINED_HASH[i]
        } else {
            self.entries[i - PREDEFINED.len()].hash
        }
    }

    /// The FNV-1a hash of `q`'s bytes (as `str::hash_bytes`), without hashing
    /// them again; 0 for an unknown index.
    #[inline]
    pub fn hash(&self, q: Qstr) -> u32 {
        let i = q.0 as usize;
        if i < PREDEFINED.len() {
            PREDEFINED_HASH[i]
        } else {
            self.entries.get(i - PREDEFINED.len()).map_or(0, |e| e.hash)
        }
    }

    fn rehash(&mut self, slots: usize) -> Result<(), AllocError> {
        let mut t: GcVec<u32> = GcVec::with_capacity(slots)?;
        for _ in 0..slots {
            t.push(0)?;
        }
        let mask = slots - 1;
        for i in 0..self.count() {
            let mut s = self.hash_of(i) as usize & mask;
            while t[s] != 0 {
                s = (s + 1) & mask;
            }
            t[s] = i as u32 + 1;
        }
        self.used = self.count();
        self.table = t;
        Ok(())
    }

    /// Looks `s` up without adding it.
    pub fn find(&self, s: &[u8]) -> Option<Qstr> {
        if self.table.is_empty() {
            return PREDEFINED.iter().position(|p| p.as_bytes() == s).map(|i| Qstr(i as u32));
        }
        let h = hash(s);
        let mask = self.table.len() - 1;
        let mut slot = h as usize & mask;
        loop {
            let e = self.table[slot];
            if e == 0 {
                return None;
            }
            let q = Qstr(e - 1);
            if self.hash_of(q.0 as usize) == h && self.get(q) == s {
                return Some(q);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Interns `s` (which must be valid UTF-8 for `str` to return it).
    pub fn intern(&mut self, s: &[u8]) -> Result<Qstr, AllocError> {
        if let Some(q) = self.find(s) {
            return Ok(q);
        }
        if s.len() > MAX_QSTR_LEN || self.bytes.len() + s.len() > u32::MAX as usize / 2 {
            return Err(AllocError::OutOfMemory { requested: s.len() });
        }
        if self.table.is_empty() {
            self.init()?;
        }
        if (self.used + 1) * 3 > self.table.len() * 2 {
            let n = self.table.len() * 2;
            self.rehash(n)?;
        }
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(s)?;
        let h = hash(s);
        if let Err(e) = self.entries.push(Entry { off, len: s.len() as u32, hash: h }) {
            self.bytes.truncate(off as usize);
            return Err(e);
        }
        let idx = (self.count() - 1) as u32;
        let mask = self.table.len() - 1;
        let mut slot = h as usize & mask;
        while self.table[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.table[slot] = idx + 1;
        self.used += 1;
        Ok(Qstr(idx))
    }

    /// Heap blocks held, for tests: (bytes, entries, table) storage addresses.
    pub fn storage(&self) -> [*const u8; 3] {
        [self.bytes.storage(), self.entries.storage(), self.table.storage()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use upy_heap::{Heap, HeapConfig};

    #[test]
    fn predefined_are_found_and_new_ones_stay() {
        let heap = Heap::new(HeapConfig::with_size(1 << 18)).unwrap();
        heap.enter(|_| {
            let mut p = QstrPool::new();
            p.init().unwrap();
            assert_eq!(p.find(b"__init__"), Some(q::__init__));
            assert_eq!(p.str(q::module), "<module>");
            let a = p.intern(b"hello_world").unwrap();
            assert_eq!(p.intern(b"hello_world").unwrap(), a);
            assert_eq!(p.str(a), "hello_world");
            let mut names = [Qstr(0); 2000];
            let mut buf = [0u8; 16];
            for (i, n) in names.iter_mut().enumerate() {
                let s = fmt_name(&mut buf, i);
                *n = p.intern(s).unwrap();
            }
            for (i, n) in names.iter().enumerate() {
                let s = fmt_name(&mut buf, i);
                assert_eq!(p.find(s), Some(*n));
                assert_eq!(p.get(*n), s);
            }
            assert_eq!(p.intern(b"").unwrap(), q::EMPTY);
        });
    }

    fn fmt_name(buf: &mut [u8; 16], mut i: usize) -> &[u8] {
        let mut n = 0;
        buf[n] = b'v';
        n += 1;
        loop {
            buf[n] = b'0' + (i % 10) as u8;
            n += 1;
            i /= 10;
            if i == 0 {
                break;
            }
        }
        &buf[..n]
    }
}
