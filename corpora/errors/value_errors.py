# ValueErrors from builtin conversions and methods with bad values.
for call in [lambda: int("x"), lambda: float("y"), lambda: int("10", 99), lambda: chr(-5), lambda: [].index(0), lambda: "a".index("b"),
             lambda: list(range(3)).remove(7), lambda: "abc".split(""), lambda: (1, 2).index(5), lambda: bytes([300]), lambda: range(1, 2, 0),
             lambda: "%d" % "x", lambda: int(" "), lambda: "{:d}".format("x"), lambda: "x".center(-1, "ab")]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
