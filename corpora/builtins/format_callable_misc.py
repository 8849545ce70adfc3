# format() with and without a spec, and __format__; repr/str/ascii-free basics of built-ins.
print(format(42), format(42, "5d"), format(3.5, ".2f"), format("ab", ">4"), format(True))
print(format(255, "x"), format(255, "#o"), format(-7, "+d"), format(1234567, ","))
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
print(format(F(), "xyz"), format(F()), "{:abc}".format(F()))
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__)
try:
    format(1, "q")
except ValueError as e:
    print(type(e).__name__)
print(type(print).__name__, type(len).__name__)
print(repr(len)[:21])
