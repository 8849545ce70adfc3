# dict: insertion order, update, deletion, views.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], "a" in d, "z" in d, d.get("z", 0), list(d), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 5
print(d, d.keys(), d.values(), d.items())
print(d.pop("b"), d.pop("zz", None), d.setdefault("x", []), d.setdefault("c", 99), d)
d.update({"y": 1}, z=2)
d.update([("w", 0)])
print(d, d.popitem(), d)
e = dict(a=1, b=2)
print(e, dict([(1, 2), (3, 4)]), dict(e), dict.fromkeys("ab", 0), e == {"b": 2, "a": 1}, e != {})
f = {1: "int", 1.0: "float", True: "bool"}
print(f, {(1, 2): "t", None: "n", "": "e"})
for k in {"x": 1, "y": 2}:
    print(k)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
c = e.copy()
c.clear()
print(c, e, {**e, "c": 3}, e | {"z": 0})
