# Generators as iterators: iter(g) is g, re-iteration, exhaustion, generators in for loops with break.
def gen():
    for i in range(5):
        yield i
g = gen()
print(iter(g) is g, next(g), next(g))
for x in g:
    if x == 3:
        break
print(next(g), list(g), list(g))
def counting():
    n = 0
    while n < 3:
        n += 1
        yield n
print([a + b for a, b in zip(counting(), counting())])
a = counting()
print(list(zip(a, a)))
def inf():
    i = 0
    while True:
        yield i
        i += 1
out = []
for v in inf():
    if v > 4:
        break
    out.append(v)
print(out)
print(list(map(lambda x: x * 2, gen())), list(filter(None, gen())), sorted(gen(), reverse=True))
print(dict(enumerate(counting())), tuple(counting()), set(counting()))
