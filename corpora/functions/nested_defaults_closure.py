# Nested functions whose defaults and closures refer to enclosing names evaluated at different times.
def outer(n):
    def inner(a=n, b=None):
        return a, b, n
    n += 1
    return inner
f = outer(1)
print(f(), f(5), f(b=2))
def make(k):
    return [lambda x, k=k: x * k, lambda x: x * k]
early, late = make(3)
print(early(2), late(2))
def gen_funcs():
    funcs = []
    for i in range(3):
        def f(i=i):
            return i
        funcs.append(f)
    return funcs
print([g() for g in gen_funcs()])
def counter(start=0, step=1):
    def nxt():
        nonlocal start
        start += step
        return start
    return nxt
c = counter(10, 5)
print(c(), c(), counter()())
