# tuple: packing, unpacking, slicing, comparison, hashing.
t = (1, "a", 2.5, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], (), (1,), tuple([1, 2]), tuple("ab"))
a, b, c, d = t
print(a, b, c, d)
first, *rest = t
*init, last = t
x, *mid, y = t
print(first, rest, init, last, x, mid, y)
print((1, 2) + (3,), (1,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 9), 2 in t, t.index("a"), (1, 1, 2).count(1))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (u, v) in enumerate([(1, 2), (3, 4)]):
    print(i, u, v)
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def unpack2():
    a, b = (1, 2, 3)
def unpack3():
    a, b, c = (1, 2)
def unpack_int():
    a, b = 5
def star_short():
    a, b, *c = (1,)
check(unpack2)
check(unpack3)
check(unpack_int)
check(star_short)
check(lambda: (1, 2)[2])
check(lambda: (1,).index(5))
check(lambda: hash(([],)))
