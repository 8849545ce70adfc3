# Strings: fill, align, width, precision (truncation), the 0 flag, unicode
for s in ['', 'a', 'abc', 'héllo', '日本語', 'x' * 12]:
    print('[{:10}]|[{:<10}]|[{:>10}]|[{:^10}]|[{:*^11}]|[{:.2}]|[{:10.2}]|[{:>10.4s}]|[{:05}]|[{:é>7}]'.format(
        s, s, s, s, s, s, s, s, s, s))
print('[{:^4}]'.format('ab'), '[{:^5}]'.format('ab'), '[{:^6}]'.format('abc'), '[{:-^3}]'.format(''))
print('[{:>{w}}]'.format('x', w=4), '[{:.0}]'.format('abc'), '[{}]'.format(''))
print(format('abc', ''), format('abc', 's'), format('abc', '<'), format('a', '0>3'), format('a', '0<3'))
