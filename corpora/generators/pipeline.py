# Generator pipelines: chaining, early termination, infinite sources, send-driven coroutines.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def evens(it):
    return (x for x in it if x % 2 == 0)
def squares(it):
    for x in it:
        yield x * x
print(list(take(6, squares(evens(numbers())))))
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30, 40]])
def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = gen_with_finally()
print(next(g))
g.close()
print(list(zip(numbers(), "abc")), dict(zip("xy", numbers())))
print(sum(x for x in range(1000) if x % 7 == 3), any(x > 5 for x in numbers()), next(x for x in numbers() if x * x > 50))
