# *args/**kwargs edge cases: empty, generators, dict views, keyword-only after *args.
def f(*args, sep="-", **kw):
    return sep.join(str(a) for a in args) + str(sorted(kw.items()))
print(f(), f(1, 2), f(*range(4), sep="+"), f(*"abc", x=1), f(*(i * i for i in range(3))))
print(f(*{"k": 1}.keys()), f(*{"k": 1}.values()), f(**{"sep": ":"}), f(1, *[2], 3, *(4,)))
def g(a, *, b):
    return a, b
try:
    g(1, 2)
except TypeError as e:
    print("TypeError", e)
def h(a, b, /, c=3, *rest, d, **kw):
    return a, b, c, rest, d, kw
print(h(1, 2, d=4), h(1, 2, 3, 4, 5, d=6, e=7))
