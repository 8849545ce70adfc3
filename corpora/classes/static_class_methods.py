# staticmethod and classmethod: calls via class and instance, inheritance, alternate constructors.
class Base:
    count = 0
    def __init__(self, v):
        self.v = v
    @classmethod
    def make(cls, v):
        cls.count += 1
        return cls(v)
    @staticmethod
    def helper(a, b):
        return a * b
    @classmethod
    def name(cls):
        return cls.__name__
class Child(Base):
    pass
b = Base.make(1)
c = Child.make(2)
print(type(b).__name__, type(c).__name__, Base.count, Child.count, b.make(3).v, Base.count)
print(Base.helper(3, 4), b.helper(2, 5), Child.helper(1, 1), Base.name(), c.name(), Child.name())
sm = Base.__dict__["helper"]
cm = Base.__dict__["make"]
print(type(sm).__name__, type(cm).__name__)
f = staticmethod(lambda: "plain")
class X:
    g = f
print(X.g(), X().g())
try:
    Base.helper(1)
except TypeError as e:
    print("TypeError", e)
