# dict comprehension with duplicate keys (last wins, first position kept) and equal keys of different types.
print({k % 3: k for k in range(10)})
print({x: i for i, x in enumerate("abcab")})
print({1: "a", 1.0: "b", True: "c"}, {True: 1, 1: 2})
d = {k: v for k, v in [("x", 1), ("y", 2), ("x", 3)]}
print(d, list(d))
print({(i, j): i * j for i in range(2) for j in range(2)})
try:
    {[i]: i for i in range(2)}
except TypeError as e:
    print("TypeError", e)
