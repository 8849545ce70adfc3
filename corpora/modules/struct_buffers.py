# pack_into, unpack_from with offsets (negative too) and iter_unpack.
import struct

buf = bytearray(10)
struct.pack_into('<hi', buf, 2, -2, 0x01020304)
print(buf)
struct.pack_into('>H', buf, -2, 0xabcd)
print(buf, struct.unpack_from('<hi', buf, 2), struct.unpack_from('>H', buf, -2))
print(struct.unpack_from('<b', buf), struct.unpack_from('<4s', b'0123456789', offset=3))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\xff\xff')), list(struct.iter_unpack('>bb', b'')))
it = struct.iter_unpack('<BB', bytes(range(6)))
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print([t for t in struct.iter_unpack('<i', bytearray(b'\x05\x00\x00\x00\x06\x00\x00\x00'))])

def attempt(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

attempt(struct.pack_into, '<i', bytearray(5), 2, 1)
attempt(struct.pack_into, '<i', bytearray(5), -10, 1)
attempt(struct.pack_into, '<i', b'12345678', 0, 1)
attempt(struct.pack_into, '<ii', bytearray(8), 0, 1)
attempt(struct.unpack_from, '<i', b'abcde', 2)
attempt(struct.unpack_from, '<i', b'abcde', -10)
attempt(struct.iter_unpack, '<i', b'abcde')
attempt(struct.iter_unpack, '', b'abc')
