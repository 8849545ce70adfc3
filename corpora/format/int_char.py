# The 'c' presentation type for ints
for n in [65, 97, 48, 0x263A, 0x1F600, 32, 0]:
    print(repr('{:c}'.format(n)), repr('{:>4c}'.format(n)), repr('{:*^5c}'.format(n)))
print(repr(format(True, 'c')))
for spec, v in [('+c', 65), ('#c', 65), ('c', -1), ('c', 0x110000), ('.2c', 65), (',c', 65)]:
    try:
        print(format(v, spec))
    except (ValueError, OverflowError) as e:
        print(spec, type(e).__name__, e)
