# Builtin constructors consuming protocols: dict() from keys()/__getitem__ objects, int()/float() via __index__/__int__/__float__.
class KeysObj:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k.upper()
print(dict(KeysObj()), dict(KeysObj(), c=3))
d = {}
d.update(KeysObj())
print(d)
class OnlyIndex:
    def __index__(self):
        return 7
class OnlyFloat:
    def __float__(self):
        return 2.5
print(int(OnlyIndex()), float(OnlyFloat()), range(OnlyIndex())[-1])
try:
    int(OnlyFloat())
except TypeError as e:
    print("TypeError", e)
print(list({1: 2, 3: 4}), tuple("ab"), set([1, 1, 2]) == {1, 2}, frozenset(range(3)) == {0, 1, 2}, list(map(tuple, ["ab"])))
