# float.hex: zero, signs, subnormals, extremes, inf and nan
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 0.1, -0.1, 3.141592653589793, 1e308, -1e308,
        1.7976931348623157e+308, 2.2250738585072014e-308, 2.225073858507201e-308,
        5e-324, -5e-324, 1e-320, 123456789.0, 1 / 3, 2.0 ** 52, 2.0 ** 53 + 2, 2.0 ** -1022,
        2.0 ** -1023, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(repr(v), v.hex())
# hex() on ints through float()
for i in range(0, 40, 3):
    print(i, float(i).hex(), float(-i).hex())
# a linear congruential spread of bit patterns, round-tripped
import array
x = 12345
for _ in range(60):
    x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    b = bytes(array.array('Q', [x]))
    f = array.array('d', b)[0]
    if f != f:
        continue
    h = f.hex()
    assert float.fromhex(h) == f and (str(f) == str(float.fromhex(h))), h
print('roundtrip ok')
try:
    (1.0).hex(1)
except TypeError as e:
    print(type(e).__name__, e)
