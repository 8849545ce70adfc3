# open() errors: missing files (errno, filename), bad modes, closed files, wrong directions.
try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
try:
    open("no_such_dir/x.txt", "w")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e)
for mode in ["z", "rw", "rr", "b", "+", "rbt", "", "wx"]:
    try:
        open("open_errors.tmp", mode)
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
for bad in [None, 3.5, ["x"]]:
    try:
        open(bad)
    except TypeError as e:
        print(type(e).__name__)
try:
    open("open_errors.tmp", "rb", encoding="utf-8")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("a\x00b")
except ValueError as e:
    print(type(e).__name__, e)
name = "open_errors.tmp"
with open(name, "w") as f:
    f.write("data")
try:
    open(name, "x")
except FileExistsError as e:
    print(type(e).__name__, e)
f = open(name)
f.close()
for op in [lambda: f.read(), lambda: f.readline(), lambda: f.write("x"), lambda: f.seek(0), lambda: f.tell(), lambda: list(f), lambda: f.readlines()]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
with open(name) as f:
    try:
        f.write("no")
    except OSError as e:
        print(type(e).__name__, e)
with open(name, "w") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    with open(name) as f:
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", f.closed)
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
