# math.trunc/floor/ceil/copysign/fabs/remainder on edge values; integer results for ints.
import math
for x in [2.5, -2.5, 0.0, -0.0, 1e20, -1e-20, 7]:
    print(x, math.trunc(x), math.floor(x), math.ceil(x), math.fabs(x), math.copysign(3, x))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-10, 3), math.remainder(5, 2), math.remainder(7, 2))
for f, arg in [(math.floor, float("inf")), (math.ceil, float("nan")), (math.trunc, "1"), (math.floor, None)]:
    try:
        f(arg)
    except Exception as e:
        print(type(e).__name__, e)
try:
    math.remainder(1, 0)
except ValueError as e:
    print("ValueError", e)
print(math.copysign(1, -0.0), math.copysign(0.0, -1), type(math.floor(2.5)).__name__, math.floor(2 ** 70) == 2 ** 70)
