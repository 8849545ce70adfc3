# float methods and conversions.
print((1.5).is_integer(), (2.0).is_integer(), (0.25).as_integer_ratio(), (3.0).as_integer_ratio(), (-0.75).as_integer_ratio())
print(float(10 ** 20), int(1.9e10), float(2 ** 60), int(-2.5))
print(abs(-1.5), max(1.5, 2), min(-0.5, -1), sum([0.1] * 10))
print(format(3.14159, ".3f"), format(1234.5, "e"), format(0.000123, "g"), format(2.5, "%"), format(1e20, "g"))
print("%.2f %5.1f %-8.3e| %g" % (3.14159, 2.25, 12345.678, 0.0001))
