# s, p, c, x and ? codes: padding, truncation, Pascal strings and truth values.
import struct

print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('0s', b'xyz'), struct.pack('s', b'q'))
print(struct.unpack('5s', b'ab\x00\x00\x00'), struct.unpack('3s2s', b'abcde'))
print(struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'), struct.pack('1p', b'abc'))
print(struct.unpack('5p', b'\x02ab\x00\x00'), struct.unpack('3p', b'\x09xy'))
print(struct.pack('>300p', b'z' * 400)[:3], len(struct.pack('300p', b'')))
print(struct.pack('cc', b'a', b'\xff'), struct.unpack('3c', b'xyz'))
print(struct.pack('<x h 2x', 5), struct.unpack('<xhxx', b'\x00\x05\x00\x00\x00'))
print(struct.pack('????', 0, 1, [], 'x'), struct.unpack('???', b'\x00\x01\x7f'))
print(struct.pack('3s', bytearray(b'hi')), struct.pack('<2s h', b'ok', -1))
for fmt, v in [('c', b'ab'), ('c', 'a'), ('c', 65), ('s', 'text'), ('p', 5), ('c', bytearray(b'a'))]:
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print('struct.error', fmt, e)
