# The format() builtin against str.format and f-strings
vals = [0, 1, -1, 3.5, -0.25, 'str', True, 2 ** 80, 1e300]
specs = ['', '>8', '<8', '^8', '*>8', '08', '+', ' ', ',', '_', '.3', '10.4']
for v in vals:
    row = []
    for s in specs:
        try:
            r = format(v, s)
            assert r == ('{:' + s + '}').format(v) == f'{v:{s}}'
            row.append(r)
        except ValueError as e:
            row.append('E:' + str(e)[:20])
    print(repr(v), row)
