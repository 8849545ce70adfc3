# Keyword argument order is preserved; defaults evaluated once.
def f(**kw):
    return list(kw)
print(f(b=1, a=2, c=3), f(**{"z": 1, "y": 2}))
calls = []
def default():
    calls.append(1)
    return len(calls)
def g(x=default()):
    return x
print(g(), g(), g(5), calls)
def h(a, *, b=10, c):
    return a, b, c
print(h(1, c=2), h(c=3, a=4), h(1, b=2, c=3))
