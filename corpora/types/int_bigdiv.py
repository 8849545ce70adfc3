# Big-int floor division and modulo with all sign combinations, and divmod identity.
vals = [10 ** 30 + 7, -(10 ** 30 + 7), 3, -3, 2 ** 64, -(2 ** 64) + 1, 12345678901234567890]
for a in vals:
    for b in vals:
        q, r = divmod(a, b)
        assert q * b + r == a
        print(q, r, a // b == q, a % b == r)
print((10 ** 40) // (10 ** 20), (10 ** 40) % 7, -(10 ** 40) // 7, pow(10 ** 20, 3, 10 ** 9 + 7), (2 ** 200) >> 190)
