# float.fromhex: the grammar, rounding (half to even, subnormals), errors
cases = ['0x1p0', '0X1P0', '1', 'ff', '1e5', '0x1.8p1', '  -0X1.8P+1  ', '\t0x.8\n', '.1', '1.', '0x1.',
         '0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076', '0x1.8p-1074', '0x.8p-1073',
         '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000080001p0',
         '0x1.fffffffffffffp1023', '0x1.fffffffffffff7ffp1023', '0x0.000000000000000000001p+1100',
         '0x1p-99999999999999999999', '0x0p99999999999999999', '-0x0p0', '+0x0.0p0',
         '0x0000000000000000000000000001p0', '0x1000000000000000000000p-88',
         '0x123456789abcdef123456789p-40', '-0x1.fffffffffffffp-1023',
         'inf', '-Infinity', 'INF', '+nan', '-NaN']
for c in cases:
    f = float.fromhex(c)
    print(repr(c), repr(f), f.hex())
bad = ['', ' ', 'x1', '0x', '0x.', '1p', '0x1p+', '+0x1_0p0', '0x1 p0', 'infinit', 'nana', '0xg', '1.2.3', '--1',
       '0x1.fffffffffffff8p1023', '1p1024', '0x1.ffffffffffffffp1023', '0x1p99999999999999999999', '-0x2p1023']
for c in bad:
    try:
        print(repr(c), float.fromhex(c))
    except (ValueError, OverflowError) as e:
        print(repr(c), type(e).__name__, e)
for arg in [5, None, b'0x1p0']:
    try:
        float.fromhex(arg)
    except TypeError as e:
        print(type(e).__name__, e)
