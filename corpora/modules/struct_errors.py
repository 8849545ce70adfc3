# struct.error and its messages: ranges, argument counts, buffer sizes.
import struct

print(issubclass(struct.error, Exception), struct.error.__name__)
cases = [('<b', 128), ('<b', -129), ('<B', 256), ('<B', -1), ('<h', 32768), ('<H', -1), ('<H', 65536),
         ('<i', 2**31), ('<i', -2**31 - 1), ('<I', 2**32), ('<I', -1), ('<l', 2**31), ('<L', 2**32),
         ('<q', 2**63), ('<q', -2**63 - 1), ('<Q', 2**64), ('<Q', -1), ('>i', 1.0), ('>i', '1'), ('>i', None)]
for fmt, v in cases:
    try:
        struct.pack(fmt, v)
        print(fmt, v, 'packed')
    except struct.error as e:
        print(fmt, v, e)
for fmt, args in [('<ii', (1,)), ('<i', (1, 2)), ('<i', ()), ('<2s', (b'a', b'b')), ('<x', (1,))]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print(fmt, e)
for fmt, data in [('<i', b'abc'), ('<i', b'abcde'), ('<h', b''), ('<0s', b'x')]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print(fmt, e)
try:
    struct.unpack('<i', 'abcd')
except TypeError as e:
    print('TypeError', e)
try:
    struct.pack()
except TypeError as e:
    print('TypeError', e)
try:
    raise struct.error('custom')
except struct.error as e:
    print(type(e).__name__, e, e.args)
