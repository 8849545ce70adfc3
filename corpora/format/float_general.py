# 'g', 'G', 'n' and no type: fixed or exponent by the rounded exponent
vals = [0.0, -0.0, 1.0, 10.0, 100000.0, 1000000.0, 1234567.0, 0.0001, 0.00001, 0.000123456, 1e16, 1e17, 123.456,
        1.5e300, 5e-324, 0.1, 1 / 3, 2.5, 99999.95, 999999.5, 1e-5, 12345678901234567890.0]
for v in vals:
    print('{}|{:g}|{:G}|{:.3g}|{:.0g}|{:#g}|{:#.3g}|{:.10g}|{:n}'.format(v, v, v, v, v, v, v, v, v))
    print('{:.1}|{:.3}|{:.17}|{:#.3}|{:10.3}|{:<10}|{:+}|{:010}'.format(v, v, v, v, v, v, v, v))
print(format(1e16, '.17'), format(1e16, '.17g'), format(1e15, '.16'), format(123.0, '.2'), format(1.0, '.3'))
print(format(10 ** 16, 'g'), format(7, '.3g'), format(7, 'n'))
