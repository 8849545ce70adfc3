# dict methods with defaults and keyword updates; get on unhashable keys.
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("b", 2), d.setdefault("b", 3), d)
d.update(c=3)
d.update({"a": 10}, d=4)
print(d, d.pop("d"), d.pop("zz", "dflt"), d)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", []), {}.fromkeys(range(3), 0))
try:
    d.get([1])
except TypeError as e:
    print("TypeError", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
k = list(d.items())
k.sort()
print(k, len(d.keys()), len(d.values()), bool({}.items()))
