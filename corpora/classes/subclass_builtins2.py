class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def push(self, x):
        self.append(x)
        return self
    def __repr__(self):
        return 'Stack(%s, %s)' % (self.name, list.__repr__(self))

s = Stack('s', [1, 2])
s.push(3).push(4)
print(s, len(s), s[-1], 3 in s, list(s), sorted(s, reverse=True))
s += [5]
print(type(s).__name__, s.name, s == [1, 2, 3, 4, 5], [1, 2, 3, 4, 5] == s, s != [1])
print(s.pop(), s.index(2), s.count(1), s[1:3], s * 2)
for x in s:
    print(x, end=' ')
print()
print(bool(Stack('e')), bool(s), isinstance(s, list), issubclass(Stack, list))

class LoggingDict(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
d = LoggingDict()
d['a'] = 1
d['b'] = 2
print(d['a'], d.get('b'), len(d), 'a' in d, sorted(d), dict(d))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('hello')
print(u, len(u), u.lower(), u + '!', u[1:3], u == 'HELLO', {u: 1}['HELLO'], 'ELL' in u)
print(repr(u), u.split('L'), '-'.join([u, u]), f'{u:>7}|', str(u), type(str(u)).__name__)

class Num(int):
    def __repr__(self):
        return 'Num(%d)' % int(self)
n = Num(7)
print(n, repr(n), n + 1, -n, n * n, n > 3, n == 7, hash(n) == hash(7), [0, 1, 2, 3, 4, 5, 6, 7][n], abs(Num(-3)))
print(str(n), int(n), float(n), n // 2, n % 4, n ** 2, n << 1, n & 3)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, 2)
a, b = p
print(p, p.swap(), a, b, len(p), p + (3,), hash(p) == hash((1, 2)), p == (1, 2))

class S(set):
    pass
ss = S([3, 1, 2])
ss.add(4)
print(sorted(ss), len(ss), 2 in ss, sorted(ss | {9}), type(ss).__name__)

class F(frozenset):
    pass
print(sorted(F([1, 2])), len(F()))

for base in (bool, range, slice):
    try:
        class X(base):
            pass
    except TypeError as e:
        print('TypeError', e)

class D2(dict):
    def __missing__(self, key):
        self[key] = v = []
        return v
dd = D2()
dd['x'].append(1)
dd['x'].append(2)
dd['y'].append(3)
print(sorted(dd.items()))

class BA(bytearray):
    pass
ba = BA(b'ab')
ba.append(99)
print(ba, len(ba), bytes(ba))
