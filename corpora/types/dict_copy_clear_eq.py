# dict.copy is shallow, clear empties shared references, equality ignores order, nested comparisons.
a = {"x": [1], "y": {"z": 2}}
b = a.copy()
b["x"].append(2)
b["new"] = 0
print(a, b, a == b)
c = a
c.clear()
print(a, c, len(a))
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: [1, 2]} == {1: [1, 2]}, {1: 1} == {1: 1, 2: 2}, {} == dict())
print({1: {2: {3: []}}} == {1: {2: {3: []}}}, {1: float("nan")} == {1: float("nan")})
for op in [lambda: {1: 1} < {2: 2}, lambda: {1: 1} + {2: 2}]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
d = dict.fromkeys("ab", 0)
e = d.copy()
e["a"] += 1
print(d, e, type(e).__name__)
