# open() in text mode: write/read/readline/readlines, iteration, seek/tell, with, attributes.
name = "open_text.tmp"
with open(name, "w") as f:
    print(f.name, f.mode, f.closed, f.writable(), f.readable())
    print(f.write("first line\n"), f.write("sécond\n"), f.write(""))
    f.writelines(["third\n", "fourth"])
    print(f.tell())
print(f.closed)
with open(name) as f:
    print(repr(f.read(5)), repr(f.read(3)), f.tell())
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
    f.seek(0)
    print(repr(f.readline(3)), repr(f.readline()))
    print(f.seek(0, 2), repr(f.read()))
with open(name, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
f = open(name, "r")
print(list(f))
print(next(open(name)))
f.close()
f.close()
with open(name, "a") as f:
    f.write("\nappended")
print(open(name).read().split("\n"))
with open(name, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))
with open(name, "w") as f:
    pass
print(repr(open(name).read()))
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
