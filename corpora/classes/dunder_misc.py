# __class__, __name__, type(), isinstance with user classes, bound method identity, __len__ and __bool__.
class A:
    def m(self):
        return self.__class__.__name__
class B(A):
    pass
b = B()
print(b.m(), type(b) is B, type(b).__mro__[1].__name__, B.__name__, A.__qualname__, isinstance(b, (int, A)))
print(b.m == b.m, B.m is A.m, callable(b.m), type(A), type(B.m).__name__, type(b.m).__name__)
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Sized(3)), bool(Sized(0)), bool(Sized(2)), "yes" if Sized(0) else "no")
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError", e)
class Str:
    def __str__(self):
        return "as str"
    def __repr__(self):
        return "as repr"
s = Str()
print(s, str(s), repr(s), [s], f"{s}", f"{s!r}", "%s %r" % (s, s))
