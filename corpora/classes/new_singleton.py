# __new__ controlling instance creation: singletons, caching, returning other types, __init__ skipping.
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self):
        print("init runs")
a, b = Single(), Single()
print(a is b)
class Weird:
    def __new__(cls, v):
        if v < 0:
            return "negative"
        return super().__new__(cls)
    def __init__(self, v):
        print("init", v)
        self.v = v
print(Weird(5).v, Weird(-1))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("abc")
print(u, type(u).__name__, u + "d", len(u), isinstance(u, str))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(3)).__name__)
