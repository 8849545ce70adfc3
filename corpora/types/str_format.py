# format specs and f-strings.
n = 255
x = 3.14159
s = "py"
print(f"{n}|{n:5}|{n:<5}|{n:^7}|{n:05}|{n:+}|{n:x}|{n:#X}|{n:b}|{n:o}|{n:,}|{-n:08}")
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3g}|{x:+.1f}|{1234567.891:,.2f}|{0.5:.0%}")
print(f"{s:>6}|{s:*^6}|{s!r}|{s:.1}|{'x'*3}|{n!r:>6}")
print(format(42), format(42, "d"), format("a", "3"), format(1e-7), format(12345678901234567890, ","))
print("%s %r %d %5.2f %x %o %c %%" % ("a", "b", 42, 2.5, 255, 8, 65))
print("%-5s|%5s|%05d|%+d" % ("ab", "cd", 42, 7))
