# bytes.
b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]), b"ab" + b"c", b"x" * 3, b"ell" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes("hi", "utf-8"), b"abc".decode(), b"\x01\xab".hex(), b"a" < b"b", b"a" == b"a")
print(repr(b"it's"), b'"', bytes(b"xy"))
for x in b"AB":
    print(x)
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
