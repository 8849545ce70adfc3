# Shifts and bitwise ops on negative and big ints, and their errors.
for a in [0, 1, -1, 5, -5, 2 ** 65, -(2 ** 65) + 3]:
    print(a, a << 3, a >> 1, a >> 100, a & 0xF, a | 0x10, a ^ -1, ~a, a & -a if a else 0)
print(1 << 100, (1 << 100) >> 99, -1 >> 1000, 12345 & -12345, (2 ** 70 - 1) ^ (2 ** 69))
for call in [lambda: 1 << -1, lambda: 1 >> -2, lambda: 1.0 << 1, lambda: 1 & 1.0, lambda: "a" | 1]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__, ~False)
