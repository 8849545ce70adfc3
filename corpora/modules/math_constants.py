# math's constants: values, types and the special floats' behaviour.
import math

print(math.pi, math.e, math.tau)
print(math.tau == 2 * math.pi, math.pi / 4)
print(math.inf, -math.inf, math.nan)
print(type(math.inf).__name__, math.inf > 1e308, -math.inf < -1e308)
print(math.nan == math.nan, math.nan != math.nan, math.isnan(math.nan))
print(math.inf == float('inf'), math.inf - math.inf != 0)
print(math.inf * 0 == math.inf * 0)
print(round(math.e ** 2, 10), round(math.pi * 1e6))
