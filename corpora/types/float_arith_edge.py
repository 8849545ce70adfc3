# Float arithmetic with inf/nan/negative zero, floor division and modulo sign rules.
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, nan == nan, nan != nan, inf > 1e308, -inf < -1e308)
print(-0.0 + 0.0, -0.0 * 1, 0.0 * -1, -0.0 - 0.0, abs(-0.0), 5.0 // 2, -5.0 // 2, 5.0 % -2, -5.0 % 2, 5.5 % 1)
print(inf // 1 if False else "skip", 1.0 % inf, -1.0 % inf, divmod(7.5, 2), divmod(-7.5, 2))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, 1e16 + 1 == 1e16, 2.0 ** 0.5 * 2.0 ** 0.5 == 2.0, 3 * 0.1)
for call in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 10.0 ** 400, lambda: (-8.0) ** 0.5 if False else 1 / 0.0]:
    try:
        print(call())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(float("1e308") * 10, -float("1e308") * 10, 1e-320 > 0, 5e-324 / 2)
