# float() parsing and int/float conversions at the edges.
for s in ["0", "-0", "1.", ".5", "1e3", "1E-3", " 12.5\n", "+inf", "-nan", "1_000.000_1", "3.4028235e38", "2.2250738585072014e-308", "4.9e-324", "1e-400", "9" * 30]:
    print(repr(s), float(s))
for s in ["1e", "e1", "1..2", "--1", "1_", "_1", "0x10", "inf1", "1 2"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError", e)
print(int(1e15), int(-1e15), int(2.0 ** 70), int(-2.5e20), float(2 ** 70), float(-(3 ** 40)), float(10 ** 22))
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(1e16), round(123.456, 1), round(-123.456, -1), round(5, 2))
print(1e22 == 10 ** 22, 1e23 == 10 ** 23, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
