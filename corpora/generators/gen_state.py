# Generator state: exhausted generators, re-iteration, generators in data structures.
def g():
    yield 1
    yield 2
it = g()
print(list(it), list(it), next(it, "empty"))
gens = {n: g() for n in "ab"}
print(next(gens["a"]), next(gens["b"]), next(gens["a"]), next(gens["a"], None))
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
c.close()
try:
    next(c)
except StopIteration:
    print("closed generator raises StopIteration")
print(type(g()).__name__, iter(it) is it)
