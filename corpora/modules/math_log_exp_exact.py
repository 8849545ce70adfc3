# math log/exp families on values with exact results, and domain errors.
import math
print(math.log(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(0), math.exp(0), math.expm1(0))
print(math.log2(2 ** 100), math.log10(10 ** 20), round(math.log(100, 10), 12), math.log(2 ** 1000) > 693)
for call in [lambda: math.log(0), lambda: math.log(-1), lambda: math.log2(0), lambda: math.log10(-5), lambda: math.log1p(-1), lambda: math.exp(1000), lambda: math.log(10, 1), lambda: math.log("x")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(math.exp(-1000), math.log(float("inf")), math.sqrt(16), math.sqrt(0.0), math.pow(2, 10), math.pow(0, 0))
