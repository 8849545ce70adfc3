# dict keys/items views: set operations, membership, len, reversed, and live updates.
a = {1: "a", 2: "b", 3: "c"}
b = {2: "x", 3: "c", 4: "d"}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & b.items()), sorted(a.keys() & {1, 9}))
k = a.keys()
v = a.values()
it = a.items()
a[5] = "e"
print(len(k), list(k), list(v), list(it), 5 in k, (5, "e") in it, "e" in v)
print(list(reversed(a)), list(reversed(a.values())), list(reversed(a.items())))
del a[1]
print(list(k), len(v))
