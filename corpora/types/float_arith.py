# Float arithmetic and mixed int/float.
for a in [1.5, -2.25, 0.1, 7.0]:
    for b in [2, -0.5, 3.0]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0 * 10, 1.0e-5, 0.0001)
print(-0.0, 0.0 * -1, 1e308 * 10, -1e308 * 10, float("nan"), 2.0 ** 0.5, 10 ** -1)
print(3 * 1.1, 7 // 2.0, -7 // 2.0, 7 % -3.0, -7.5 % 2, divmod(7.5, 2))
print(float(3), float("1.5"), float(" -2.5e3 "), float("inf"), float("-Infinity"), float("1_0.5"))
print(1.5 == 1.5, 1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 1.5 < 2, 0.5 > True)
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(7), round(15, -1))
