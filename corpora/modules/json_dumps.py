# json.dumps: every JSON type, nesting, floats as repr, big ints, tuples as arrays.
import json

for v in [None, True, False, 0, -7, 10**30, 1.5, -0.0, 1e16, 1e-7, 3.141592653589793, 'x', '',
          [], {}, [1, [2, [3]]], (1, 2), {'a': 1}, {'a': [1, {'b': None}]}, [True, None, 'q']]:
    print(json.dumps(v))
print(json.dumps(float('inf')), json.dumps(-float('inf')), json.dumps(float('nan')))
print(json.dumps({1: 'int', 2.5: 'float', True: 't', False: 'f', None: 'n'}))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'a': 1, 'b': 2}, separators=(';', '=')))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps([[]] * 3), json.dumps([{}, {}]))
data = {'name': 'gc', 'sizes': [16, 32], 'ok': True, 'extra': None}
print(json.dumps(data))
print(len(json.dumps(list(range(100)))))
