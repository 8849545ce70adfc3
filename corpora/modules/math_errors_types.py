# What math accepts as a number: ints, bools, floats, __float__ and __index__
# objects; everything else is a TypeError with CPython's message.
import math

class Fl:
    def __float__(self):
        return 2.25

class Ix:
    def __index__(self):
        return 9

class BadFl:
    def __float__(self):
        return 'no'

print(math.sqrt(Fl()), math.sqrt(Ix()), math.sqrt(True), math.sqrt(False))
print(math.copysign(Fl(), -1), math.atan2(Ix(), 0) == math.pi / 2)
for bad in ['1', None, [1], 1j, BadFl()]:
    try:
        math.sqrt(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    math.exp(10**400)
except OverflowError as e:
    print('OverflowError', e)
for call in [lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.atan2(1), lambda: math.copysign(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
print(type(math.sqrt(4)).__name__, type(math.floor(4.0)).__name__, type(math.fabs(-3)).__name__, math.fabs(-3))
