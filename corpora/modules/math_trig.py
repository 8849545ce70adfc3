# sin, cos, tan and their inverses, atan2 over all quadrants; domain errors.
import math

def r(x):
    return round(x, 12) + 0.0

for x in [0, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, -math.pi / 3, 2.5, 100]:
    print('%.4f' % x, r(math.sin(x)), r(math.cos(x)), r(math.tan(x)))
for x in [-1, -0.5, 0, 0.5, 1]:
    print(x, r(math.asin(x)), r(math.acos(x)), r(math.atan(x)))
print(r(math.atan(math.inf)), r(math.atan(-math.inf)), math.sin(0.0), math.sin(-0.0))
for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1), (0, -1), (-0.0, -1), (0, 0), (1, 0), (math.inf, math.inf), (0, math.inf)]:
    print('atan2', y, x, r(math.atan2(y, x)))
for f in [math.sin, math.cos, math.tan]:
    for bad in [math.inf, -math.inf]:
        try:
            f(bad)
        except ValueError as e:
            print(f.__name__, bad, 'ValueError', e)
    print(f.__name__, math.isnan(f(math.nan)))
for f in [math.asin, math.acos]:
    for bad in [1.0000001, -2, math.inf]:
        try:
            f(bad)
        except ValueError as e:
            print(f.__name__, bad, 'ValueError', e)
