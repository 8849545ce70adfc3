# Mixed int/float arithmetic: results' types and values.
vals = [0, 1, -3, 2 ** 53, 0.5, -2.0, 1e-3]
for a in vals:
    print([type(a + b).__name__ for b in vals], [a * 2, a / 4, a // 1, a % 3])
print(7 / 7, type(7 / 7).__name__, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, 10 ** 2.0, 2 ** -2)
print(int(7 / 2), 7 // 2.0, -7 // 2.5, 7.5 // 2, round(7 / 3, 4), float(2 ** 63) == 2 ** 63)
