# Defaults are evaluated at definition time; keyword-only defaults; defaults referencing globals.
base = 10
def f(x=base, y=[]):
    y.append(x)
    return y
base = 20
print(f(), f(), f(1, []), f())
def g(*, a=base, b):
    return a, b
print(g(b=1), g(a=2, b=3))
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2), h(3, [0]))
print(f.__defaults__[0], g.__name__)
