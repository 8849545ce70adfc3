# Functions as values: decorators, callbacks, partial application by closures.
def trace(fn):
    def wrapper(*args, **kw):
        r = fn(*args, **kw)
        print("call", fn.__name__, args, kw, "->", r)
        return r
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(3, b=4)
def repeat(n):
    def deco(fn):
        def run(*a):
            return [fn(*a) for _ in range(n)]
        return run
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def apply(fs, x):
    return [f(x) for f in fs]
print(apply([abs, str, lambda v: v * 2, float], -3))
print(sorted([("b", 2), ("a", 3)], key=lambda p: p[1]), list(map(lambda x: x ** 2, range(5))))
print(add.__name__, trace.__name__, (lambda: 0).__name__)
