# Generators interacting with exception handling: yield inside try/except, exceptions from the consumer side.
def guarded():
    for i in range(4):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield "handled %s" % e
print(list(guarded()))
def inside_except():
    try:
        raise KeyError("k")
    except KeyError as e:
        yield "in except"
        yield repr(e)
print(list(inside_except()))
def raise_midway():
    yield 1
    raise IndexError("mid")
got = []
try:
    for v in raise_midway():
        got.append(v)
except IndexError as e:
    print(got, e)
