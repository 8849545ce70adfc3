# 'e' and 'E': mantissa precision, two-digit exponents, '#' keeps the point
vals = [0.0, -0.0, 1.0, 9.999, 9.9999999, 12345.678, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, -2.5e-5, 1e100]
for v in vals:
    print('{:e}|{:E}|{:.0e}|{:#.0e}|{:.2e}|{:.15e}|{:+.3E}|{:15.2e}|{:015.2e}'.format(v, v, v, v, v, v, v, v, v))
print(format(10 ** 20, 'e'), format(-7, '.3e'), format(True, 'E'))
