# property, staticmethod, classmethod, __getattr__, __setattr__.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls):
        return cls()
t = Temp()
t.c = 100
print(t.c, t.f, Temp.unit(), t.unit(), type(Temp.make()).__name__)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError", e)
class Dyn:
    def __getattr__(self, name):
        return "dyn_" + name
d = Dyn()
d.real = 1
print(d.real, d.anything)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value) if False else None
l = Logged()
l.x = 5
