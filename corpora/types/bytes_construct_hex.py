# bytes constructors, fromhex/hex, repr escapes, indexing yields ints.
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes(b"ab"), bytes(bytearray(b"cd")), bytes("hé", "utf-8"))
for bad in [[256], [-1], ["a"]]:
    try:
        print(bytes(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print("ValueError", e)
print(bytes.fromhex("00ff10"), bytes.fromhex("de ad be ef"), bytes.fromhex(""))
for bad in ["0", "zz", "0 0"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError", e)
print(b"\x00\xffab".hex(), b"".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2))
print(repr(b"\t\n\r\x7f'\"\\"), repr(b"'"), repr(b'"'), repr(b"'\""))
b = b"xyz"
print(b[0], b[-1], b[1:], b[::-1], list(b), b * 2, b + b"!", len(b))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    b + "s"
except TypeError as e:
    print("TypeError", e)
print(b"a" < b"b", b"ab" < b"a", b"a" == bytearray(b"a"), b"" == b"", b"a" != "a")
