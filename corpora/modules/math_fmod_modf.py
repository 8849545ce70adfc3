# fmod, modf, remainder, copysign, frexp, ldexp: exact results and edge cases.
import math

for x, y in [(10, 3), (-10, 3), (10, -3), (5.5, 2), (1, math.inf), (-0.0, 1), (1e300, 1e-300)]:
    print('fmod', x, y, math.fmod(x, y))
for x in [3.5, -3.5, 0.0, -0.0, 1e300, math.inf, -math.inf, 7]:
    print('modf', x, math.modf(x))
print(math.isnan(math.modf(math.nan)[0]))
for x, y in [(10, 3), (11, 3), (-10, 3), (5, 2), (7, 2), (1, math.inf), (2.5, 1)]:
    print('remainder', x, y, math.remainder(x, y))
for x, y in [(1, -0.0), (-1, 0.0), (3, -2), (0.0, -1), (math.inf, -1), (-2, math.nan)]:
    print('copysign', x, y, math.copysign(x, y))
for x in [8.0, 1, 0.0, -3.0, 0.1, 1e-310, 1e308, math.inf]:
    print('frexp', x, math.frexp(x))
for x, i in [(0.5, 4), (1, -1), (3, 0), (1, -1074), (1, -1075), (1.5, 1023), (0.0, 5000), (-2, 10**30 * -1)]:
    print('ldexp', x, i, math.ldexp(x, i))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.fmod, 1, 0)
attempt(math.fmod, math.inf, 2)
attempt(math.remainder, 1, 0)
attempt(math.remainder, math.inf, 1)
attempt(math.ldexp, 1, 1024)
attempt(math.ldexp, 1, 10**30)
attempt(math.ldexp, 1, 2.0)
attempt(math.frexp, 'a')
attempt(math.fmod, 1)
