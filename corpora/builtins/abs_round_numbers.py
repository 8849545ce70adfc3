# abs and round for ints, floats, bools; round with ndigits (positive, zero, negative) and banker's rounding.
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(-2 ** 70), abs(3 - 4j))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(7), round(7, -1), round(15, -1), round(25, -1))
print(round(1234.5678, 1), round(1234.5678, -2), round(-0.4), round(1e20), round(5, 2), round(True), round(0.125, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__, round(-1234, -2), round(-1250, -2))
for call in [lambda: abs("a"), lambda: round("1"), lambda: round(1.5, 1.0), lambda: round(float("inf")), lambda: round(float("nan"))]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(2 ** 100 + 0.0) == 2 ** 100)
