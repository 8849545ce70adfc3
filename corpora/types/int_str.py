# Conversion to and from text in bases 2 to 36.
print(int("123"), int("-0x1f", 16), int("0b101", 0), int("zz", 36), int("  42  "), int("1_000"))
print(int("0o17", 8), int("17", 8), int(" -9 "), int("+5"))
for b in [2, 8, 10, 16, 36]:
    print(b, int("101", b))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5), hex(2 ** 70))
print(str(2 ** 90), repr(-2 ** 90), int(str(3 ** 50)) == 3 ** 50)
print(int(3.99), int(-3.99), int(True), int(1e20))
for s in ["", "abc", "1.5", "0x", "1__0", "12a"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
