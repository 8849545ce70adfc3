# Generators: yield, send, return value, close, throw, generator expressions.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"
print(list(count(4)), sum(count(100)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def echo():
    got = yield "ready"
    while True:
        got = yield "got %s" % got
e = echo()
print(next(e), e.send(1), e.send("two"))
e.close()
def catcher():
    try:
        yield 1
    except ValueError as v:
        yield "caught %s" % v
c = catcher()
print(next(c), c.throw(ValueError("boom")))
gen = (x * x for x in range(5) if x % 2)
print(list(gen), list(gen))
def deleg():
    r = yield from count(3)
    yield r
print(list(deleg()))
def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fibs()
print([next(f) for _ in range(12)])
try:
    g2 = count(1)
    g2.send(5)
except TypeError as t:
    print("TypeError", t)
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as r:
    print("RuntimeError", r)
