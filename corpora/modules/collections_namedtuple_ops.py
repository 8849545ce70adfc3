# namedtuple: field access, indexing, unpacking, _replace/_asdict/_fields/_make and comparisons.
from collections import namedtuple
P = namedtuple("P", "x y")
Q = namedtuple("Q", ["a", "b", "c"])
p = P(1, y=2)
print(p, p.x, p[1], p == (1, 2), tuple(p), len(p), p + (3,), P._fields, Q._fields)
x, y = p
print(x, y, p._replace(x=9), p._asdict()["y"], P._make([5, 6]), Q(1, 2, 3) > Q(1, 2, 0))
for call in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: p._replace(z=1)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    p.x = 5
except AttributeError:
    print("AttributeError")
print(sorted([P(2, 1), P(1, 5), P(1, 2)]), hash(P(1, 2)) == hash((1, 2)))
