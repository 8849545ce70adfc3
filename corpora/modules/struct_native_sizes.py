# struct standard sizes with explicit byte order prefixes, counts, padding and pad bytes.
import struct
for fmt in ["<b", "<B", "<h", "<H", "<i", "<I", "<q", "<Q", "<f", "<d", "<?", "<c", "<5s", "<3x", ">ihb", "!HH", "=bq", "<2h3b", "<0s"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<2h3b", 1, -1, 2, 3, -4), struct.unpack(">2H", b"\x00\x01\xff\xff"), struct.pack("<?", 5), struct.unpack("<?", b"\x00"))
print(struct.pack("<5s", b"ab"), struct.pack("<2s", b"abcd"), struct.unpack("<3s", b"xyz"), struct.pack(">c", b"q"))
for call in [lambda: struct.pack("<b", 200), lambda: struct.pack("<B", -1), lambda: struct.pack("<h", 2 ** 15), lambda: struct.pack("<c", b"ab"), lambda: struct.pack("<i"), lambda: struct.calcsize("<z")]:
    try:
        call()
    except struct.error as e:
        print("error", e)
