# str find/rfind/index/rindex/count with start/end arguments.
s = "abracadabra"
print(s.find("a", 1), s.find("a", 1, 3), s.find("bra", -4), s.find("", 5), s.find("a", 20))
print(s.rfind("a"), s.rfind("a", 0, 5), s.rfind("abra", 1), s.rfind("", 3), s.rfind("z"))
print(s.count("a"), s.count("a", 3), s.count("a", 3, 8), s.count(""), s.count("", 5), s.count("abra", -4))
print(s.index("c"), s.rindex("b"), s.index("a", -1))
for m, a in [("index", ("z",)), ("rindex", ("a", 1, 2)), ("index", ("a", 20))]:
    try:
        getattr(s, m)(*a)
    except ValueError as e:
        print("ValueError", e)
print(s.find("a", None, None), s.count("a", None, 4), s.find("b", -100, 100))
try:
    s.find(1)
except TypeError as e:
    print("TypeError", e)
try:
    s.count()
except TypeError as e:
    print("TypeError", e)
print("".find(""), "".count(""), "".rfind(""), "aaa".count("aa"), "aaaa".rfind("aa"))
print(s.startswith("bra", 1), s.startswith(("x", "abr")), s.endswith("cad", 0, 7), s.endswith(""), s.startswith("a", 11))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError", e)
