# math.frexp/ldexp round-trips, math.isclose tolerances, math.copysign/inf/nan constants.
import math
for x in [0.0, 1.0, -2.5, 1e-300, 1024.0, 0.1]:
    m, e = math.frexp(x)
    print(x, m, e, math.ldexp(m, e) == x)
print(math.ldexp(1, 1024 - 1) > 0, math.ldexp(1.5, -1074) > 0)
try:
    math.ldexp(1, 10000)
except OverflowError as e:
    print("OverflowError", e)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isinf(-math.inf), math.isnan(math.nan))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
