# inf, nan and negative zero under every spec feature, and the 'z' option
inf, nan = float('inf'), float('nan')
for v in [inf, -inf, nan, -nan, 0.0, -0.0]:
    print('{}|{:f}|{:F}|{:e}|{:E}|{:g}|{:G}|{:+}|{: }|{:10}|{:<10}|{:^10}|{:010}|{:+010}|{:*=10}|{:,}'.format(
        v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v))
for v in [-0.0, -0.0001, -0.04, -0.05, 0.0, -1e-20]:
    print(repr(format(v, 'z.1f')), repr(format(v, '.1f')), repr(format(v, 'z')), repr(format(v, 'z.0e')),
          repr(format(v, 'z.2g')), repr(format(v, '+z.1f')), repr(format(v, 'z.0%')))
