s = 'Hello World\tTab\nline2\r\nline3'
print(s.casefold(), s.swapcase(), s.title(), 'hello world'.capitalize())
print(s.expandtabs(4).split('\n')[0], repr('a\tb'.expandtabs()))
print(s.splitlines(), s.splitlines(True))
t = str.maketrans('abc', 'xyz', 'd')
print('abcdabcd'.translate(t), str.maketrans({'a': 'b'}), 'hello'.translate({ord('l'): None}))
print('  x '.isspace(), 'abc'.isidentifier(), '1abc'.isidentifier(), 'Ab Cd'.istitle(), '½'.isnumeric(), '12'.isdecimal(), 'x1'.isalnum())
print('a,b,,c'.split(','), 'a,b,,c'.rsplit(',', 1), '  a  b '.split(), 'abc'.center(9, '*'), 'abc'.ljust(6, '.') + '|', '42'.zfill(6), '-42'.zfill(6))
print('hello'.removeprefix('he'), 'hello'.removesuffix('lo'), 'banana'.rfind('an'), 'banana'.rindex('a'), 'banana'.count('an'), 'banana'.partition('n'), 'banana'.rpartition('n'))
print('%s-%s' % ('a', 'b'), 'x'.join(['1', '2', '3']), 'abc'[::-1], 'abcdef'[1:5:2], 'é'.encode(), 'straße'.upper(), 'İ'.lower() == 'i̇')
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError', e)
try:
    'a'.join([1])
except TypeError as e:
    print('TypeError', e)
print('{0}{1}{0}'.format('ab', 'cd'), '{:^7}'.format('mid'), format(12345.678, ',.1f'), 'tab\there'.expandtabs(2))
