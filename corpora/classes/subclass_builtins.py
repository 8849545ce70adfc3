class MyList(list):
    def total(self):
        return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), isinstance(l, list), type(l).__name__)
print(l[1:3], type(l[1:3]).__name__)

class MyDict(dict):
    def __missing__(self, k):
        return k * 2
d = MyDict(a=1)
print(d['a'], d['zz'], len(d), sorted(d.items()))

class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int))

class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hey')
print(s, s.shout(), len(s), s + 'x', type(s + 'x').__name__)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
pt = Point(3, 4)
print(pt, pt.x, pt[1], len(pt))

class MyExc(ValueError):
    def __init__(self, code):
        super().__init__('code %d' % code)
        self.code = code
try:
    raise MyExc(7)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args)

class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in 'abracadabra':
    c.add(ch)
print(sorted(c.items()))
class F(float):
    pass
print(F(1.5) * 2, F('2.5'))
