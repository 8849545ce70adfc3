# Half, single and double floats: rounding, specials and overflow.
import struct, math

for v in [0.0, -0.0, 1.0, 1.5, -2.25, 0.1, 1e-5, 65504.0, 65519.0, 6e-8, 3e-8, 1e-10, math.inf, -math.inf]:
    b = struct.pack('<e', v)
    print('e', v, b, struct.unpack('<e', b)[0])
for v in [0.0, 1.0, 0.1, 3.4028234663852886e38, 1e-45, 1e-46, -math.inf, 16777217.0]:
    b = struct.pack('>f', v)
    print('f', v, b, struct.unpack('>f', b)[0])
for v in [0.1, -1e308, 5e-324, math.pi, 2**53 + 1.0]:
    b = struct.pack('<d', v)
    print('d', v, b, struct.unpack('<d', b)[0])
print(math.isnan(struct.unpack('<e', struct.pack('<e', math.nan))[0]), struct.pack('>e', math.nan))
print(struct.pack('<d', 3), struct.pack('<f', True), struct.unpack('!d', struct.pack('!d', -0.0)))
for code, v in [('e', 65520.0), ('e', 1e6), ('f', 1e39), ('f', -1e300)]:
    try:
        struct.pack('<' + code, v)
    except OverflowError as e:
        print('OverflowError', e)
for v in ['1.0', None, [1]]:
    try:
        struct.pack('<d', v)
    except struct.error as e:
        print('struct.error', e)
