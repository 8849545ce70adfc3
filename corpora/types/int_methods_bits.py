# int.bit_length, bit_count, as_integer_ratio, conjugate, real/imag, numerator/denominator.
for n in [0, 1, -1, 7, 8, -8, 255, 2**40, -(2**40) - 1, 2**100]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print(True.bit_length(), False.bit_count(), int.__name__)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(0, "big"))
for call in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
