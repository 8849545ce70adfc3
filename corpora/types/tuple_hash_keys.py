# Tuples, frozensets and numbers as dict keys and set members.
d = {}
for i in range(20):
    d[(i % 4, i % 3)] = d.get((i % 4, i % 3), 0) + i
print(sorted(d.items()))
s = {(1, 2), (1, 2), (2, 1), frozenset([1, 2]), frozenset([2, 1])}
print(len(s), (2, 1) in s, frozenset({1, 2}) in s)
m = {1: "a", 1.0: "b", 2.5: "c", -0.0: "zero", 0: "int zero"}
print(m)
print({(): 0, ((),): 1, ("a", ("b",)): 2}[("a", ("b",))])
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1.0, 2.0)), hash("a") == hash("a"))
