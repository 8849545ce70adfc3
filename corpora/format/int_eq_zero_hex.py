# '{:=013x}': '=' alignment with the 0 flag pads with zeros after the sign
def spread():
    x = 12345
    for bits in range(0, 200, 5):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 200)
        v = x >> (200 - bits) if bits else 0
        yield v
        yield -v
    for k in (0, 1, 4, 48, 51, 52, 53, 64, 100):
        yield 2 ** k
        yield 2 ** k - 1


for n in spread():
    print('{:=013x}'.format(n), '{:=013X}'.format(n), '{:#=013x}'.format(n), '{:+=013x}'.format(n))
print('{:=013x}'.format(5), '{:=13x}|'.format(5), '{:*=13x}|'.format(-5), '{:0=13x}'.format(-5))
print('{:013x}'.format(-255), '{:<013x}'.format(255), '{:>013x}'.format(255), '{:^013x}'.format(255))
print('{:=013d}'.format(-12345), '{:=013o}'.format(8), '{:=013b}'.format(-5))
