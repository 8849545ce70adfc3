# with statements: several managers, exit order on exception, parenthesized form, nested suppression.
class M:
    def __init__(self, n, fail_enter=False, swallow=False):
        self.n, self.fail_enter, self.swallow = n, fail_enter, swallow
    def __enter__(self):
        print("enter", self.n)
        if self.fail_enter:
            raise RuntimeError("enter failed %d" % self.n)
        return self.n
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
        return self.swallow
with M(1) as a, M(2) as b, M(3) as c:
    print(a, b, c)
try:
    with M(1), M(2, fail_enter=True), M(3):
        print("not reached")
except RuntimeError as e:
    print("RuntimeError", e)
with M(1, swallow=True), M(2):
    raise ValueError
print("swallowed by outer")
with (M(10) as x,
      M(20) as y):
    print(x + y)
