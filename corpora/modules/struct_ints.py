# Integer codes in every standard byte order, their ranges and round trips.
import struct

for order in '<>!=':
    for code, vals in [('b', [-128, 0, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [65535]),
                       ('i', [-2**31, 2**31 - 1]), ('I', [2**32 - 1]), ('l', [-5]), ('L', [4000000000]),
                       ('q', [-2**63, 2**63 - 1]), ('Q', [2**64 - 1])]:
        fmt = order + code * len(vals)
        data = struct.pack(fmt, *vals)
        back = struct.unpack(fmt, data)
        print(fmt, data, back == tuple(vals))
print(struct.pack('<i', True), struct.pack('>H', False), struct.unpack('<q', b'\xff' * 8))

class Idx:
    def __index__(self):
        return 258

print(struct.pack('>h', Idx()), struct.pack('<3B', 1, 2, 3), struct.unpack('>3b', b'\x80\x7f\xff'))
print(struct.pack('!hxxI', 1, 2), struct.unpack('<I', struct.pack('>I', 0x01020304)))
