# Nested tuple packing/unpacking, swaps, tuples as dict keys and singleton syntax.
a, (b, c), [d, e] = 1, (2, 3), (4, 5)
print(a, b, c, d, e)
x, y = 1, 2
x, y = y, x
print(x, y)
p = q = r = (1, 2)
print(p is q is r)
t = 1,
print(t, type(t).__name__, (), type(()).__name__, (1), ((1,),))
pts = {(0, 0): "origin", (1, 2): "p"}
print(pts[0, 0], pts[(1, 2)], (0, 0) in pts)
(a, b), c = "xy", "z"
print(a, b, c)
for (i, j), k in [((1, 2), 3)]:
    print(i + j + k)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as ex:
    print("ValueError", ex)
