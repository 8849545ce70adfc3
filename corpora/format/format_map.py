# str.format_map with a dict
d = {'name': 'Ada', 'n': 3, 'xs': [1, 2]}
print('{name} has {n:03d} items: {xs[1]}'.format_map(d))
print('{{literal}} {name!r:>8}'.format_map(d))
for f in ['{missing}', '{0}', '{}']:
    try:
        print(f.format_map(d))
    except (KeyError, ValueError, IndexError) as e:
        print(f, type(e).__name__, e)
try:
    '{a}'.format_map(5)
except TypeError as e:
    print(type(e).__name__, e)
