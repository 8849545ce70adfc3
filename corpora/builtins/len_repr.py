# len and repr over built-in types and user classes, and their errors.
for v in ["", "héllo", b"ab", bytearray(3), [1, 2], (1,), {1: 2}, {1, 2, 3}, frozenset(), range(10), range(0, 10, 3), range(5, 0)]:
    print(len(v), repr(v))
class L:
    def __len__(self):
        return 7
    def __repr__(self):
        return "L()"
print(len(L()), repr(L()), [L()])
class Bad:
    def __len__(self):
        return -1
try:
    len(Bad())
except ValueError as e:
    print(type(e).__name__, e)
for bad in [1, None, 2.5]:
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(repr("it's"), repr('say "hi"'), repr("tab\tnl\n\\"), repr("\x00\x7f"))
print(repr(1.0), repr(-0.0), repr(1e100), repr(None), repr(True), repr(...))
print(repr([1, [2, (3, {4: "5"})]]))
l = [1]
l.append(l)
print(repr(l))
