# chr and ord: ASCII, multi-byte characters, bytes, and range/type errors.
for c in "aZ0 ~\n\té€😀":
    print(repr(c), ord(c), chr(ord(c)) == c)
print(ord(b"A"), ord(bytearray(b"z")))
for i in [0, 65, 127, 128, 255, 0x20ac, 0x10ffff]:
    print(i, len(chr(i)), ord(chr(i)))
for bad in [-1, 0x110000, 2**40]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ["", "ab", b"ab", 5]:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
