# %(name)s with a dict, and mappings used as a single argument
d = {'name': 'Ada', 'n': 42, 'x': 2.5, 'a(b)': 'paren', '': 'empty'}
print('%(name)s is %(n)d, %(x).2f, %(n)x, %(name)r' % d)
print('%(name)10s|%(name)-10s|%(n)05d|%(a(b))s|%()s' % d)
print('%(n)s %(n)s' % d, 'no keys' % d, '%s' % d)
print('%(k)s' % {'k': [1, 2]}, '[]' % [], '%%' % {})
for f, a in [('%(missing)s', d), ('%(name)s', ('t',)), ('%(name)s', 5), ('%(name', d), ('%(n)*d', d)]:
    try:
        print(f % a)
    except (KeyError, TypeError, ValueError) as e:
        print(repr(f), type(e).__name__, e)
