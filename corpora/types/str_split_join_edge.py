# split/rsplit/partition/join edge cases.
cases = ["", " ", "a", " a ", "a  b", "a,b,,c,", ",", "a\tb\nc  d", "  lead", "trail  "]
for s in cases:
    print(repr(s), s.split(), s.split(" "), s.split(","), s.rsplit(None, 1), s.split(" ", 1), s.partition(","))
print(",".join([]), ",".join(["x"]), "".join(["a", "b"]), " ".join("abc"), "-".join(str(i) for i in range(3)))
print("a.b.c".rsplit(".", 1), "a.b.c".split(".", 0), "a.b.c".rsplit(".", -1), "x".rpartition("x"), "xx".partition("x"))
