# defaultdict repr with built-in factories and nesting; type and isinstance.
from collections import defaultdict, OrderedDict

for f in (list, int, set, dict, str, tuple, float, OrderedDict):
    d = defaultdict(f)
    d['x']
    print(d)
dd = defaultdict(list, {'a': [1]})
dd2 = defaultdict(int, {'in': dd})
print(dd2)
print(repr(defaultdict(None, {1: 2})), str(defaultdict(int)))
print(isinstance(dd, dict), isinstance(dd, defaultdict), issubclass(defaultdict, dict))
print(defaultdict.__name__, OrderedDict.__name__, issubclass(OrderedDict, dict))
print([defaultdict(list)], {'k': defaultdict(set)})
