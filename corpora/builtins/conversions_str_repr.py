# str/repr/ascii of builtin values, including nested containers and special characters.
vals = [0, -1, 1.0, 1e16, 1e-5, 0.1, True, None, "", "it's", 'say "hi"', "tab\there", "ü", "\x00\x7f", b"\x80", [1, "a"], (1,), {1: "x"}, set(), frozenset(), range(3), [[], ()], {}]
for v in vals:
    print(str(v), repr(v), ascii(v))
