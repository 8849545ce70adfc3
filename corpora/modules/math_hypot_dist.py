# hypot with any number of arguments, dist between points, degrees and radians.
import math

print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(5, 12))
print(math.hypot(1, 2, 2), math.hypot(2, 3, 6), math.hypot(1e200, 1e200) == 1e200 * math.sqrt(2))
print(math.hypot(math.inf, math.nan), math.isnan(math.hypot(1, math.nan)), math.hypot(0, 0, 0))
print(math.hypot(1e-200, 1e-200) > 0, round(math.hypot(1, 1), 15))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 3, 3]), math.dist((5,), (2,)), math.dist((), ()))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.degrees(0), round(math.radians(90), 15))
for bad in [((1, 2), (1,)), ((1, 2), 3), ([1, 'a'], [2, 3])]:
    try:
        print(math.dist(*bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    math.hypot(1, 'x')
except TypeError as e:
    print('TypeError', e)
