# dict views and iteration order across mutation.
d = dict(zip("abcde", range(5)))
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, ("a", 0) in list(i))
d["f"] = 5
del d["a"]
print(list(k), list(v), list(i))
print(sorted(d.values(), reverse=True), sum(d.values()), [x for x in d if d[x] % 2])
for key in list(d):
    if d[key] > 2:
        del d[key]
print(d)
print({v: k for k, v in d.items()}, dict(sorted({"z": 1, "a": 2}.items())))
