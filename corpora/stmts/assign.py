# Assignment forms: chained, augmented, unpacking, subscript and attribute targets.
a = b = c = 5
a += 1
b -= 2
c *= 3
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
l = [1, 2, 3]
l[0] += 10
l[-1] *= 2
print(l)
d = {"k": 1}
d["k"] += 5
d.setdefault("z", 0)
d["z"] -= 1
print(d)
s = "ab"
s += "cd"
s *= 2
print(s)
n = 17
n //= 3
n **= 2
n %= 7
n <<= 3
n >>= 1
n |= 1
n &= 0xff
n ^= 5
print(n)
[p, q], r = "pq", "r"
print(p, q, r)
i = 0
l = [0, 0, 0]
i, l[i] = 1, 5
print(i, l)
f = 1.5
f /= 2
print(f)
