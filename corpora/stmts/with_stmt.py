# with: enter/exit order, exceptions passed to __exit__, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b", True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with CM("d") as d1, CM("e") as d2:
    print(d1, d2)
def f():
    with CM("f"):
        return "returned"
print(f())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            break
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError", e)
