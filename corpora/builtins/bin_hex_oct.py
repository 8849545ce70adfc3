# bin, hex and oct: signs, zero, bools, big ints, __index__, and errors.
for x in [0, 1, -1, 255, -255, 2**64, -2**64 + 1, True, False, 12345678901234567890]:
    print(bin(x), hex(x), oct(x))
class I:
    def __index__(self):
        return 42
print(bin(I()) if hasattr(I, "__index__") else "")
for bad in [1.5, "10", None, [1]]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(int(bin(1000), 2), int(hex(1000), 16), int(oct(1000), 8))
