# Default values are evaluated once at definition time; mutable defaults persist.
calls = []
def make():
    calls.append(1)
    return len(calls)
def f(x=make(), y=[]):
    y.append(x)
    return y
print(f(), f(), f(5), f(y=[]), len(calls))
n = 10
def g(v=n):
    return v
n = 20
print(g(), g(3))
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
print(f.__defaults__[0], len(f.__defaults__), g.__defaults__)
def k(a, *, b=1, c):
    return a, b, c
print(k(0, c=2))
