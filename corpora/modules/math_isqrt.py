# isqrt: exact integer square roots, at and around perfect squares, for big ints.
import math

print([math.isqrt(n) for n in range(30)])
ok = True
for n in range(1, 2000, 7):
    s = math.isqrt(n)
    ok = ok and s * s <= n < (s + 1) * (s + 1)
print(ok)
for k in [2**32, 2**52 + 1, 2**63 - 1, 2**64, 10**30, 3**100, 2**1001]:
    s = math.isqrt(k)
    print(s, s * s <= k < (s + 1) ** 2, math.isqrt(k * k) == k, math.isqrt(k * k - 1) == k - 1)
print(math.isqrt(True))
for bad in [-1, -10**40, 4.0, '9']:
    try:
        math.isqrt(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
