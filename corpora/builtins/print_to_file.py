# print() into files opened with open(), sys.stderr, and objects without write.
name = "print_to_file.tmp"
with open(name, "w") as f:
    print("hello", 42, file=f)
    print("a", "b", sep="-", end="|", file=f)
    print(file=f)
    print([1, 2], {"k": None}, file=f, flush=True)
print(repr(open(name).read()))
with open(name, "wb") as f:
    try:
        print("text", file=f)
    except TypeError as e:
        print(type(e).__name__, e)
class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(type(e).__name__, e)
class Counting:
    def __init__(self):
        self.calls = 0
    def write(self, s):
        self.calls += 1
print(1, 2, 3, file=Counting()) or print("ok")
c = Counting()
print(1, 2, 3, file=c)
print(c.calls)
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
