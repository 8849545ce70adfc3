# %-formatting errors: counts, types, bad characters
cases = [('%d', 'x'), ('%x', 1.5), ('%o', 'a'), ('%f', 'x'), ('%e', None), ('%c', 'ab'), ('%c', -1), ('%c', 0x110000),
         ('%c', 1.5), ('%d %d', (1,)), ('%d', (1, 2)), ('abc', 5), ('abc', (1,)), ('%', ()), ('%5', (1,)),
         ('%y', (1,)), ('ab%qcd', (1,)), ('é%ké', (1,)), ('%*d', ('x', 1)), ('%.*f', (1.5, 2.0)), ('%d', float('inf')),
         ('%d', float('nan')), ('%i', []), ('%s %s', 'ab'), ('%(a)s %s', {'a': 1}), ('%s', ()), ('%.2d', 'x'),
         ('%-', (1,)), ('%x', 2 ** 70 + 0.5)]
for f, a in cases:
    try:
        print(repr(f), repr(f % a))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(repr(f), type(e).__name__, e)
for f, a in [('%y', ()), ('%y', (1,)), ('%(a)y', {'a': 1}), ('%*y', (1,)), ('abc', b'x'), ('abc', range(3)), ('%s', b'x'),
             ('%(a)s', [1]), ('%(a)s %(b)s', {'a': 1}), ('%s', [1, 2]), ('%d', [1])]:
    try:
        print(repr(f % a))
    except (TypeError, ValueError, KeyError) as e:
        print(repr(f), type(e).__name__, e)
