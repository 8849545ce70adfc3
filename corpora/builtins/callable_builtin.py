# callable on functions, built-ins, classes, methods, instances with/without __call__.
class C:
    def m(self):
        pass
class D:
    def __call__(self):
        return "called"
def f():
    pass
for obj in [f, len, C, C.m, C().m, C(), D(), D, lambda: 0, 1, "s", None, [], print, staticmethod(f)]:
    print(callable(obj))
print(D()())
try:
    callable()
except TypeError as e:
    print(type(e).__name__)
