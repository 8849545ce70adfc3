# Closures capture variables (cells), not values; late binding and per-call cells.
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders2():
    return [(lambda i: lambda x: x + i)(i) for i in range(3)]
print([f(10) for f in make_adders2()])
def outer():
    v = "first"
    def get():
        return v
    v = "second"
    return get
print(outer()())
def acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
a1, a2 = acc(), acc()
print(a1(1), a1(2), a2(10), a1(3))
def shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def dec():
        nonlocal n
        n -= 1
        return n
    return inc, dec
i, d = shared()
print(i(), i(), d(), i())
