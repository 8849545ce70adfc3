# Exceptions crossing generator boundaries.
def gen():
    yield 1
    raise ValueError("from gen")
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted"))
def guarded():
    try:
        yield "a"
        yield "b"
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally in gen")
h = guarded()
print(next(h))
h.close()
print(list(guarded()))
def thrower():
    while True:
        try:
            yield
        except KeyError as e:
            print("got", repr(e))
t = thrower()
next(t)
t.throw(KeyError("k1"))
t.throw(KeyError("k2"))
try:
    t.throw(ValueError("other"))
except ValueError as e:
    print("escaped", e)
