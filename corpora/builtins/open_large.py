# Files larger than the read-ahead buffer: lines and multi-byte characters across its edges.
name = "open_large.tmp"
lines = []
for i in range(40):
    lines.append(("é" * (i % 7)) + "line %d " % i + "x" * (i % 13 + 95) + "\n")
with open(name, "w") as f:
    for l in lines:
        f.write(l)
with open(name) as f:
    got = f.readlines()
print(len(got), got == lines, got[-1])
with open(name) as f:
    text = f.read()
print(len(text), text == "".join(lines))
with open(name) as f:
    chunks = []
    while True:
        c = f.read(301)
        if not c:
            break
        chunks.append(c)
print(len(chunks), "".join(chunks) == text, set(len(c) for c in chunks[:-1]))
with open(name, "rb") as f:
    raw = f.read()
print(len(raw), raw.decode() == text)
with open(name, "rb") as f:
    f.seek(4090 if len(raw) > 4100 else 10)
    part = f.read(20)
    print(part, f.tell())
with open(name) as f:
    count = 0
    total = 0
    for line in f:
        count += 1
        total += len(line)
    print(count, total)
with open(name) as f:
    print(repr(f.readline(4)), repr(f.readline(100)), f.readline(0))
try:
    import os
    os.remove(name)
except ImportError:
    pass  # no os module yet: the .tmp file stays (see .gitignore)
