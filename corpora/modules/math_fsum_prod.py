# fsum is exactly rounded where sum() accumulates error; prod with start.
import math

print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 10 for x in range(11)))
print(math.fsum([2.0**53, 1.0, 1.0]), math.fsum([1e308, -1e308, 1e308]))
print(math.fsum([math.inf, 1]), math.fsum([-math.inf, 5]), math.isnan(math.fsum([math.nan, 1])))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum([0.3, 0.3, 0.3, -0.9]))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 11)), math.prod([2, 3], start=10))
print(math.prod([1.5, 2]), math.prod(['ab'], start=3), math.prod([2] * 100) == 2**100)
for bad in [[math.inf, -math.inf], [1e308, 1e308]]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in [['a'], 5]:
    try:
        math.fsum(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    math.prod([1, 'a', 'b'])
except TypeError as e:
    print('TypeError', e)
