# Grouping for floats: only the integer part, zero padding grouped too
for v in [0.0, 1234.5, 1234567.891, -9876543.21, 1e20, 123.0, 1e-5, 12345678.0]:
    print('{:,}|{:_}|{:,.2f}|{:_.3e}|{:,g}|{:020,.2f}|{:>20,.1f}|{:,.0f}|{:,%}'.format(v, v, v, v, v, v, v, v, v))
for w in range(1, 14):
    print(w, format(1234.5, '0{},.1f'.format(w)), format(-1234.5, '0{}_.1f'.format(w)))
