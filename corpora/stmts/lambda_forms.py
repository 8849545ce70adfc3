# lambda with defaults, *args, **kwargs, keyword-only, nested lambdas and immediate calls.
f = lambda: 42
g = lambda a, b=2, *c, d=4, **e: (a, b, c, d, sorted(e.items()))
print(f(), g(1), g(1, 3, 5, 6, d=7, z=8), (lambda x: x * 2)(21))
add = lambda x: lambda y: x + y
print(add(3)(4), [(lambda i=i: i * i)() for i in range(4)])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), (lambda *a: a)(), (lambda **k: k)(x=1))
print((lambda a, /, b: a - b)(5, b=2), (lambda *, k: k)(k="kw"))
try:
    (lambda a: a)()
except TypeError as e:
    print("TypeError", e)
try:
    (lambda *, k: k)(1)
except TypeError as e:
    print("TypeError", e)
print(f.__name__, (lambda: None)() is None)
