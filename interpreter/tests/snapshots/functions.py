def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    total = a + b
    def inner(x):
        nonlocal total
        total += x
        return total + c
    return inner

counter = 0
def bump():
    global counter
    counter += 1
    return counter

add = lambda p, q=10: p + q
@decorator
@other(1)
def decorated(self): return self
