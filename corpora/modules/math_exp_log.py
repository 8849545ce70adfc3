# exp, expm1, log (with base), log2, log10, log1p, including big ints past float range.
import math

for x in [0, 1, -1, 0.5, 700, -745, -1000]:
    m, e = math.frexp(math.exp(x))
    print('exp', x, round(m, 12), e)
for x in [0, 1e-10, -1e-10, 1, -20]:
    print('expm1', x, round(math.expm1(x), 20))
print(math.log(1), math.log(math.e), round(math.log(10), 14))
print(math.log(8, 2), math.log(100, 10), math.log(1, 5), round(math.log(2, 8), 14))
print(math.log2(1), math.log2(1024), math.log2(0.5), math.log2(2**1000))
print(math.log10(1), math.log10(1000), math.log10(1e-5), math.log10(10**300))
print(math.log1p(0), round(math.log1p(1e-15), 30), round(math.log1p(1), 14))
big = 10**400
print(round(math.log(big), 9), round(math.log10(big), 9), round(math.log2(2**2000 + 1), 9))
print(round(math.log(big, 10), 9), math.log(math.inf), math.isnan(math.log(math.nan)))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.exp, 710)
attempt(math.expm1, 1000)
attempt(math.log, 0)
attempt(math.log, -1)
attempt(math.log, -10**400)
attempt(math.log, 0.0)
attempt(math.log, 10, 1)
attempt(math.log, 10, 0)
attempt(math.log2, 0)
attempt(math.log10, -5)
attempt(math.log1p, -1)
attempt(math.log1p, -2)
attempt(math.log, 'x')
attempt(math.log)
attempt(math.log, 1, 2, 3)
