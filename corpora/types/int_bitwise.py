# Shifts and bitwise ops, including negative and big operands.
for a in [0, 1, -1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70) + 3]:
    print(a, a << 3, a >> 2, a & 0xF0F, a | 0x1010, a ^ -7, ~a)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, 5 >> 100)
print((2 ** 80 - 1) & (2 ** 40 + 7), (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80))
for v in [0, 1, 255, 256, -1, 2 ** 65]:
    print(v, v.bit_length())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
