# range indexing, slicing, containment, index/count, len, equality and errors.
r = range(3, 20, 4)
print(list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], list(r[::-2]), r.start, r.stop, r.step)
print(7 in r, 8 in r, 7.0 in r, "7" in r, r.index(15), r.count(11), r.count(12))
try:
    r.index(4)
except ValueError as e:
    print("ValueError", e)
try:
    r[5]
except IndexError as e:
    print("IndexError", e)
for args in [(0,), (1, 2, 0), (1.5,), ("3",)]:
    try:
        range(*args)[0]
    except Exception as e:
        print(type(e).__name__, e)
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 3) == range(1, 8, 3), range(2) != range(3))
print(len(range(10, 0, -3)), list(range(10, 0, -3)), list(range(-5)), len(range(-2**20, 2**20)), range(5)[-5])
print(repr(range(5)), repr(range(1, 5)), repr(range(1, 5, 2)), bool(range(0)), bool(range(1)))
print(list(reversed(range(1, 10, 4))), sum(range(101)))
