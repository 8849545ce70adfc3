# '{:+d}' (and the other signs) for a wide spread of ints, small and big
def spread():
    x = 0x9E3779B97F4A7C15
    for bits in range(0, 256, 7):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 256)
        v = x >> (256 - bits) if bits else 0
        yield v
        yield -v
    for k in range(0, 130, 13):
        yield 2 ** k - 1
        yield -(2 ** k)
        yield 2 ** k


for n in spread():
    print('{:+d}'.format(n), '{:-d}'.format(n), '{: d}'.format(n), '{:d}'.format(n) == str(n))
print('{:+d} {:+d} {:+d}'.format(0, True, False))
print('{:+}'.format(-5), '{:+8d}|'.format(42), '{:<+8d}|'.format(42), '{:^+8d}|'.format(-42), '{:=+8d}|'.format(42))
print('{:+08d}'.format(-42), '{:+08d}'.format(42), '{: 08d}'.format(42))
