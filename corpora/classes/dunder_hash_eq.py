# __hash__/__eq__ interplay: unhashable when __eq__ defined alone, dict/set key behaviour.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and o.x == self.x
    def __hash__(self):
        return self.x % 7
d = {P(1): "one", P(8): "eight"}
print(d[P(1)], d[P(8)], P(15) in d, len({P(1), P(1), P(2)}))
class EqOnly:
    def __eq__(self, o):
        return True
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError", e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)
class Big:
    def __hash__(self):
        return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
class Inherit(P):
    pass
print(Inherit(3) == P(3), {Inherit(3): 1}.get(P(3)))
class Same:
    def __hash__(self):
        return 1
s = {Same(), Same()}
print(len(s))
