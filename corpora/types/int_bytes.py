# to_bytes / from_bytes in both byte orders, signed and unsigned.
for v in [0, 1, 255, 256, 65535, 2 ** 40 + 5]:
    b = v.to_bytes(8, "big")
    print(v, b, int.from_bytes(b, "big"), v.to_bytes(8, "little"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x00\x80", "little", signed=True))
print(int.from_bytes(b"\x01\x02\x03", "little"), int.from_bytes(b"", "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
