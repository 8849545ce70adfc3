# __new__ and __init__, singletons, returning other types from __new__.
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Weird:
    def __new__(cls):
        return 42
print(Weird())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)
class WithInit:
    def __init__(self, a, b=2):
        self.s = a + b
print(WithInit(1).s, WithInit(1, b=5).s)
try:
    WithInit()
except TypeError as e:
    print("TypeError", e)
