# yield from delegates send/throw to subgenerators and iterates arbitrary iterables.
def sub():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def outer():
    r = yield from sub()
    yield "sub returned %d" % r
o = outer()
print(next(o), o.send(3), o.send(4), o.send(None))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def deep(n):
    if n:
        yield n
        yield from deep(n - 1)
print(list(deep(5)))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError", e)
