# OrderedDict: a dict that keeps insertion order, plus move_to_end and popitem(last=).
from collections import OrderedDict

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, len(od), list(od))
print(isinstance(od, dict), isinstance(od, OrderedDict), type(od).__name__)
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od)
od.move_to_end('c', False)
print(list(od))
print(od.popitem(), od)
print(od.popitem(last=False), od)
od = OrderedDict([('x', 1), ('y', 2)], z=3)
print(od, od['y'], od.get('w', 0), 'z' in od)
od['x'] = 10
print(od)
del od['y']
od['y'] = 5
print(od)
print(od.pop('x'), od.setdefault('q', 7), od)
od.update({'m': 1}, n=2)
print(list(od.keys()), list(od.values()), list(od.items()))
print(dict(od), sorted(od))
for k, v in od.items():
    print(k, v)
od.clear()
print(od, len(od), bool(od))
print(OrderedDict(a=1))
big = OrderedDict()
for i in range(50):
    big[i] = i * i
for i in range(0, 50, 3):
    big.move_to_end(i, last=False)
print(list(big)[:20], sum(big.values()))
