# sinh, cosh, tanh, asinh, acosh, atanh: values, overflow and domain errors.
import math

def r(x):
    return round(x, 10) + 0.0

for x in [0, 0.5, 1, -1, 2, 20]:
    print(x, r(math.sinh(x)), r(math.cosh(x)), r(math.tanh(x)), r(math.asinh(x)))
print(math.tanh(math.inf), math.tanh(-math.inf), math.sinh(-math.inf), math.cosh(-math.inf))
for x in [1, 2, 10, 1e10]:
    print('acosh', x, r(math.acosh(x)))
for x in [0, 0.5, -0.5, 0.99]:
    print('atanh', x, r(math.atanh(x)))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.sinh, 1000)
attempt(math.cosh, -1000)
attempt(math.acosh, 0.5)
attempt(math.atanh, 1)
attempt(math.atanh, -1)
attempt(math.atanh, 2)
attempt(math.asinh, 'q')
