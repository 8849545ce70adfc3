# erf, erfc, gamma, lgamma: values (rounded: libm implementations differ in
# the last bits), exact factorials from gamma, poles and overflow.
import math

def r(x):
    return round(x, 11) + 0.0

for x in [0, 0.5, 1, -1, 2, 3, -0.3]:
    print('erf', x, r(math.erf(x)), r(math.erfc(x)))
print(math.erf(math.inf), math.erf(-math.inf), math.erfc(math.inf), math.erfc(-math.inf))
for n in range(1, 12):
    print('gamma', n, math.gamma(n), round(math.lgamma(n), 10))
for x in [0.5, 1.5, -0.5, -1.5, 4.1]:
    print('gamma', x, r(math.gamma(x)), r(math.lgamma(x)))
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.gamma, 0)
attempt(math.gamma, -2)
attempt(math.gamma, -math.inf)
attempt(math.gamma, 172)
attempt(math.lgamma, 0)
attempt(math.lgamma, -3)
attempt(math.lgamma, 1e308)
attempt(math.erf, None)
