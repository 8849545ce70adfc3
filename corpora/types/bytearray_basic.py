# bytearray: a mutable byte string.
b = bytearray(b"abc")
b.append(100)
b.extend(b"ef")
b.extend([103, 104])
b[0] = 65
print(b, len(b), b[1], b[-1], b[1:4], list(b[:3]), b.pop(), b, bytes(b), b == b"Abcdefg", b.decode(), b.hex())
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray("hi", "utf-8"), b + b"!", b"<" + bytearray(b">"), 98 in b, b"cd" in bytes(b))
for x in bytearray(b"xy"):
    print(x)
try:
    b[0] = 300
except ValueError as e:
    print("ValueError", e)
try:
    hash(b)
except TypeError as e:
    print("TypeError", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError", e)
