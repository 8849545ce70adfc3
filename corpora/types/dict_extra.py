d = dict.fromkeys('abc', 0)
d['d'] = 4
print(d, d.popitem(), d.setdefault('z', 9), d | {'q': 1}, {'q': 1} | d)
d |= {'a': 100}
print(d, sorted(d.keys() & {'a', 'b', 'x'}), sorted(d.keys() | {'w'}), sorted(d.keys() - {'a'}), list(reversed(d)), list(reversed(d.items())))
e = {1: 'a', True: 'b', 1.0: 'c'}
print(e, len(e), {(1, 2): 3}[(1, 2)], dict(zip('ab', range(2))), dict([('x', 1)], y=2))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
try:
    d[[1]] = 2
except TypeError as e:
    print('TypeError', e)
print(d.get('nope'), d.get('nope', 5), d.pop('nope', 'dflt'), 'a' in d, d == dict(d), d != {}, sorted(d.items())[:2])
print((255).bit_count(), (-7).bit_count(), (2**100-1).bit_count(), (5).as_integer_ratio(), True.as_integer_ratio(), (-(2**70)).as_integer_ratio())
