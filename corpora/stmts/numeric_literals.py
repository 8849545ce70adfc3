# Numeric literal forms: underscores, bases, float exponents, imaginary literals and invalid forms.
print(1_000_000, 0x_FF, 0o7_7, 0b1_0_1, 0XAB, 0O17, 0B11, 1_0.5_5, 1e1_0, .5, 5., 1E-3, 0j, 1_0j, 1.5e2j)
print(0, 00, 0_0, 0.0, 9999999999999999999999, 0xFFFFFFFFFFFFFFFFFFFF, 1e400, 1e-400)
for src in ["1__0", "0x", "0b2", "0o8", "1_", "09", "1e", "0_x1"]:
    try:
        eval(src)
        print("ok", src)
    except SyntaxError:
        print("SyntaxError", src)
