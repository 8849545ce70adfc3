# divmod identities over a grid of signs and magnitudes, small and big.
vals = [1, 2, 3, 7, 10, 2 ** 31 - 1, 2 ** 32, 2 ** 62 - 1, 2 ** 62, 2 ** 64 + 3, 3 ** 60]
ok = True
out = []
for a in vals:
    for b in vals:
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = a * sa, b * sb
                q, r = divmod(x, y)
                if q * y + r != x or (r != 0 and (r < 0) != (y < 0)) or abs(r) >= abs(y):
                    ok = False
                out.append(q % 1000 + r % 997)
print(ok, sum(out), out[:12])
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, (2 ** 64) // -(2 ** 32 + 1), -(2 ** 64) % 12345)
