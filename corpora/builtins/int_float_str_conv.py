# Round-trips between int, float and str: repr round-trip, int(float(s)), float(int) precision.
for s in ["0", "7", "-12", "3.0", "2.5", "1e3", "-0.0", "123456789012345678"]:
    f = float(s)
    print(s, f, repr(f), int(f), str(int(f)), float(repr(f)) == f)
for n in [2 ** 53, 2 ** 53 + 1, 10 ** 20, -(2 ** 60)]:
    print(n, float(n), int(float(n)), float(n) == n)
print(int("12") + int(3.9) + int(True), float("1.5") * 2, str(12) + str(1.5), int(str(-5)), float(str(0.1)))
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
print(1e308 * 10, -1e308 * 10, int(1e15), str(1e15), str(1e16), repr(123456789.0), str(0.000001), str(0.0000001))
