x = 1
y = x + 2 * 3 - -x
big = 2 ** 100 + 12345678901234567890123
f = 1.5e3 + 2j
s = 'hello' + "world" * 3
b = b'\x00bytes'
t = (1, 2, 'three', None, True, ...)
a, *rest, z = [1, 2, 3, 4]
d = {'k': 1, **{'m': 2}}
print(x if y else z, 1 < y <= 10 != 3, not x or y and z)
del x, d['k']
x = y = z = 0
x += 1; d['n'] //= 2; t.attr **= 3
