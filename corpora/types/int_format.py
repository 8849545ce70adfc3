# Integer formatting: widths, alignment, signs, bases, grouping.
for n in [0, 7, -7, 255, -255, 65535, 10 ** 12, -(2 ** 70)]:
    print(f"{n}|{n:8}|{n:<8}|{n:^8}|{n:08}|{n:+}|{n: }|{n:x}|{n:#x}|{n:X}|{n:#o}|{n:#b}|{n:,}|{n:_}")
print(f"{255:#010x}|{-255:#010x}|{5:=+6}|{42:c}|{1234567:_x}|{10**6:,d}")
print(format(5, "03"), format(-5, "03"), format(True, "d"), format(12, "n"), format(12, ""))
