# yield from: delegation of send, return values, nested.
def inner():
    x = yield "inner-start"
    y = yield "inner got %s" % x
    return x + y
def outer():
    r = yield from inner()
    yield "inner returned %s" % r
    r2 = yield from [7, 8]
    yield r2
g = outer()
print(next(g), g.send(1), g.send(2), next(g), next(g), next(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(2), [None])))
def depth(n):
    if n == 0:
        yield "leaf"
        return
    yield from depth(n - 1)
    yield n
print(list(depth(4)))
