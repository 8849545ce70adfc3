# Truthiness of every built-in type in conditions.
for v in [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1), b"", b"\x00"]:
    print(repr(v), "truthy" if v else "falsy", not v, bool(v))
x = 3
if x > 5:
    print("big")
elif x > 2:
    print("medium")
elif x > 1:
    print("small")
else:
    print("tiny")
print("a" if [] else "b" if {} else "c")
