# chr/ord over ASCII, Latin-1, BMP and astral code points, and their errors.
for c in [0, 65, 127, 128, 255, 256, 0x20AC, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF]:
    s = chr(c)
    print(c, len(s), ord(s), ascii(s), s.encode("utf-8"))
for v in [-1, 0x110000, 1.5, "a"]:
    try:
        chr(v)
    except Exception as e:
        print(type(e).__name__, e)
for v in ["", "ab", 5, b"ab"]:
    try:
        ord(v)
    except Exception as e:
        print(type(e).__name__, e)
print(ord(b"A"), ord(bytearray(b"z")), "".join(chr(c) for c in range(97, 102)))
