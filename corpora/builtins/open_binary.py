# open() in binary mode: bytes in and out, read(n), seek whence, bytearray writes, types.
name = "open_binary.tmp"
with open(name, "wb") as f:
    print(type(f).__name__, f.mode)
    print(f.write(b"\x00\x01\x02\x03"), f.write(bytearray(b"ABC")), f.write(bytes(range(250, 256))))
with open(name, "rb") as f:
    print(type(f).__name__)
    print(f.read(2), f.read(3), f.tell())
    print(f.seek(-3, 2), f.read())
    print(f.seek(1), f.seek(2, 1), f.read(1))
    f.seek(0)
    print(f.readline(), f.read(0))
    print(len(f.read()), f.read())
with open(name, "ab") as f:
    f.write(b"\nline2\n")
with open(name, "rb") as f:
    print(f.readlines())
with open(name, "r+b") as f:
    print(type(f).__name__)
    f.write(b"ZZ")
    print(f.read(3))
with open(name, "rb") as f:
    data = f.read()
print(len(data), data[:8])
for bad in ["text", 5, [1]]:
    try:
        with open(name, "wb") as f:
            f.write(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
