# ',' and '_' grouping for ints, with zero padding that is grouped too
for n in [0, 1, 12, 123, 1234, 12345, 123456, 1234567, -1234567, 10 ** 20, -(10 ** 30) - 1]:
    print('{:,}|{:_}|{:,d}|{:_d}'.format(n, n, n, n))
    print('{:015,}|{:015_}|{:>15,}|{:<15,}|{:^15,}|{:*=15,}'.format(n, n, n, n, n, n))
for n in [0, 0xff, 0xdeadbeef, -0xdeadbeef, 2 ** 70]:
    print('{:_x}|{:_X}|{:_b}|{:_o}|{:#_x}|{:#020_x}|{:020_b}'.format(n, n, n, n, n, n, n))
for w in range(1, 12):
    print(w, format(1234, '0{},'.format(w)), format(-1234, '0{}_'.format(w)), format(5, '0{}_x'.format(w)))
