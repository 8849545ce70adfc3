# dict.setdefault, pop, popitem, get and their error cases.
d = {"a": 1}
print(d.setdefault("a", 5), d.setdefault("b", 2), d.setdefault("c"), d)
print(d.pop("a"), d.pop("zz", "dflt"), d.pop("zz", None), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
d = {1: "x", 2: "y", 3: "z"}
print(d.get(1), d.get(5), d.get(5, 0), d.get(1.0), d.get(True))
try:
    d.get([1])
except TypeError as e:
    print("TypeError", e)
try:
    d.setdefault([], 1)
except TypeError as e:
    print("TypeError", e)
d[4] = "w"
del d[2]
d[2] = "again"
print(list(d.items()))
print(d.popitem(), list(d))
