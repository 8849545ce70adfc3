# gmtime as a 9-tuple: the epoch, leap days, negative times, fractional
# seconds rounding down, and far dates.
import time

print(tuple(time.gmtime(0)), time.gmtime(0)[0], len(time.gmtime(0)))
for s in [1, 59, 60, 3599, 86399, 86400, 951782400, 951868800, 1234567890, 2**31 - 1, 2**31, 4102444800,
          -1, -86400, -86401, 1.9, -1.5, 253402300799, 946684800.999]:
    print(s, tuple(time.gmtime(s)))
print(tuple(time.gmtime(0.0)) == tuple(time.gmtime(0)), tuple(time.gmtime(True)))
y = [tuple(time.gmtime(d * 86400 * 366))[0] for d in range(0, 60, 7)]
print(y)
for bad in ['0', [0]]:
    try:
        time.gmtime(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    time.gmtime(float('nan'))
except ValueError as e:
    print('ValueError', e)
for bad in [1e20, -1e20]:
    try:
        time.gmtime(bad)
    except (OverflowError, OSError, ValueError) as e:
        print(type(e).__name__)
