# reversed and sorted: sequences, ranges, __reversed__, key/reverse, stability, errors.
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(0, 10, 3))))
print(list(reversed([])), "".join(reversed("héllo")))
class R:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(R())))
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(S())))
for bad in [{1: 2}, {1, 2}, 5, (x for x in [])]:
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted([2.5, 1, True, -3]))
l = [5, 2]
s = sorted(l)
print(s is l, l)
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(type(e).__name__)
print(sorted(x % 4 for x in range(10)))
