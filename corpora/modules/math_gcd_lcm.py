# gcd and lcm over any number of ints, negative values and big ints.
import math

print(math.gcd(), math.gcd(0), math.gcd(-7), math.gcd(12, 18), math.gcd(12, -18), math.gcd(0, 0))
print(math.gcd(12, 18, 27), math.gcd(2**64, 2**40 * 3), math.gcd(-2**63, 2**62))
a = 2**100 * 3**50
b = 2**80 * 3**70 * 5
print(math.gcd(a, b) == 2**80 * 3**50, math.gcd(10**40 + 1, 10**20 - 1))
print(math.lcm(), math.lcm(5), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(-4, 6), math.lcm(3, 0))
print(math.lcm(2**70, 3**40) == 2**70 * 3**40, math.lcm(True, 7))

class I:
    def __index__(self):
        return 36

print(math.gcd(I(), 48), math.lcm(I(), 10))
for bad in [(1.0, 2), ('a',), (2, None)]:
    try:
        math.gcd(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    math.lcm(2, 3.5)
except TypeError as e:
    print('TypeError', e)
