//! A generator of large, varied, valid Python modules for the bench and the
//! memory-rule test. Deterministic: the same `lines` gives the same text.
#![allow(dead_code)]

use std::fmt::Write;

/// About `lines` lines of Python exercising most of the grammar.
pub fn module(lines: usize) -> String {
    let mut s = String::with_capacity(lines * 40);
    s.push_str("import os, sys\nfrom collections import OrderedDict as OD\n\nCONST = 0x7fff_ffff\n\n");
    let mut n = 0;
    let mut k = 0;
    while n < lines {
        let _ = write!(
            s,
            r#"
class Shape{k}(object):
    """A shape, number {k}."""
    sides = {k}

    def __init__(self, w, h=2.5, *args, scale=1, **kw):
        self.w = w
        self.h = h
        self.extra = [a * scale for a in args if a]
        self.opts = {{key: val for key, val in kw.items()}}

    def area(self):
        total = 0
        for i in range(self.sides):
            if i % 2 == 0 and not i > 10:
                total += self.w * i
            elif i in (3, 5, 7):
                continue
            else:
                total -= self.h ** 2
        return total

    @property
    def label(self):
        return f"shape {{self.sides!r:>8}} w={{self.w:.3f}} {{self.h=}}"

def compute_{k}(xs, ys=None):
    result = []
    try:
        with open("data_{k}.txt") as fh, open("out") as out:
            data = fh.read().split("\n")
    except (IOError, ValueError) as e:
        data = []
        raise RuntimeError("failed") from e
    finally:
        result.append(len(xs))
    def inner(a, b=lambda q: q + 1):
        nonlocal result
        result = [b(a)] + result
        yield from result
    total = sum(x * y for x, y in zip(xs, ys or xs))
    lookup = {{"a": 1, "b": [1, 2, 3], "c": (4, 5), **{{"d": {{6, 7}}}}}}
    a, *rest, z = xs[1:-1:2]
    while total > 1000000:
        total //= 3
        if total & 0xff == 0: break
    assert total >= 0, "negative total {k}"
    return inner(total), lookup, rest, z
"#
        );
        n += 48;
        k += 1;
    }
    s
}
