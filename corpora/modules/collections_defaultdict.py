# defaultdict: missing keys are made by the factory; get/in do not call it.
from collections import defaultdict

dd = defaultdict(list)
dd['x'].append(1)
dd['x'].append(2)
dd['y']
print(dd, dd['x'], 'z' in dd, dd.get('z'), len(dd))
print(isinstance(dd, dict), type(dd).__name__)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(sorted(counts.items()))
d2 = defaultdict(int, {'a': 1}, b=2)
d2['c'] += 5
print(d2)
print(defaultdict(str)['k'] == '', defaultdict(float)[0], defaultdict(tuple)[1])
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
nested['a']['c'] += 2
print(sorted(nested['a'].items()), len(nested))
s = defaultdict(set)
s[1].add(2)
print(s)
c = dd.copy()
c['new'].append(0)
print(type(c).__name__, sorted(c), sorted(dd))
print(defaultdict.fromkeys('ab', 0))
print(dict(defaultdict(list, a=[1])))
groups = defaultdict(list)
for i in range(20):
    groups[i % 3].append(i)
print(groups)
def factory():
    return 'made'
d = defaultdict(factory)
print(d[1], dict(d))
print(d.setdefault(2, 'x'), d.pop(1), dict(d))
