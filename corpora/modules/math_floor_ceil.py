# floor, ceil and trunc: ints from floats (big for huge floats), ints unchanged,
# the special methods of user classes, and errors for inf/nan/strings.
import math

for x in [2.5, -2.5, 0.0, -0.0, 1e20, -1e20, 2.0**70, 0.999999, -0.000001, 7, -7, True, 10**30]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.floor(1e300) == int(1e300), math.ceil(-1e300) == int(-1e300))

class F:
    def __floor__(self):
        return 'floored'
    def __ceil__(self):
        return 'ceiled'
    def __trunc__(self):
        return 'truncated'
    def __float__(self):
        return 9.5

f = F()
print(math.floor(f), math.ceil(f), math.trunc(f))

class G:
    def __float__(self):
        return 3.7

print(math.floor(G()), math.ceil(G()))

for fn in [math.floor, math.ceil, math.trunc]:
    for bad in [math.inf, -math.inf, math.nan, 'x', None, G()]:
        try:
            print(fn.__name__, fn(bad))
        except Exception as e:
            print(fn.__name__, type(e).__name__, e)
