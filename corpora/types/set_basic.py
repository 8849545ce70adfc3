# set and frozenset (printed sorted: iteration order is not part of the test).
s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(sorted(s), len(s), 1 in s, 3 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.issubset([1, 2]), {1, 2}.isdisjoint({3}), {1} == {1}, {1} == frozenset([1]))
f = frozenset([1, 2, 2])
print(sorted(f), len(f), hash(f) == hash(frozenset([2, 1])), {f: 1}[frozenset([1, 2])])
print(set(), frozenset(), set("aab") == {"a", "b"}, len(set(range(100))))
t = set()
t.update([1, 2], (3,))
print(sorted(t), t.pop() in {1, 2, 3}, len(t))
u = {1, 2, 3}
u |= {4}
u &= {1, 2, 4}
u -= {1}
print(sorted(u))
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
