# None, Ellipsis, NotImplemented and identity.
print(None, repr(None), None is None, None == 0, type(None), bool(None))
print(..., Ellipsis, ... is Ellipsis, NotImplemented)
x = None
print(x is not None, x or "default", x and 1, [] or {} or 0)
def f():
    pass
print(f(), f() is None)
