# lambdas and closures capturing loop variables and defaults.
fs = [lambda i=i: i * 2 for i in range(4)]
print([f() for f in fs])
gs = [lambda: i for i in range(4)]
print([g() for g in gs])
add = lambda a, b=1: a + b
print(add(1), add(1, 2), (lambda *a, **k: (a, k))(1, x=2))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(lambda x: x + 1, lambda x: x * 10)(5))
def adders():
    out = []
    for k in range(3):
        def add(x, k=k):
            return x + k
        out.append(add)
    return out
print([a(10) for a in adders()])
