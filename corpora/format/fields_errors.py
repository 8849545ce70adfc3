# str.format errors: numbering, braces, missing arguments
cases = [('{', ()), ('}', ()), ('a{', ()), ('a}b', ()), ('{0', (1,)), ('{:', (1,)), ('{0:{', (1,)),
         ('{}{0}', (1, 2)), ('{0}{}', (1, 2)), ('{1}', (1,)), ('{}', ()), ('{} {}', (1,)),
         ('{x}', ()), ('{x}', (1,)), ('{0x}', (1,)), ('{0:{}}', (1, 2)), ('{:{1}}', (1, 2)),
         ('{0[0}', ([1],)), ('{ }', ()), ('{0:d}', ('s',)), ('{0:s}', (1,)), ('{:=5}', ('s',)),
         ('{:{:{:{}}}}', (1, 2, 3, 4)), ('{a{b}}', ()), ('{!r}', ())]
for f, args in cases:
    try:
        print(repr(f), repr(f.format(*args)))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(repr(f), type(e).__name__, e)
