# __repr__, __str__ and __format__: which one each builtin uses, and fallbacks.
class Both:
    def __repr__(self):
        return "R"
    def __str__(self):
        return "S"
class ReprOnly:
    def __repr__(self):
        return "only-repr"
class Fmt:
    def __format__(self, spec):
        return "fmt[" + spec + "]"
b = Both()
print(b, str(b), repr(b), [b], (b,), {1: b}, "%s %r" % (b, b), f"{b} {b!r} {b!s}", "{} {!r}".format(b, b))
print(ReprOnly(), str(ReprOnly()), [ReprOnly()], f"{ReprOnly()}")
print(format(Fmt(), "xyz"), f"{Fmt():>10}", "{:abc}".format(Fmt()), format(Fmt()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
try:
    format(b, "x")
except TypeError as e:
    print("TypeError", e)
print(format(b, ""), ascii(b))
