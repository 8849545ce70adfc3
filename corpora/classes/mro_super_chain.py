# Multiple inheritance: MRO (C3), cooperative super() chains, and inconsistent MRO errors.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Init:
    def __init__(self, **kw):
        print("Init", sorted(kw))
class X(Init):
    def __init__(self, x=0, **kw):
        print("X", x)
        super().__init__(**kw)
class Y(Init):
    def __init__(self, y=0, **kw):
        print("Y", y)
        super().__init__(**kw)
class Z(X, Y):
    pass
Z(x=1, y=2, extra=3)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError", e)
print(D.__bases__ == (B, C), issubclass(D, A), super(B, D()).who())
