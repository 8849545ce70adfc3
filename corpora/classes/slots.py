class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(p, '__dict__'))
class Q(P):
    pass
q = Q(1, 2)
q.z = 5
print(q.z)
class E:
    __slots__ = ()
try:
    E().a = 1
except AttributeError as e:
    print('AttributeError', e)
class S:
    __slots__ = 'only'
s = S()
try:
    print(s.only)
except AttributeError as e:
    print('AttributeError', e)
s.only = 1
del s.only
print(hasattr(s, 'only'))
