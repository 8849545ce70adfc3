# print: sep, end, file (any object with write, one call per piece), flush, errors.
import sys
print()
print(1, "a", None, [1, 2], (3,), {4: 5})
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print("x", "y", sep=None, end=None)
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collect()
print("a", 1, 2.5, sep="|", end="$", file=c)
print(file=c)
print("f", file=c, flush=True)
print(c.parts)
print("to stdout", file=None)
print("explicit stdout", file=sys.stdout, flush=True)
print(sys.stdout.write("written\n"))
sys.stdout.flush()
for kw in [{"sep": 1}, {"end": []}, {"bogus": 1}]:
    try:
        print("x", **kw)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print("x", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()])
