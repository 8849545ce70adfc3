# getattr/setattr/hasattr/delattr with defaults, properties raising, and non-str names.
class C:
    a = 1
    @property
    def boom(self):
        raise ValueError("prop")
    @property
    def attr_err(self):
        raise AttributeError("inner")
c = C()
print(getattr(c, "a"), getattr(c, "zz", "dflt"), hasattr(c, "a"), hasattr(c, "zz"), hasattr(c, "attr_err"))
setattr(c, "b", 2)
print(c.b, getattr(c, "b"), hasattr(C, "b"))
delattr(c, "b")
print(hasattr(c, "b"))
for call in [lambda: getattr(c, "zz"), lambda: getattr(c, 1), lambda: setattr(c, 2, 0), lambda: delattr(c, "nope"), lambda: hasattr(c, None), lambda: getattr(c, "boom", 0), lambda: hasattr(c, "boom")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(getattr(c, "attr_err", "fallback"))
setattr(C, "k", 9)
print(c.k, getattr(C, "k"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError", e)
print(getattr([], "append").__name__, getattr("s", "upper")())
