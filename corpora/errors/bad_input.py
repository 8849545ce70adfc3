# Operations on the wrong types and values: CPython's exception and message, never a crash.
def check(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except BaseException as e:
        print(type(e).__name__, e)
l = [1]
l.append(l)
check(lambda: repr(l))
d = {}
d[1] = d
check(lambda: str(d))
check(lambda: [1] * (2 ** 40))
check(lambda: int("9" * 5000))
check(lambda: list(range(10 ** 10)))
check(lambda: "%s" % ())
check(lambda: [].sort(key=1))
check(lambda: sorted([3, 1], key=lambda x: 1 / 0))
check(lambda: dict(1))
check(lambda: tuple(5))
check(lambda: isinstance(1, 1))
check(lambda: getattr(1, 2))
check(lambda: super())
check(lambda: next(5))
check(lambda: iter(5))
check(lambda: 1 .__class__)
check(lambda: abs("x"))
check(lambda: round("x"))
check(lambda: chr(0x110000))
check(lambda: "abc"[1:2:0])
check(lambda: [1, 2, 3][::0])
check(lambda: float("1e999999"))
check(lambda: 2.0 ** 10000)
check(lambda: int(1e308) * 10)
check(lambda: divmod(1.0, 0))
check(lambda: hash([]))
check(lambda: {}.fromkeys(5))
check(lambda: b"a" + "b")
check(lambda: object().x)
class A:
    def __repr__(self):
        return 5
check(lambda: repr(A()))
class B:
    def __len__(self):
        return "x"
check(lambda: len(B()))
class C:
    def __iter__(self):
        return 5
check(lambda: list(C()))
class D:
    def __eq__(self, o):
        raise ValueError("eq")
    __hash__ = object.__hash__ if False else None
check(lambda: D() == 1)
check(lambda: [D()].index(1))
def g():
    yield g2.send(None)
g2 = g()
check(lambda: next(g2))
print("end")
