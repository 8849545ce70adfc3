# Generator send/throw/close: values in and out, exceptions thrown in, GeneratorExit handling.
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
        raise
g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print("stopped")
def fresh():
    yield 1
g = fresh()
try:
    g.send("x")
except TypeError as e:
    print("TypeError", e)
print(g.send(None))
def catcher():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("v1")), next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
try:
    next(c)
except StopIteration:
    print("dead after throw")
def ignore_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore_close()
next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError", e)
