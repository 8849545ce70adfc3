//! Abstract interpretation of a code object's bytecode (see bytecode_flow.rs).
#![allow(dead_code)]

use upy::emit::bytecode::{decode, stack_effect, Op};
use upy::obj::Code;
use upy::Value;

/// Checks `v` and every code object nested in it; returns how many.
pub fn check_code(v: Value, what: &str) -> usize {
    let c = Code::from_value(v).expect("code object");
    let code = c.code();
    let h = c.header();
    let max = h.stack_size as i64;
    let mut depth_at: Vec<i64> = vec![-1; code.len() + 1];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    for e in c.handlers() {
        assert!(e.start < e.end && (e.end as usize) <= code.len(), "{what}: bad range {e:?}");
        work.push((e.handler as usize, e.depth as i64 + 1));
    }
    let mut boundaries = vec![false; code.len() + 1];
    {
        let mut i = 0;
        while i < code.len() {
            boundaries[i] = true;
            i = decode(code, i).unwrap_or_else(|| panic!("{what}: undecodable at {i}")).next;
        }
        assert_eq!(i, code.len(), "{what}: last instruction runs past the end");
    }
    for e in c.handlers() {
        assert!(
            boundaries[e.start as usize] && boundaries[e.handler as usize],
            "{what}: handler {e:?} not on a boundary"
        );
    }
    while let Some((pc, d)) = work.pop() {
        assert!(pc < code.len(), "{what}: flow runs off the end at {pc}");
        assert!(boundaries[pc], "{what}: jump into the middle of an instruction at {pc}");
        assert!(d >= 0, "{what}: negative stack depth at {pc}");
        assert!(d <= max, "{what}: depth {d} above stack size {max} at {pc}");
        if depth_at[pc] >= 0 {
            assert_eq!(depth_at[pc], d, "{what}: inconsistent stack depth at {pc}");
            continue;
        }
        depth_at[pc] = d;
        let ins = decode(code, pc).unwrap();
        let after = d + stack_effect(ins.op, ins.a, ins.b) as i64;
        assert!(after >= 0 && after <= max, "{what}: depth {after} out of 0..={max} after {:?} at {pc}", ins.op);
        match ins.op {
            Op::LOAD_FAST
            | Op::STORE_FAST
            | Op::DELETE_FAST
            | Op::LOAD_DEREF
            | Op::STORE_DEREF
            | Op::DELETE_DEREF
            | Op::LOAD_CLOSURE
            | Op::LOAD_CLASSDEREF => {
                assert!(ins.a < h.n_locals, "{what}: slot {} out of range", ins.a)
            }
            Op::LOAD_CONST => assert!((ins.a as usize) < c.consts().len(), "{what}: const {} out of range", ins.a),
            _ => {}
        }
        match ins.op {
            Op::RETURN_VALUE | Op::RERAISE | Op::RAISE_VARARGS => {}
            Op::JUMP => work.push((ins.a as usize, d)),
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                work.push((ins.a as usize, d - 1));
                work.push((ins.next, d - 1));
            }
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                work.push((ins.a as usize, d));
                work.push((ins.next, d - 1));
            }
            Op::FOR_ITER => {
                work.push((ins.a as usize, d - 1));
                work.push((ins.next, d + 1));
            }
            Op::END_ASYNC_FOR => work.push((ins.next, d - 2)),
            _ => work.push((ins.next, after)),
        }
    }
    let mut n = 1;
    for &k in c.consts() {
        if Code::from_value(k).is_some() {
            n += check_code(k, what);
        }
    }
    n
}
