# print() sep/end/file/flush keyword handling and errors.
import io
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="|\n")
print(sep="x")
print("no newline", end="")
print()
print(*[1, 2], sep=None, end=None)
buf = io.StringIO()
print("to", "buffer", file=buf, sep="_")
print(repr(buf.getvalue()))
print("flush", flush=True)
for kw in [{"sep": 5}, {"end": 1}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
