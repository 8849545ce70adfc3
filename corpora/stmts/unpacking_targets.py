# Unpacking into every kind of target.
class O:
    pass
o = O()
d = {}
l = [0, 0, 0]
o.a, d["k"], l[1] = 1, 2, 3
print(o.a, d, l)
(a, b), [c, (d1, e)] = "xy", [1, (2, 3)]
print(a, b, c, d1, e)
for (i, j), k in [((1, 2), 3), ((4, 5), 6)]:
    print(i + j + k)
x = y = z = []
x.append(1)
print(y, z is x)
a, b = b, a
print(a, b)
h, *t = [1]
print(h, t)
*i, = range(3)
print(i)
m, n = {"p": 1, "q": 2}
print(m, n)
