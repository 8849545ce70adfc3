# Context manager protocol: __enter__ return value, __exit__ arguments and suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b", True):
    raise ValueError("boom")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with CM("outer") as o, CM("inner") as i:
    print(o, i)
def f():
    with CM("ret"):
        return "returned"
print(f())
for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
