# sqrt, pow, cbrt, exp2: exact cases, signed zeros, infinities and domain errors.
import math

for x in [0, 1, 2, 4, 16, 0.25, 1e-300, 1e300, 10**20, True, -0.0]:
    print('sqrt', x, math.sqrt(x))
print(math.sqrt(math.inf), math.isnan(math.sqrt(math.nan)))
for x, y in [(2, 10), (2, -1), (2.5, 2), (-2, 3), (4, 0.5), (0, 0), (1, math.nan), (math.nan, 0),
             (math.inf, -1), (-math.inf, 3), (0.5, math.inf), (2, -math.inf), (-1, math.inf), (10, 300)]:
    print('pow', x, y, math.pow(x, y))
for x in [0, 1, 8, 27, -8, 1000]:
    print('cbrt', x, round(math.cbrt(x), 12))
for x in [0, 1, 10, -1, 0.5, -1074]:
    print('exp2', x, math.exp2(x))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.sqrt, -1)
attempt(math.sqrt, -math.inf)
attempt(math.pow, 0, -1)
attempt(math.pow, -8, 1 / 3)
attempt(math.pow, 10, 400)
attempt(math.pow, -10, 401)
attempt(math.exp2, 2000)
attempt(math.sqrt, 10**400)
attempt(math.sqrt, '4')
attempt(math.pow, 2)
