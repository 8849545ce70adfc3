# Generator pipelines: chained generators, generator expressions, yield from and sum/any over them.


def numbers(n):
    for i in range(n):
        yield i


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def chain(*gens):
    for g in gens:
        yield from g


print(sum(squares(evens(numbers(2400000)))))
print(sum(x for x in chain(numbers(800000), range(400000), (i * 3 for i in range(400000))) if x % 5))
print(max(len(str(x)) for x in squares(numbers(800000))))


def take(n, src):
    for x in src:
        if n <= 0:
            return
        n -= 1
        yield x


def naturals():
    i = 0
    while True:
        yield i
        i += 1


print(list(take(5, (x for x in naturals() if x % 7 == 3))))
print(sum(take(800000, naturals())))
