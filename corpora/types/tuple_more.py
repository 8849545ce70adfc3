# Tuples as records: sorting, comparison with mixed types, nested unpacking in loops.
recs = [("b", 2, 3.5), ("a", 2, 1.0), ("a", 1, 9.9), ("c", 0, 0.0)]
print(sorted(recs), max(recs), min(recs, key=lambda r: r[2]))
print((1, 2, 3) < (1, 2, 3, 0), (1, "a") == (1, "a"), (1, 2) != (1, 2.0), () < (0,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError", e)
for name, (lo, hi) in [("x", (0, 1)), ("y", (2, 3))]:
    print(name, lo + hi)
t = tuple(range(10))
print(t[2:8:2], t[::-3], t.count(3), len(t * 2), sum(t), t + (10,))
