# 'f' and 'F' with precisions: correct rounding of the binary value
vals = [0.0, 1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1e-7, 123.456, -123.456, 1e15, 1e16, 1e22,
        1.7976931348623157e308, 5e-324, 3.141592653589793, 2 / 3]
for v in vals:
    print('{:f}|{:.0f}|{:.1f}|{:.2f}|{:.3f}|{:.10f}'.format(v, v, v, v, v, v))
    print('{:F}|{:#.0f}|{:+.2f}|{: .2f}|{:12.3f}|{:<12.3f}|{:^12.3f}|{:012.3f}'.format(v, v, v, v, v, v, v, v))
print('{:.30f}'.format(0.1))
print('{:.0f} {:.0f} {:.0f} {:.0f}'.format(0.5, 1.5, 2.5, -0.5))
print(format(1e100, '.2f'))
print(format(12, 'f'), format(True, '.1f'), format(-3, 'F'))
