# array and the buffer protocol: bytes(), bytearray(), tobytes, frombytes
from array import array

for t, vals in [('b', [1, -1, 127]), ('B', [0, 255]), ('h', [1, -2]), ('H', [0x1234]), ('i', [-1, 2 ** 31 - 1]),
                ('I', [0xDEADBEEF]), ('l', [-2]), ('L', [2 ** 63]), ('q', [-(2 ** 63)]), ('Q', [1]),
                ('f', [1.5, -0.0]), ('d', [1.0, 0.1, float('inf')])]:
    a = array(t, vals)
    b = bytes(a)
    print(t, b, bytearray(a), b == a.tobytes(), len(b) == len(a) * a.itemsize)
    c = array(t)
    c.frombytes(b)
    c.frombytes(bytearray(b))
    print(c == array(t, vals + vals), array(t, b) == a)
x = bytes(array('d', [1.0]))[::-1]
print(x, x.hex(), sum(v << (8 * (7 - i)) for i, v in enumerate(x)) == 0x3FF0000000000000)
h = array('H', [1, 2])
h.byteswap()
print(h, bytes(h))
r = array('b', b'\x01\x02')
r.frombytes(array('b', [3]))
print(r, bytes(array('b')), bytearray(array('d')))
