# repr of floats: shortest round-trip, CPython's layout.
for x in [0.0, -0.0, 1.0, 1.5, 0.1, 1e22, 1e16, 1e15, 123456789012345.6, 1e-4, 1e-5, 0.00012345,
          5e-324, 1.7976931348623157e308, 2.5e-7, 3.14159, 100.0, 1e100, -1.23e-45, 12345678.9]:
    print(repr(x), str(x))
print([1.0, 2.5], (0.5,), {1.25: 2.0})
print(float("1e500"), -float("1e500"))
