# Calls: positional, keyword, defaults, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 7, "z": 8}))
def g(x, y, /, z, *, w):
    return x, y, z, w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*args):
    return args
print(h(), h(1), h(*range(3), 9))
def k(**kw):
    return sorted(kw.items())
print(k(), k(a=1, b=2), k(**{"x": 1}, y=2))
def defaults(a=[]):
    a.append(1)
    return a
print(defaults(), defaults(), defaults([0]))
args = (1,)
kwargs = {"c": 3}
print(f(*args, **kwargs), f(0, *args, c=1))
