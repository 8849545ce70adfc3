# Argument binding errors, with CPython's messages.
def check(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print("TypeError", e)
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
def h(x, /, y):
    return x
def none():
    return 0
check(f, 1)
check(f)
check(f, 1, 2, 3)
check(f, 1, b=2, a=3)
check(f, 1, 2, c=3)
check(g, 1)
check(g, 1, 2, 3)
check(g, 1, 2, 3, c=1)
check(h, x=1, y=2)
check(none, 1)
check(g)
def many(a, b, c, d):
    pass
check(many, 1)
check(len)
check(len, 1, 2)
check(isinstance, 1)
class A:
    def m(self, x):
        return x
check(A().m)
check(A().m, 1, 2)
