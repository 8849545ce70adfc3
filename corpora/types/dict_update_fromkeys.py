# dict.update in all its forms, dict.fromkeys, dict() constructor and | operators.
d = {}
d.update({"a": 1})
d.update([("b", 2), ["c", 3]])
d.update(d=4, e=5)
d.update({"a": 0}, a=9)
print(d)
for bad in [[1, 2], [("a", 1, 2)], 5, ["ab", "cde"]]:
    try:
        d.update(bad)
        print(d)
    except Exception as e:
        print(type(e).__name__, e)
print(dict.fromkeys([1, 2, 3]), dict.fromkeys("ab", 0), dict.fromkeys([]), dict.fromkeys(range(3), []))
v = dict.fromkeys([1, 2], [])
v[1].append(5)
print(v)
print(dict(a=1, b=2), dict([(1, 2)]), dict({1: 2}, x=3), dict(zip("abc", range(3))))
try:
    dict([(1, 2)], [(3, 4)])
except TypeError as e:
    print("TypeError", e)
a = {1: 1, 2: 2}
b = {2: 20, 3: 30}
print(a | b, b | a)
a |= b
print(a)
a |= [(5, 5)]
print(a)
try:
    a | [(1, 1)]
except TypeError as e:
    print("TypeError", e)
print(a == {1: 1, 2: 20, 3: 30, 5: 5}, {1: 1} == {1: 1.0}, {} != {})
