# Insertion order survives updates, pops and re-insertions; equality ignores order.
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d, list(d))
d.pop("l")
d["l"] = 0
print(list(d), d == dict(sorted(d.items())), {1: 2, 3: 4} == {3: 4, 1: 2})
e = dict.fromkeys(range(5))
del e[2]
e[2] = "back"
print(e, list(e.keys()), list(reversed(list(e))))
print(min(d), max(d.values()), sorted(d, key=d.get)[:3])
print({k: v for k, v in d.items() if v > 1})
