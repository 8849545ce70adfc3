# open() of a descriptor number: closefd, the name attribute, errors.
import sys
out = open(sys.stdout.fileno(), "w", closefd=False)
print(out.name, out.mode, out.closed)
out.close()
print("stdout still open", not sys.stdout.closed, out.closed)
name = "open_fd.tmp"
with open(name, "w") as f:
    f.write("shared descriptor\n")
with open(name) as f:
    g = open(f.fileno(), closefd=False)
    print(repr(g.readline()), g.name == f.fileno())
    g.close()
    print(f.closed, g.closed)
for bad in [-1]:
    try:
        open(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    open(9999)
except OSError as e:
    print(type(e).__name__, e)
try:
    open(name, closefd=False)
except ValueError as e:
    print(type(e).__name__, e)
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
