# NotImplemented from binary dunders: fallback to reflected, in-place falls back to binary, final TypeError.
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __iadd__(self, o):
        print("A.__iadd__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B wins"
print(A() + B())
x = A()
x += B()
print(x)
try:
    A() + A()
except TypeError as e:
    print("TypeError", e)
class C:
    def __add__(self, o):
        return "C+" + type(o).__name__
    def __iadd__(self, o):
        return NotImplemented
c = C()
c += 1
print(c)
class D:
    def __mul__(self, o):
        return NotImplemented
    def __rmul__(self, o):
        return NotImplemented
try:
    D() * 3
except TypeError as e:
    print("TypeError", e)
try:
    3 * D()
except TypeError as e:
    print("TypeError", e)
