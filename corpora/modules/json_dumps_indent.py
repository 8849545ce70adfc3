# json.dumps with indent (int, zero, string), combined with separators and sort_keys.
import json

d = {'b': [1, 2, {'c': None}], 'a': {}, 'e': [], 'd': 'x'}
print(json.dumps(d, indent=2))
print(json.dumps(d, indent=0))
print(json.dumps(d, indent='\t', sort_keys=True))
print(json.dumps([1, [2, 3]], indent=1, separators=(',', ' = ')))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps(5, indent=4))
print(json.dumps({'k': [{'deep': [1]}]}, indent=3, sort_keys=True))
