# str split/rsplit with maxsplit and separators, splitlines keepends, partition.
s = " a  b c   d "
print(s.split(), s.split(" "), s.split(" ", 2), s.rsplit(" ", 2))
print("a,b,c".split(",", 0), "a,b,c".split(",", -1), "a,,b".split(","), ",a,".split(","), "abc".split("abc"))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "a1b1c".split(sep="1", maxsplit=1))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
t = "one\ntwo\r\nthree\rfour\n\nfive"
print(t.splitlines(), t.splitlines(True), "".splitlines(), "\n".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".rpartition("="), "".partition("x"), "a==b".partition("=="))
try:
    "a".partition("")
except ValueError as e:
    print("ValueError", e)
print("-".join(["x"]), "".join(["a", "b"]), ",".join(iter(["p", "q"])), "ab".join("123"))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
