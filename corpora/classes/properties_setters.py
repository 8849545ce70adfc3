# property with getter/setter/deleter, read-only property errors, property in subclasses.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        self._c = None
    @property
    def f(self):
        return self._c * 9 // 5 + 32
t = Temp()
t.c = 100
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError", e)
del t.c
print(t.c)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError")
try:
    del t.f
except AttributeError as e:
    print("AttributeError")
class Sub(Temp):
    @property
    def c(self):
        return "sub"
s = Sub()
print(s.c)
try:
    s.c = 1
except AttributeError:
    print("AttributeError")
print(type(Temp.c).__name__, Temp.c.fget is not None, Temp.f.fset is None)
p = property(lambda self: 42)
class Q:
    x = p
print(Q().x)
