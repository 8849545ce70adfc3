//! `random`: CPython's Mersenne Twister (MT19937) and the 3.11 algorithms
//! built on it, so a seeded sequence is CPython's, number for number.
//!
//! `Random(x)` objects carry a generator of their own with the same
//! methods (and getstate/setstate). State lives in a dict, never in Rust
//! statics: the module's dict (found through `sys.modules`) for the module
//! functions, the object's attribute dict for a `Random`. In it, `_mt` is a
//! bytearray of 625 little-endian u32 words (the 624-word state, then the
//! index of the next word), `_gauss_next` the spare normal deviate of
//! `gauss` (or None).
//!
//! Seeding follows CPython: an int seeds `init_by_array` with the 32-bit
//! words of its absolute value; a str, bytes or bytearray `a` with the int
//! `a + sha512(a).digest()` read big-endian; a float with its (64-bit)
//! hash; None with the time and process id. Integer results use `_randbelow_with_getrandbits`
//! (rejection sampling on `n.bit_length()` bits), so `randrange`, `randint`,
//! `choice`, `shuffle` and `sample` consume the generator as CPython does.

use super::{sha512, ModuleDef};
use crate::objects::class as cls;
use crate::objects::{bytearray, dict, float, instance, int, kind, list, module, str as pstr, tuple, Kind, OrMem};
use crate::value::Value;
use crate::vm::{ops, subscr, PResult, Rt, SLOT_MODULES};
use core::cmp::Ordering;
use upy_heap::GcVec;

pub static DEF: ModuleDef = ModuleDef { name: "random", init };

crate::methods! { FNS:
    SEED = "seed", seed, Static;
    RANDOM = "random", random, Static;
    GETRANDBITS = "getrandbits", getrandbits, Static;
    RANDRANGE = "randrange", randrange, Static;
    RANDINT = "randint", randint, Static;
    CHOICE = "choice", choice, Static;
    CHOICES = "choices", choices, Static;
    SHUFFLE = "shuffle", shuffle, Static;
    SAMPLE = "sample", sample, Static;
    UNIFORM = "uniform", uniform, Static;
    GAUSS = "gauss", gauss, Static;
    RANDBYTES = "randbytes", randbytes, Static;
    TRIANGULAR = "triangular", triangular, Static;
    GETSTATE = "getstate", getstate, Static;
    SETSTATE = "setstate", setstate, Static;
    RANDOM_CLASS = "Random", new_random, Static;
}

crate::methods! { METHODS:
    M_SEED = "seed", m_seed, Method;
    M_RANDOM = "random", m_random, Method;
    M_GETRANDBITS = "getrandbits", m_getrandbits, Method;
    M_RANDRANGE = "randrange", m_randrange, Method;
    M_RANDINT = "randint", m_randint, Method;
    M_CHOICE = "choice", m_choice, Method;
    M_CHOICES = "choices", m_choices, Method;
    M_SHUFFLE = "shuffle", m_shuffle, Method;
    M_SAMPLE = "sample", m_sample, Method;
    M_UNIFORM = "uniform", m_uniform, Method;
    M_GAUSS = "gauss", m_gauss, Method;
    M_RANDBYTES = "randbytes", m_randbytes, Method;
    M_TRIANGULAR = "triangular", m_triangular, Method;
    M_GETSTATE = "getstate", m_getstate, Method;
    M_SETSTATE = "setstate", m_setstate, Method;
}

/// Each operation `NAME_in(rt, holder, args, kwargs)` as a module function
/// (state in the module dict) and as a method of `Random` objects (state
/// in the object's attribute dict).
macro_rules! both {
    ($($f:ident, $m:ident => $imp:ident;)*) => {$(
        fn $f(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
            let h = module_dict(rt)?;
            $imp(rt, h, a, k)
        }
        fn $m(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
            let h = self_dict(rt, a)?;
            $imp(rt, h, &a[1..], k)
        }
    )*};
}

both! {
    seed, m_seed => seed_in;
    random, m_random => random_in;
    getrandbits, m_getrandbits => getrandbits_in;
    randrange, m_randrange => randrange_in;
    randint, m_randint => randint_in;
    choice, m_choice => choice_in;
    choices, m_choices => choices_in;
    shuffle, m_shuffle => shuffle_in;
    sample, m_sample => sample_in;
    uniform, m_uniform => uniform_in;
    gauss, m_gauss => gauss_in;
    randbytes, m_randbytes => randbytes_in;
    triangular, m_triangular => triangular_in;
    getstate, m_getstate => getstate_in;
    setstate, m_setstate => setstate_in;
}

const N: usize = 624;
const M: usize = 397;

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)?;
    new_state(rt, d)?;
    // The class of `Random(x)` objects (made by the `Random` function).
    let name = rt.intern(b"Random")?;
    let bases = tuple::new(rt, &[cls::OBJECT_CLASS.value()])?;
    let ns = dict::new(rt)?;
    let m = pstr::from_str(rt, "random")?;
    super::set(rt, ns, "__module__", m)?;
    for f in METHODS {
        super::set(rt, ns, f.name, f.value())?;
    }
    let c = cls::new_class(rt, name, bases, ns, &cls::OBJECT_CLASS)?;
    let mro = tuple::new(rt, &[c, cls::OBJECT_CLASS.value()])?;
    cls::set_mro(c, mro);
    super::set(rt, d, "_Random", c)
}

/// A fresh generator, seeded from the time, in the dict `d`.
fn new_state(rt: &mut Rt, d: Value) -> PResult<()> {
    let st = bytearray::new(rt, &[0u8; (N + 1) * 4])?;
    super::set(rt, d, "_mt", st)?;
    super::set(rt, d, "_gauss_next", Value::NONE)?;
    seed_from_time(st);
    Ok(())
}

/// `Random(x=None)`: an independent generator object seeded with `x`.
fn new_random(rt: &mut Rt, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() > 1 {
        return Err(rt.type_error(format_args!("Random() takes at most 1 argument ({} given)", a.len())));
    }
    let c = super::structseq::class_in(rt, "random", "_Random")?;
    let o = crate::vm::classes::instantiate(rt, c, &[], &[])?;
    let h = instance::parts(o).1;
    new_state(rt, h)?;
    seed_in(rt, h, a, k)?;
    Ok(o)
}

/// The attribute dict of a `Random` object `a[0]`, which holds its state.
fn self_dict(rt: &mut Rt, a: &[Value]) -> PResult<Value> {
    if let Some(&o) = a.first() {
        if kind(o) == Kind::Instance {
            let d = instance::parts(o).1;
            let q = rt.intern(b"_mt")?;
            if dict::is_dict(d) && dict::get_qstr(rt, d, q)?.is_some() {
                return Ok(d);
            }
        }
    }
    Err(rt.type_error(format_args!("descriptor requires a 'Random' object")))
}

/// `getstate()`: (3, the 624 state words and the index, gauss_next), as
/// CPython's.
fn getstate_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if !a.is_empty() {
        return Err(rt.type_error(format_args!("getstate() takes no arguments ({} given)", a.len())));
    }
    let words = tuple::new_uninit(rt, N + 1)?;
    for i in 0..=N {
        let w = state(rt, h)?.get(i);
        let v = int::from_u64(rt, w as u64)?;
        tuple::set(words, i, v);
    }
    let q = rt.intern(b"_gauss_next")?;
    let g = dict::get_qstr(rt, h, q)?.unwrap_or(Value::NONE);
    tuple::new(rt, &[si(3), words, g])
}

/// `setstate(state)`: back to a state `getstate` returned.
fn setstate_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("setstate() takes exactly one argument ({} given)", a.len())));
    }
    let st = a[0];
    let ok = tuple::is_tuple(st) && tuple::len(st) == 3;
    if !ok || tuple::items(st)[0] != si(3) {
        return Err(rt.value_error(format_args!("state with version {} passed to Random.setstate() of version 3", "?")));
    }
    let (words, g) = (tuple::items(st)[1], tuple::items(st)[2]);
    if !tuple::is_tuple(words) || tuple::len(words) != N + 1 {
        return Err(rt.value_error(format_args!("state vector is the wrong size")));
    }
    let mut vals = [0u32; N + 1];
    for (i, &w) in tuple::items(words).iter().enumerate() {
        match int::to_i64(w) {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => vals[i] = x as u32,
            _ => return Err(rt.overflow_error(format_args!("Python int too large to convert to C unsigned long"))),
        }
    }
    if vals[N] as usize > N {
        return Err(rt.value_error(format_args!("invalid state")));
    }
    let mut mt = state(rt, h)?;
    for (i, &w) in vals.iter().enumerate() {
        mt.set(i, w);
    }
    set_gauss_next(rt, h, g)?;
    Ok(Value::NONE)
}

// ---- the generator ----

/// The state words of the `_mt` bytearray (625 of them).
struct Mt(&'static mut [u8]);

impl Mt {
    fn get(&self, i: usize) -> u32 {
        u32::from_le_bytes([self.0[4 * i], self.0[4 * i + 1], self.0[4 * i + 2], self.0[4 * i + 3]])
    }
    fn set(&mut self, i: usize, v: u32) {
        self.0[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
    }

    fn init_genrand(&mut self, s: u32) {
        self.set(0, s);
        for i in 1..N {
            let p = self.get(i - 1);
            self.set(i, 1_812_433_253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32));
        }
        self.set(N, N as u32);
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let p = self.get(i - 1);
            let kj = key.get(j).copied().unwrap_or(0);
            let v = (self.get(i) ^ (p ^ (p >> 30)).wrapping_mul(1_664_525)).wrapping_add(kj).wrapping_add(j as u32);
            self.set(i, v);
            i += 1;
            j += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.get(i - 1);
            let v = (self.get(i) ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            self.set(i, v);
            i += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
        }
        self.set(0, 0x8000_0000);
    }

    fn next_u32(&mut self) -> u32 {
        let mut idx = self.get(N) as usize;
        if idx >= N {
            for k in 0..N {
                let y = (self.get(k) & 0x8000_0000) | (self.get((k + 1) % N) & 0x7fff_ffff);
                let mag = if y & 1 != 0 { 0x9908_b0df } else { 0 };
                self.set(k, self.get((k + M) % N) ^ (y >> 1) ^ mag);
            }
            idx = 0;
        }
        let mut y = self.get(idx);
        self.set(N, idx as u32 + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k <= 64: the first word is the low one.
    fn bits64(&mut self, k: u32) -> u64 {
        if k == 0 {
            0
        } else if k <= 32 {
            (self.next_u32() >> (32 - k)) as u64
        } else {
            let lo = self.next_u32() as u64;
            let hi = (self.next_u32() >> (64 - k)) as u64;
            lo | (hi << 32)
        }
    }
}

fn seed_from_time(st: Value) {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let key = [t.as_nanos() as u32, t.as_secs() as u32, std::process::id()];
    Mt(bytearray::data(st)).init_by_array(&key);
}

/// The module dict of `random` (from `sys.modules`).
fn module_dict(rt: &mut Rt) -> PResult<Value> {
    let q = rt.intern(b"random")?;
    let mods = rt.st.runtime[SLOT_MODULES];
    match dict::get(rt, mods, Value::qstr(q))? {
        Some(m) if kind(m) == Kind::Module => Ok(module::parts(m).1),
        _ => Err(rt.runtime_error(format_args!("random: module state lost from sys.modules"))),
    }
}

fn state(rt: &mut Rt, d: Value) -> PResult<Mt> {
    let q = rt.intern(b"_mt")?;
    match dict::get_qstr(rt, d, q)? {
        Some(v) if bytearray::is_bytearray(v) && bytearray::data(v).len() == (N + 1) * 4 => Ok(Mt(bytearray::data(v))),
        _ => Err(rt.runtime_error(format_args!("random: state corrupted"))),
    }
}

fn set_gauss_next(rt: &mut Rt, d: Value, v: Value) -> PResult<()> {
    super::set(rt, d, "_gauss_next", v)
}

fn si(i: i64) -> Value {
    Value::small_int(i as isize).unwrap_or(Value::NONE)
}

// ---- seeding ----

/// CPython's 64-bit hash of a float (the seed of `seed(float)`), the same
/// on every architecture.
fn hash64(f: f64) -> i64 {
    const BITS: i32 = 61;
    const P: u64 = (1 << BITS) - 1;
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = libm::frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & P) | (x >> (BITS - e));
    let r = if f < 0.0 { -(x as i64) } else { x as i64 };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// The bytes a str, bytes or bytearray seed stands for (a str's UTF-8).
fn seed_bytes(rt: &Rt, x: Value) -> Option<GcVec<u8>> {
    let src = if pstr::is_str(x) {
        pstr::bytes_of(rt, x)?
    } else if let Some(b) = crate::objects::bytes::data(x) {
        b
    } else if bytearray::is_bytearray(x) {
        bytearray::data(x)
    } else {
        return None;
    };
    let mut v = GcVec::new();
    v.extend_from_slice(src).ok()?;
    Some(v)
}

fn seed_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    if a.len() > 2 {
        return Err(
            rt.type_error(format_args!("seed() takes from 1 to 3 positional arguments but {} were given", a.len() + 1))
        );
    }
    let mut x = a.first().copied().unwrap_or(Value::NONE);
    for pair in k.chunks(2) {
        if pstr::text(rt, pair[0]) == "a" {
            x = pair[1];
        }
    }
    let x = super::plain(rt, x)?;
    let mut st = state(rt, h)?;
    if x == Value::NONE {
        let q = rt.intern(b"_mt")?;
        if let Some(v) = dict::get_qstr(rt, h, q)? {
            seed_from_time(v);
        }
    } else {
        let n = if float::is_float(x) {
            // CPython seeds with the hash as a size_t (two's complement).
            int::from_u64(rt, hash64(float::get(x)) as u64)?
        } else if int::is_int(x) {
            x
        } else if let Some(data) = seed_bytes(rt, x) {
            // Version 2: int.from_bytes(a + sha512(a).digest()), big-endian.
            let d = sha512::digest(&data);
            let mut all: GcVec<u8> = GcVec::new();
            all.extend_from_slice(&data).or_mem(rt)?;
            all.extend_from_slice(&d).or_mem(rt)?;
            let mut words: GcVec<u32> = GcVec::new();
            for c in all.rchunks(4) {
                let mut w = [0u8; 4];
                w[4 - c.len()..].copy_from_slice(c);
                words.push(u32::from_be_bytes(w)).or_mem(rt)?;
            }
            int::make(rt, false, &words)?
        } else {
            return Err(rt.type_error(format_args!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."
            )));
        };
        let n = if n == Value::TRUE {
            si(1)
        } else if n == Value::FALSE {
            si(0)
        } else {
            n
        };
        let mut b = [0; 2];
        let r = int::view(n, &mut b);
        let mut key: GcVec<u32> = GcVec::new();
        key.extend_from_slice(r.mag).or_mem(rt)?;
        if key.is_empty() {
            key.push(0).or_mem(rt)?;
        }
        st.init_by_array(&key);
    }
    set_gauss_next(rt, h, Value::NONE)?;
    Ok(Value::NONE)
}

// ---- numbers ----

fn random_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if !a.is_empty() {
        return Err(rt.type_error(format_args!("random() takes no arguments ({} given)", a.len())));
    }
    let f = state(rt, h)?.next_f64();
    float::new(rt, f)
}

/// `getrandbits(k)` as an int of any size.
fn randbits(rt: &mut Rt, h: Value, k: u64) -> PResult<Value> {
    let mut st = state(rt, h)?;
    if k <= 64 {
        let r = st.bits64(k as u32);
        return int::from_u64(rt, r);
    }
    let mut words: GcVec<u32> = GcVec::new();
    let mut left = k;
    while left > 0 {
        let mut w = st.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        words.push(w).or_mem(rt)?;
        left = left.saturating_sub(32);
    }
    int::make(rt, false, &words)
}

fn getrandbits_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("getrandbits() takes exactly one argument ({} given)", a.len())));
    }
    let k = ops::to_index(rt, a[0])?;
    if k < 0 {
        return Err(rt.value_error(format_args!("number of bits must be non-negative")));
    }
    randbits(rt, h, k as u64)
}

/// A random int in [0, n) for n > 0 (CPython's `_randbelow_with_getrandbits`).
fn randbelow(rt: &mut Rt, h: Value, n: Value) -> PResult<Value> {
    let k = int::bit_length(n);
    if let Some(nv) = int::to_i64(n) {
        let nv = nv as u64;
        let mut st = state(rt, h)?;
        loop {
            let r = st.bits64(k as u32);
            if r < nv {
                return int::from_u64(rt, r);
            }
        }
    }
    loop {
        let r = randbits(rt, h, k)?;
        if int::cmp(r, n) == Ordering::Less {
            return Ok(r);
        }
    }
}

fn randbelow_usize(rt: &mut Rt, h: Value, n: usize) -> PResult<usize> {
    let k = usize::BITS - n.leading_zeros();
    let mut st = state(rt, h)?;
    loop {
        let r = st.bits64(k) as usize;
        if r < n {
            return Ok(r);
        }
    }
}

/// An int argument of randrange; integral floats are accepted (3.11 only
/// warns), others raise `ValueError('non-integer {what} for randrange()')`.
fn range_arg(rt: &mut Rt, v: Value, what: &str) -> PResult<Value> {
    if float::is_float(v) {
        let f = float::get(v);
        if f.is_finite() && f == f.trunc() {
            return int::from_f64(rt, f);
        }
        return Err(rt.value_error(format_args!("non-integer {what} for randrange()")));
    }
    if int::is_int(v) || kind(v) == Kind::Instance {
        return super::math::to_int(rt, v);
    }
    // 3.11 falls back to int(x) and rejects it unless it equals x.
    crate::vm::classes::to_int(rt, v, None)?;
    Err(rt.value_error(format_args!("non-integer {what} for randrange()")))
}

fn randrange_impl(rt: &mut Rt, h: Value, start: Value, stop: Value, step: Value) -> PResult<Value> {
    let istart = range_arg(rt, start, "arg 1")?;
    if stop == Value::NONE {
        if step != Value::NONE {
            return Err(rt.type_error(format_args!("Missing a non-None stop argument")));
        }
        if int::cmp(istart, si(0)) == Ordering::Greater {
            return randbelow(rt, h, istart);
        }
        return Err(rt.value_error(format_args!("empty range for randrange()")));
    }
    let istop = range_arg(rt, stop, "stop")?;
    let width = int::sub(rt, istop, istart)?;
    let istep = if step == Value::NONE { si(1) } else { range_arg(rt, step, "step")? };
    if istep == si(1) {
        if int::cmp(width, si(0)) == Ordering::Greater {
            let r = randbelow(rt, h, width)?;
            return int::add(rt, istart, r);
        }
        let (a, b, c) = (int::to_i64(istart), int::to_i64(istop), int::to_i64(width));
        if let (Some(a), Some(b), Some(c)) = (a, b, c) {
            return Err(rt.value_error(format_args!("empty range for randrange() ({a}, {b}, {c})")));
        }
        return Err(rt.value_error(format_args!("empty range for randrange()")));
    }
    let n = match int::cmp(istep, si(0)) {
        Ordering::Greater => {
            let t = int::add(rt, width, istep)?;
            let t = int::sub(rt, t, si(1))?;
            int::divmod(rt, t, istep)?.0
        }
        Ordering::Less => {
            let t = int::add(rt, width, istep)?;
            let t = int::add(rt, t, si(1))?;
            int::divmod(rt, t, istep)?.0
        }
        Ordering::Equal => return Err(rt.value_error(format_args!("zero step for randrange()"))),
    };
    if int::cmp(n, si(0)) != Ordering::Greater {
        return Err(rt.value_error(format_args!("empty range for randrange()")));
    }
    let r = randbelow(rt, h, n)?;
    let off = int::mul(rt, istep, r)?;
    int::add(rt, istart, off)
}

fn randrange_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE; 3];
    if a.len() > 3 {
        return Err(rt.type_error(format_args!(
            "randrange() takes from 2 to 4 positional arguments but {} were given",
            a.len() + 1
        )));
    }
    let mut have_start = !a.is_empty();
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "start" => {
                v[0] = pair[1];
                have_start = true;
            }
            "stop" => v[1] = pair[1],
            "step" => v[2] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("randrange() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    if !have_start {
        return Err(rt.type_error(format_args!("randrange() missing 1 required positional argument: 'start'")));
    }
    randrange_impl(rt, h, v[0], v[1], v[2])
}

fn randint_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(
            rt.type_error(format_args!("randint() takes 3 positional arguments but {} were given", a.len() + 1))
        );
    }
    let b = range_arg(rt, a[1], "stop")?;
    let b1 = int::add(rt, b, si(1))?;
    randrange_impl(rt, h, a[0], b1, Value::NONE)
}

// ---- sequences ----

fn seq_len(rt: &mut Rt, v: Value) -> PResult<usize> {
    Ok(ops::len(rt, v)? as usize)
}

fn choice_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("choice() takes 2 positional arguments but {} were given", a.len() + 1)));
    }
    let n = seq_len(rt, a[0])?;
    if n == 0 {
        return Err(rt.index_error(format_args!("Cannot choose from an empty sequence")));
    }
    let j = randbelow_usize(rt, h, n)?;
    subscr::getitem(rt, a[0], si(j as i64))
}

fn shuffle_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(
            rt.type_error(format_args!("shuffle() takes 2 positional arguments but {} were given", a.len() + 1))
        );
    }
    let x = a[0];
    let n = seq_len(rt, x)?;
    for i in (1..n).rev() {
        let j = randbelow_usize(rt, h, i + 1)?;
        if list::is_list(x) {
            list::items(x).swap(i, j);
        } else {
            let xi = subscr::getitem(rt, x, si(i as i64))?;
            let xj = subscr::getitem(rt, x, si(j as i64))?;
            subscr::setitem(rt, x, si(i as i64), xj)?;
            subscr::setitem(rt, x, si(j as i64), xi)?;
        }
    }
    Ok(Value::NONE)
}

fn is_sequence(rt: &Rt, v: Value) -> bool {
    if kind(v) == Kind::Instance {
        // Instances of subclasses of the built-in sequences.
        let c = ops::type_of(rt, v);
        return [&cls::LIST_CLASS, &cls::TUPLE_CLASS, &cls::STR_CLASS, &cls::BYTES_CLASS, &cls::BYTEARRAY_CLASS]
            .iter()
            .any(|b| cls::is_subclass(c, b.value()));
    }
    matches!(kind(v), Kind::List | Kind::Tuple | Kind::Str | Kind::Range | Kind::Bytes | Kind::ByteArray)
        || pstr::is_str(v)
        || tuple::is_tuple(v)
}

fn sample_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE; 2];
    let mut given = a.len();
    if a.len() > 2 {
        return Err(rt.type_error(format_args!("sample() takes 3 positional arguments but {} were given", a.len() + 1)));
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "population" => v[0] = pair[1],
            "k" => {
                v[1] = pair[1];
                given = given.max(2);
            }
            "counts" if pair[1] == Value::NONE => {}
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("sample() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    if given < 2 {
        return Err(rt.type_error(format_args!("sample() missing 1 required positional argument: 'k'")));
    }
    let pop = v[0];
    if !is_sequence(rt, pop) {
        return Err(rt.type_error(format_args!("Population must be a sequence.  For dicts or sets, use sorted(d).")));
    }
    let n = seq_len(rt, pop)?;
    let kk = ops::to_index(rt, v[1])?;
    if kk < 0 || kk as usize > n {
        return Err(rt.value_error(format_args!("Sample larger than population or is negative")));
    }
    let kk = kk as usize;
    let result = list::new(rt, kk)?;
    let mut setsize = 21usize;
    if kk > 5 {
        let e = (libm::log((kk * 3) as f64) / libm::log(4.0)).ceil();
        setsize += 4usize.pow(e as u32);
    }
    if n <= setsize {
        let pool = ops::to_list(rt, pop)?;
        let pool = if pool == pop { list::from_slice(rt, list::items(pop))? } else { pool };
        for i in 0..kk {
            let j = randbelow_usize(rt, h, n - i)?;
            let items = list::items(pool);
            let x = items[j];
            items[j] = items[n - i - 1];
            list::append(rt, result, x)?;
        }
    } else {
        // Indices already taken, kept sorted for lookup.
        let mut selected: GcVec<usize> = GcVec::new();
        for _ in 0..kk {
            let mut j = randbelow_usize(rt, h, n)?;
            while selected.binary_search(&j).is_ok() {
                j = randbelow_usize(rt, h, n)?;
            }
            let at = selected.binary_search(&j).unwrap_or_else(|p| p);
            selected.insert(at, j).or_mem(rt)?;
            let x = subscr::getitem(rt, pop, si(j as i64))?;
            list::append(rt, result, x)?;
        }
    }
    Ok(result)
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn choices_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE; 4];
    v[3] = si(1);
    if a.is_empty() || a.len() > 2 {
        return Err(rt.type_error(format_args!(
            "choices() takes from 2 to 3 positional arguments but {} were given",
            a.len() + 1
        )));
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "weights" => v[1] = pair[1],
            "cum_weights" => v[2] = pair[1],
            "k" => v[3] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("choices() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let pop = v[0];
    let n = seq_len(rt, pop)?;
    let kk = ops::to_index(rt, v[3])?.max(0) as usize;
    let out = list::new(rt, kk)?;
    if v[1] == Value::NONE && v[2] == Value::NONE {
        let nf = n as f64;
        for _ in 0..kk {
            let r = state(rt, h)?.next_f64();
            let j = (r * nf).floor() as i64;
            let x = subscr::getitem(rt, pop, si(j))?;
            list::append(rt, out, x)?;
        }
        return Ok(out);
    }
    if v[1] != Value::NONE && v[2] != Value::NONE {
        return Err(rt.type_error(format_args!("Cannot specify both weights and cumulative weights")));
    }
    // The cumulative weights as floats (summed in order, as itertools.accumulate).
    let src = if v[2] != Value::NONE { v[2] } else { v[1] };
    let ws = ops::to_list(rt, src)?;
    let mut cum: GcVec<f64> = GcVec::new();
    let mut acc = 0.0;
    for (i, &w) in list::items(ws).iter().enumerate() {
        let f = super::math::to_f(rt, w)?;
        acc = if v[2] != Value::NONE || i == 0 { f } else { acc + f };
        cum.push(acc).or_mem(rt)?;
    }
    if cum.len() != n {
        return Err(rt.value_error(format_args!("The number of weights does not match the population")));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(rt.value_error(format_args!("Total of weights must be greater than zero")));
    }
    if !total.is_finite() {
        return Err(rt.value_error(format_args!("Total of weights must be finite")));
    }
    let hi = n - 1;
    for _ in 0..kk {
        let x = state(rt, h)?.next_f64() * total;
        // bisect_right over cum[0..hi].
        let (mut lo, mut up) = (0usize, hi);
        while lo < up {
            let mid = (lo + up) / 2;
            if x < cum[mid] {
                up = mid;
            } else {
                lo = mid + 1;
            }
        }
        let item = subscr::getitem(rt, pop, si(lo as i64))?;
        list::append(rt, out, item)?;
    }
    Ok(out)
}

fn uniform_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(
            rt.type_error(format_args!("uniform() takes 3 positional arguments but {} were given", a.len() + 1))
        );
    }
    // a + (b - a) * random(), with the generic operators as CPython.
    let r = state(rt, h)?.next_f64();
    let r = float::new(rt, r)?;
    let w = ops::binary(rt, 1, a[1], a[0])?;
    let w = ops::binary(rt, 2, w, r)?;
    ops::binary(rt, 0, a[0], w)
}

/// `gauss(mu=0.0, sigma=1.0)`: Box-Muller, keeping the second deviate.
fn gauss_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE; 2];
    if a.len() > 2 {
        return Err(rt.type_error(format_args!(
            "gauss() takes from 1 to 3 positional arguments but {} were given",
            a.len() + 1
        )));
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "mu" => v[0] = pair[1],
            "sigma" => v[1] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("gauss() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let mu = if v[0] == Value::NONE { 0.0 } else { super::math::to_f(rt, v[0])? };
    let sigma = if v[1] == Value::NONE { 1.0 } else { super::math::to_f(rt, v[1])? };
    let q = rt.intern(b"_gauss_next")?;
    let next = dict::get_qstr(rt, h, q)?.unwrap_or(Value::NONE);
    set_gauss_next(rt, h, Value::NONE)?;
    let z = if float::is_float(next) {
        float::get(next)
    } else {
        let mut st = state(rt, h)?;
        let x2pi = st.next_f64() * core::f64::consts::TAU;
        let g2rad = (-2.0 * libm::log(1.0 - st.next_f64())).sqrt();
        let spare = float::new(rt, libm::sin(x2pi) * g2rad)?;
        set_gauss_next(rt, h, spare)?;
        libm::cos(x2pi) * g2rad
    };
    float::new(rt, mu + z * sigma)
}

/// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
fn randbytes_in(rt: &mut Rt, h: Value, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("randbytes() takes exactly one argument ({} given)", a.len())));
    }
    let n = ops::to_index(rt, a[0])?;
    if n < 0 {
        return Err(rt.value_error(format_args!("number of bits must be non-negative")));
    }
    let n = n as usize;
    let mut out: GcVec<u8> = GcVec::with_capacity(n).or_mem(rt)?;
    let mut bits = n as u64 * 8;
    while bits > 0 {
        let mut w = state(rt, h)?.next_u32();
        if bits < 32 {
            w >>= 32 - bits;
        }
        let take = (bits.min(32) / 8) as usize;
        out.extend_from_slice(&w.to_le_bytes()[..take]).or_mem(rt)?;
        bits = bits.saturating_sub(32);
    }
    crate::objects::bytes::new(rt, &out)
}

/// `triangular(low=0.0, high=1.0, mode=None)`, with the generic operators
/// only where CPython's arithmetic is on floats anyway.
fn triangular_in(rt: &mut Rt, h: Value, a: &[Value], k: &[Value]) -> PResult<Value> {
    let mut v = [Value::NONE; 3];
    if a.len() > 3 {
        return Err(rt.type_error(format_args!(
            "triangular() takes from 1 to 4 positional arguments but {} were given",
            a.len() + 1
        )));
    }
    v[..a.len()].copy_from_slice(a);
    for pair in k.chunks(2) {
        match pstr::text(rt, pair[0]) {
            "low" => v[0] = pair[1],
            "high" => v[1] = pair[1],
            "mode" => v[2] = pair[1],
            _ => {
                let key = pstr::text(rt, pair[0]);
                return Err(rt.type_error(format_args!("triangular() got an unexpected keyword argument '{key}'")));
            }
        }
    }
    let mut low = if v[0] == Value::NONE { 0.0 } else { super::math::to_f(rt, v[0])? };
    let mut high = if v[1] == Value::NONE { 1.0 } else { super::math::to_f(rt, v[1])? };
    let mut u = state(rt, h)?.next_f64();
    let mut c = if v[2] == Value::NONE {
        0.5
    } else {
        let mode = super::math::to_f(rt, v[2])?;
        if high == low {
            // CPython's (mode - low) / (high - low) fails; it returns low as given.
            return if v[0] == Value::NONE { float::new(rt, low) } else { Ok(v[0]) };
        }
        (mode - low) / (high - low)
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        core::mem::swap(&mut low, &mut high);
    }
    float::new(rt, low + (high - low) * (u * c).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_hash_is_cpythons_64_bit_hash() {
        assert_eq!(hash64(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash64(-2.0), -2);
        assert_eq!(hash64(-1.0), -2);
        assert_eq!(hash64(0.1), 230_584_300_921_369_408);
    }
}
