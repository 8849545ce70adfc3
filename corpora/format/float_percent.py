# The '%' presentation type
for v in [0, 1, 0.5, 1 / 3, -1 / 3, 0.125, 12.3456, 1e-9, float('inf'), float('nan'), -0.0]:
    print('{:%}|{:.0%}|{:.1%}|{:+.2%}|{:10.1%}|{:<10.1%}|{:010.1%}|{:#.0%}|{:,.1%}'.format(v, v, v, v, v, v, v, v, v))
print(format(12345, ',.2%'))
