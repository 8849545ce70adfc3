# isinf, isnan, isfinite and isclose with its tolerances.
import math

vals = [0, 1.5, -0.0, math.inf, -math.inf, math.nan, 10**300, True]
for v in vals:
    print(v, math.isinf(v), math.isnan(v), math.isfinite(v))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-11))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(-1, -1.0000000001), math.isclose(5, 5), math.isclose(a=1, b=1))
for kw in [{'rel_tol': -1}, {'abs_tol': -0.5}]:
    try:
        math.isclose(1, 2, **kw)
    except ValueError as e:
        print('ValueError', e)
for bad in ['x', None, [1]]:
    try:
        math.isnan(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    math.isinf(10**400)
except OverflowError as e:
    print('OverflowError', e)
