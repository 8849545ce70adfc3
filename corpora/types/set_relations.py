# Subset/superset/disjoint relations, comparison operators and frozenset interplay.
a, b, c = {1, 2}, {1, 2, 3}, {4}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, b < a)
print(a.issubset(b), a.issubset([1, 2]), b.issuperset((1,)), a.isdisjoint(c), a.isdisjoint([2]))
print(a == frozenset({1, 2}), frozenset(a) <= b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
print(set() <= set(), set() < set(), set().isdisjoint(set()))
try:
    a < [1, 2, 3]
except TypeError as e:
    print("TypeError", e)
try:
    a.issubset(5)
except TypeError as e:
    print("TypeError", e)
print(sorted(a.union([5], (6,))), sorted(b.intersection([1], [1, 2])), sorted(b.difference([1], [2])))
print(sorted(a.symmetric_difference([2, 3])))
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
fs = frozenset([1, 2, 3])
print(sorted(fs), len(fs), 2 in fs, fs == {1, 2, 3}, fs.copy() == fs)
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError", e)
d = {fs: "frozen"}
print(d[frozenset([3, 2, 1])])
try:
    {a: 1}
except TypeError as e:
    print("TypeError", e)
print({frozenset(): 0}[frozenset()], frozenset() == set())
