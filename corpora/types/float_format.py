# Float formatting with the format mini-language.
vals = [0.0, 1.0, -1.5, 3.14159265, 1234567.891, 0.000123456, 1e21, 1e-10, 2.5, 0.125]
for v in vals:
    print(f"{v}|{v:.2f}|{v:10.3f}|{v:e}|{v:.3e}|{v:g}|{v:.3g}|{v:+.1f}|{v:%}")
print(f"{1e16:g} {123456789.0:g} {0.0001:g} {0.00001:g} {1.5e300:.2e}")
print(format(1234567.0, ","), format(-1234.5678, ",.2f"), format(1.0, ".0f"), format(2.5, ".0f"), format(3.5, ".0f"))
print(f"{3.0:5}|{-2.0:<7}|{1.25:^9}|{7.0:*>8.2f}|{0.5:08.3f}|{-0.5:08.3f}")
