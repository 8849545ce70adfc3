# and/or/not with short-circuit and values, chained comparisons, conditional expressions.
def t(x):
    print("t", x)
    return x
print(t(1) and t(2), t(0) and t(2), t(0) or t(3), t(4) or t(5))
print(not 1, not [], 1 if t(True) else 2, 1 if t(0) else 2)
print(1 < 2 < 3, 1 < 3 < 2, t(1) < t(2) < t(0) < t(5))
x = 5
print(0 <= x < 10, x == 5 != 6, x is not None, [] is [], "a" if x > 3 else "b")
print([] or "empty", "x" and 0, None or False or 0 or "")
