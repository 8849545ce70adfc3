# Universal newlines in text mode: \r\n and \r read as \n (also across reads), newline= turns it off.
name = "open_newlines.tmp"
with open(name, "wb") as f:
    f.write(b"one\r\ntwo\rthree\nfour\r\n\r\nlast\r")
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    parts = []
    while True:
        c = f.read(1)
        if not c:
            break
        parts.append(c)
    print(len(parts), repr("".join(parts)))
with open(name) as f:
    print(repr(f.read(4)), repr(f.read(1)), repr(f.readline()))
with open(name, newline="") as f:
    print(repr(f.read()))
with open(name, newline="\n") as f:
    print(f.readlines())
with open(name, "rb") as f:
    print(f.readlines())
for bad in ["x", "\t"]:
    try:
        open(name, newline=bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open(name, "rb", newline="")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open(name, newline=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
