class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *a, **k):
        print('creating', cls.__name__)
        return super().__call__(*a, **k)
    def hello(cls):
        return 'hello ' + cls.__name__

class A(metaclass=Meta):
    def __init__(self, v):
        self.v = v

a = A(3)
print(a.v, A.tag, A.hello(), type(A) is Meta, isinstance(A, Meta))

class B(A):
    pass
print(B.tag, type(B).__name__)
b = B(1)

T = type('T', (object,), {'x': 5, 'f': lambda self: self.x + 1})
t = T()
print(T.__name__, t.x, t.f(), type(t).__name__)
U = type('U', (T,), {})
print(U().f(), U.__bases__[0].__name__, U.__mro__[1] is T)
print(type(5).__name__, type('s') is str)
try:
    type('X', 5, {})
except TypeError as e:
    print('TypeError', e)

class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Reg.registry.append(name)
class Base(metaclass=Reg): pass
class D1(Base): pass
class D2(Base): pass
print(Reg.registry)
