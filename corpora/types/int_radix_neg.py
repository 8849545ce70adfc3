# Negative and big numbers in every base; parsing round trips.
for n in [-1, -255, -(2 ** 64), 2 ** 64 - 1, -(3 ** 45)]:
    print(n, hex(n), oct(n), bin(n), f"{n:x}", f"{n:o}", f"{n:#b}")
    for b in [2, 7, 16, 36]:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        m, s = abs(n), ""
        while m:
            s = digits[m % b] + s
            m //= b
        s = ("-" if n < 0 else "") + (s or "0")
        print(b, s, int(s, b) == n)
print(int("-0b1111", 0), int("0X_ff", 16), int("-Z", 36), int("0o777", 0), int("00", 0), int("0_0", 0))
for bad in ["08", "0b2", "0x", "- 1"]:
    try:
        int(bad, 0)
    except ValueError as e:
        print("ValueError", e)
