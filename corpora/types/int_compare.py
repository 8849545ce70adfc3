# int comparisons across small, big, bool and float.
vals = [0, 1, -1, 2 ** 62, -2 ** 62, 2 ** 63 - 1, 2 ** 100, -2 ** 100, True, 0.5, 1e30, float("inf"), -float("inf")]
for a in vals:
    print([a < b for b in vals], [a == b for b in vals])
print(sorted(vals), max(vals), min(vals))
print(2 ** 1000 == 2.0 ** 1000, 2 ** 1000 + 1 > 2.0 ** 1000, 10 ** 400 > float("inf"), float("nan") == float("nan"), 1 < float("nan"))
