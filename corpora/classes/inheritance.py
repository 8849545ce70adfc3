# Single and multiple inheritance, C3 MRO, super().
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.who(), d.chain(), [k.__name__ for k in D.__mro__])
print(isinstance(d, A), issubclass(D, C), issubclass(C, B))
class Base:
    def __init__(self, v):
        self.v = v
class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
x = Derived(1, 2)
print(x.v, x.w)
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
try:
    class Bad(X, Z): pass
except TypeError as e:
    print("TypeError", e)
