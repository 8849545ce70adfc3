# int() from strings with bases, underscores, whitespace, and from floats/bools; errors.
cases = [("10",), ("  -42  ",), ("+7",), ("1_000",), ("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("z", 36), ("Z", 36), ("-0b11", 0), ("10", 2), ("0", 0), ("00", 0)]
for c in cases:
    print(c, int(*c))
bad = [("",), ("1.5",), ("1__0",), ("_1",), ("0x", 16), ("12", 2), ("010", 0), ("1", 1), ("1", 37), ("a",), (" ",), ("1_",)]
for c in bad:
    try:
        int(*c)
    except ValueError as e:
        print("ValueError", e)
print(int(), int(3.99), int(-3.99), int(True), int(1e18), int(-0.0))
for c in [(float("inf"),), (float("nan"),), (None,), ([1],), (1.5, 10)]:
    try:
        int(*c)
    except Exception as e:
        print(type(e).__name__, e)
print(int(b"12"), int("1" * 30))
