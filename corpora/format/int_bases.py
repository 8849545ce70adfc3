# Integer presentation types b o x X d n with '#', widths and signs
for n in [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 65535, 2 ** 64, -(2 ** 70) + 3, True]:
    print(n, '{:b}|{:o}|{:x}|{:X}|{:d}|{:n}'.format(n, n, n, n, n, n))
    print('{:#b}|{:#o}|{:#x}|{:#X}|{:#d}'.format(n, n, n, n, n))
    print('{:#12b}|{:#012o}|{:<#10x}|{:^#10X}|{:+#x}|{: #o}'.format(n, n, n, n, n, n))
print(format(255, 'x'), format(255, '#X'), format(-255, '#b'), format(10, ''), format(10, 'n'))
