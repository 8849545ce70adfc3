# float is_integer, as_integer_ratio, conjugate, real/imag, and float() parsing edge cases.
for x in [0.0, -0.0, 1.5, 2.0, -3.25, 1e20, 0.1]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.conjugate(), x.real, x.imag)
for s in ["1", " 2.5 ", "-inf", "+INF", "nan", "-NaN", "1e3", "1_0.5", ".5", "5.", "infinity", "1E-2"]:
    print(repr(s), float(s))
for s in ["", "1.2.3", "1e", "_1", "0x10", "i nf", "1__0"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError", e)
for v in [None, [1], 10 ** 400]:
    try:
        float(v)
    except Exception as e:
        print(type(e).__name__, e)
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except Exception as e:
        print(type(e).__name__, e)
print(float(True), float(7), float(), -0.0 == 0.0, str(-0.0))
