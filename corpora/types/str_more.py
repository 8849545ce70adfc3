# More str behaviour: escapes, long strings, comparisons, methods with bounds.
s = "The quick brown fox"
print(s.find("q", 5), s.find("q", 2, 3), s.count("o", 0, 13), s.startswith("quick", 4), s.endswith("brown", 0, 15))
print(s.index("o", 13), s.rfind("o", 0, 14), s.rindex("e"), s[-3::-2])
long = "x" * 1000 + "y"
print(len(long), long.count("x"), long[-2:], long.find("y"), long.replace("x", "")[:5])
print("a\tb\\n", "line1\nline2", "quote'\"", "\x41\u00e9\u20ac")
print("%d%%" % 50, "%s" % (1,), "%s-%s" % ("a", "b"), "%5.1f|" % 3.14159, "%x" % 3054)
print(str(1.0), str(-0.0), str(10 ** 20), str(1e21), str([1.5, "x"]), str({"a": None}))
print("abc" == "abc", "a" < "b" < "c", sorted(["b", "A", "a", "B"]), "Zebra" < "apple")
print(" x ".strip() == "x", "".join(["a"] * 3), "-".join(map(str, range(5))), "a b".split(" "), "  a  b ".split(" "))
