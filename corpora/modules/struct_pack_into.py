# struct.pack_into/unpack_from with offsets, iter_unpack, and buffer-size errors.
import struct
buf = bytearray(12)
struct.pack_into(">HI", buf, 2, 0x1234, 0xDEADBEEF)
print(buf.hex(), struct.unpack_from(">HI", buf, 2), struct.unpack_from("<B", buf, 3))
print(list(struct.iter_unpack("<h", b"\x01\x00\xff\xff\x00\x80")))
for call in [lambda: struct.pack_into(">I", buf, 10, 1), lambda: struct.unpack_from(">I", b"\x00\x00", 0), lambda: list(struct.iter_unpack("<h", b"\x00")), lambda: struct.unpack_from(">H", buf, 11)]:
    try:
        call()
    except struct.error as e:
        print("error", e)
s = struct.Struct("<3sxB")
print(s.size, s.format, s.pack(b"ab", 7), s.unpack(b"xyz\x00\x09"))
