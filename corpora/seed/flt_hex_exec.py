# The seed scenario: flt_hex (from a module on sys.path) checked against
# float.hex for 20000 integers through exec, then for special values.
import sys

sys.path.append('.')
from flt_hex_mod import flt_hex

checksum = 0
bad = 0
count = 0


def f(x):
    global checksum, bad, count
    h = flt_hex(x)
    if h != x.hex():
        bad += 1
    for c in h:
        checksum = (checksum * 31 + ord(c)) % 1000000007
    count += 1


for i in range(20000):
    exec('f(float({:d}))'.format(i), locals(), globals())

for x in [0.0, -0.0, 0.1, -0.1, 1.5, -2.75, 1 / 3, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1e308, 1.7976931348623157e308, -1e308, 123456.789, 2.0 ** 60,
          float('inf'), float('-inf'), float('nan')]:
    f(x)
for i in range(-50, 50):
    f(i / 7)
    f(-i * 1e200)
    f(i * 1e-310)
print(count, checksum, bad)
