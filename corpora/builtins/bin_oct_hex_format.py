# bin/oct/hex with negatives, big ints, __index__, and int() round-trips.
for n in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 33)]:
    print(n, bin(n), oct(n), hex(n), int(bin(n), 0), int(hex(n), 16), format(n, "b"), format(n, "#x"))
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for v in [1.5, "1", None]:
    try:
        hex(v)
    except TypeError as e:
        print("TypeError", e)
