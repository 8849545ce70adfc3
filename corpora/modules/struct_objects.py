# Struct objects: a compiled format with its size and the module's methods.
import struct

s = struct.Struct('<hI')
print(type(s).__name__, s.format, s.size)
b = s.pack(-1, 7)
print(b, s.unpack(b), s.unpack_from(b'xx' + b, 2), list(s.iter_unpack(b * 2)))
buf = bytearray(8)
s.pack_into(buf, 1, 2, 3)
print(buf)
t = struct.Struct(b'>3s?')
print(t.format, t.size, t.pack(b'abcd', 1), struct.Struct(format='!q').size)
for f in ['z', '<5']:
    try:
        struct.Struct(f)
    except struct.error as e:
        print('struct.error', e)
try:
    s.pack(1)
except struct.error as e:
    print('struct.error', e)
try:
    s.unpack(b'abc')
except struct.error as e:
    print('struct.error', e)
