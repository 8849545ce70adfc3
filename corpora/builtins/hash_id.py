# hash and id: equal values hash equal, unhashable types, id identity, __hash__ overrides.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False) == hash(0.0))
print(hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)))
print(hash(-1) == hash(-1.0), hash(2**70) == hash(2**70), hash(1.5) == hash(1.5))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for bad in [[], {}, set(), bytearray(b"x"), ([],)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class E:
    def __eq__(self, o):
        return True
try:
    hash(E())
except TypeError as e:
    print(type(e).__name__, e)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), isinstance(id(a), int))
x = object()
print(id(x) == id(x))
print(type(hash(None)).__name__, type(hash(3.25)).__name__)
