# round: banker's rounding, ndigits positive/negative/None, ints, floats near halves, errors.
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 3.49, 3.51, 0.0, -0.0, 1e16, 2**52 + 0.5]:
    print(x, round(x), type(round(x)).__name__)
for x, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (123.456, -1), (125.0, -1), (135.0, -1), (1.5, 0), (-2.5, 0), (12345.6789, 3), (0.1, 20)]:
    print(x, n, round(x, n))
for x, n in [(1234, -2), (1250, -2), (1350, -2), (-1250, -2), (15, -1), (25, -1), (7, 2), (7, None), (2**70 + 5, -1), (True, 0)]:
    print(x, n, round(x, n))
print(round(5.5, None), type(round(5.5, None)).__name__, type(round(5.5, 0)).__name__)
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
class Rd:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(Rd()), round(Rd(), 3))
for args in [("1",), (1.5, "2"), (1.5, 1.0)]:
    try:
        round(*args)
    except TypeError as e:
        print(type(e).__name__, e)
