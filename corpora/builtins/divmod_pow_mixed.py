# divmod and pow across int/float/negative operands, modular pow, and errors.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2), (7, 0.5), (2 ** 70, 3)]:
    print(a, b, divmod(a, b), a // b, a % b)
for call in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod("a", 1), lambda: divmod(1j, 1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2, 0.5) == 2 ** 0.5, pow(0, 0), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 10 ** 9))
for call in [lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(0, -1), lambda: pow(2, 3, 1.5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(pow(5, 0, 1))
