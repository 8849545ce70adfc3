# OrderedDict equality is order-sensitive only against another OrderedDict; copy and fromkeys keep the type.
from collections import OrderedDict

a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, a != b, a == dict(b=2, a=1), dict(b=2, a=1) == a)
print(a == OrderedDict(a=1, b=2), a == OrderedDict(a=1, b=3), a == OrderedDict(a=1))
c = a.copy()
print(c, type(c).__name__, c == a, c is a)
c['z'] = 0
print(a, c)
f = OrderedDict.fromkeys('cab')
print(f, type(f).__name__)
print(OrderedDict.fromkeys([1, 2], 'v'))
print(repr(OrderedDict()), str(OrderedDict([(1, [2, 3])])))
print([OrderedDict(k=(1, 'x'))])
print({'in': OrderedDict(a=None)})
print(a == 5, a == [('a', 1), ('b', 2)])
