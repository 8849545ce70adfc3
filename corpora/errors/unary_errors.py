# Unary operators on unsupported types.
for v in ["s", [1], None, {}, (1,), b"x", 1.5, 1j]:
    for op in ["-", "+", "~"]:
        try:
            print(op, repr(v), eval(op + "v"))
        except TypeError as e:
            print(op, type(v).__name__, "TypeError", e)
print(-True, +False, ~True, -(-5), ~~7)
