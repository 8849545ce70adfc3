# int attributes and methods; bool and int interplay.
for n in [0, 1, -1, 7, -8, 2 ** 40, -(2 ** 70)]:
    print(n, n.bit_length(), n.real, n.imag, n.numerator, n.denominator, n.conjugate(), abs(n), -n)
print(True.real, False.imag, (5).__class__.__name__, int.__name__, isinstance(2 ** 80, int))
print((255).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(4, byteorder="big"))
