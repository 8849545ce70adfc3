//! `micropython`: const, opt_level, mem_info, qstr_info, stack_use,
//! heap_lock, heap_unlock, heap_locked — MicroPython's introspection module
//! over our heap.
//!
//! `mem_info` prints in MicroPython's layout (`stack:`, `GC:` and the
//! block-count line; with an argument, the block map of `gc_dump_alloc_table`:
//! 64 blocks a line, `.` free, `=` tail, `m` marked, and for a head a letter
//! for its type, `h` when no letter applies). It formats into fixed stack
//! buffers and writes straight to stdout: printing the heap never allocates,
//! so the map shows the heap as the program left it.
//!
//! Invariant: `heap_lock` nests (the heap counts lock depth); while locked,
//! every allocation raises the preallocated MemoryError.

use super::ModuleDef;
use crate::objects::int;
use crate::value::Value;
use crate::vm::{ops, PResult, Rt};
use core::fmt::Write;
use upy_heap::layout::BlockKind;
use upy_heap::text::FixedStr;

pub static DEF: ModuleDef = ModuleDef { name: "micropython", init };

crate::methods! { FNS:
    CONST = "const", const_, Static;
    OPT_LEVEL = "opt_level", opt_level, Static;
    MEM_INFO = "mem_info", mem_info, Static;
    QSTR_INFO = "qstr_info", qstr_info, Static;
    STACK_USE = "stack_use", stack_use, Static;
    HEAP_LOCK = "heap_lock", heap_lock, Static;
    HEAP_UNLOCK = "heap_unlock", heap_unlock, Static;
    HEAP_LOCKED = "heap_locked", heap_locked, Static;
}

fn init(rt: &mut Rt, d: Value) -> PResult<()> {
    super::add_fns(rt, d, FNS)
}

fn at_most(rt: &Rt, name: &str, a: &[Value], n: usize) -> PResult<()> {
    if a.len() > n {
        return Err(rt.type_error(format_args!(
            "function takes at most {n} positional arguments but {} were given ({name})",
            a.len()
        )));
    }
    Ok(())
}

fn const_(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    if a.len() != 1 {
        return Err(rt.type_error(format_args!("function takes 1 positional arguments but {} were given", a.len())));
    }
    Ok(a[0])
}

/// The optimisation level is reported, never used: the compiler has one mode.
fn opt_level(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    at_most(rt, "opt_level", a, 1)?;
    if let Some(&v) = a.first() {
        ops::to_index(rt, v)?;
        return Ok(Value::NONE);
    }
    Ok(Value::small_int(0).unwrap_or(Value::NONE))
}

fn stack_used(rt: &Rt) -> usize {
    let marker = 0u8;
    let here = core::hint::black_box(&marker) as *const u8 as usize;
    rt.stack_base.saturating_sub(here)
}

fn stack_use(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    int::from_u64(rt, stack_used(rt) as u64)
}

fn line<const N: usize>(rt: &mut Rt, s: &FixedStr<N>) {
    rt.out.write(s.as_bytes());
}

/// MicroPython's letter for a head block of the type called `name`.
fn type_letter(name: &str) -> u8 {
    match name {
        "tuple" => b'T',
        "list" => b'L',
        "dict" | "OrderedDict" | "defaultdict" => b'D',
        "str" | "bytes" | "const-str" | "const-bytes" => b'S',
        "bytearray" | "array" => b'A',
        "float" | "const-float" => b'F',
        "function" => b'B',
        "module" => b'M',
        _ => b'h',
    }
}

const PER_LINE: usize = 64;

/// The block map, in `gc_dump_alloc_table`'s layout.
fn dump_alloc_table(rt: &mut Rt) {
    let n = rt.heap.block_count();
    let block = upy_heap::layout::BLOCK_SIZE;
    let mut s = FixedStr::<96>::new();
    let _ = write!(s, "GC memory layout; from {:#x}:", rt.heap.pool_range().0);
    line(rt, &s);
    let mut bl = 0;
    while bl < n {
        if bl % PER_LINE == 0 {
            let mut b2 = bl;
            while b2 < n && rt.heap.block_info(b2).0 == BlockKind::Free {
                b2 += 1;
            }
            if b2 - bl >= 2 * PER_LINE {
                s.clear();
                let _ = write!(s, "\n       ({} lines all free)", (b2 - bl) / PER_LINE);
                line(rt, &s);
                bl = b2 & !(PER_LINE - 1);
                if bl >= n {
                    break;
                }
            }
            s.clear();
            let _ = write!(s, "\n{:05x}: ", (bl * block) & 0xfffff);
            line(rt, &s);
        }
        let mut row = [0u8; PER_LINE];
        let end = (bl + PER_LINE - bl % PER_LINE).min(n);
        for (i, b) in (bl..end).enumerate() {
            let (k, t) = rt.heap.block_info(b);
            row[i] = match k {
                BlockKind::Free => b'.',
                BlockKind::Tail => b'=',
                BlockKind::Mark => b'm',
                BlockKind::Head => t.map_or(b'h', |t| type_letter(t.name)),
            };
        }
        rt.out.write(&row[..end - bl]);
        bl = end;
    }
    rt.out.write(b"\n");
}

fn mem_info(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    at_most(rt, "mem_info", a, 1)?;
    let info = rt.heap.info();
    let mut s = FixedStr::<256>::new();
    let _ = writeln!(s, "stack: {} out of {}", stack_used(rt), rt.stack_limit);
    let _ = writeln!(s, "GC: total: {}, used: {}, free: {}", info.total, info.used, info.free);
    let _ = writeln!(
        s,
        " No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}",
        info.num_1block, info.num_2block, info.max_block, info.max_free
    );
    line(rt, &s);
    if !a.is_empty() {
        dump_alloc_table(rt);
    }
    Ok(Value::NONE)
}

fn qstr_info(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    at_most(rt, "qstr_info", a, 1)?;
    let n = rt.st.qstr.count();
    let mut bytes = 0;
    for i in 0..n {
        bytes += rt.st.qstr.get(crate::qstr::Qstr(i as _)).len();
    }
    let mut s = FixedStr::<160>::new();
    let _ = writeln!(s, "qstr pool: n_pool=1, n_qstr={n}, n_str_data_bytes={bytes}, n_total_bytes={bytes}");
    line(rt, &s);
    Ok(Value::NONE)
}

fn heap_lock(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    at_most(rt, "heap_lock", a, 0)?;
    rt.heap.lock();
    Ok(Value::NONE)
}

/// Returns the lock depth left, as MicroPython does.
fn heap_unlock(rt: &mut Rt, a: &[Value], _k: &[Value]) -> PResult<Value> {
    at_most(rt, "heap_unlock", a, 0)?;
    rt.heap.unlock();
    heap_locked(rt, a, _k)
}

fn heap_locked(rt: &mut Rt, _a: &[Value], _k: &[Value]) -> PResult<Value> {
    Ok(Value::small_int(rt.heap.lock_depth() as isize).unwrap_or(Value::NONE))
}
