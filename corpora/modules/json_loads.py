# json.loads: the whole grammar (objects, arrays, strings, numbers, literals), whitespace, big ints, floats.
import json

for s in ['null', 'true', 'false', '0', '-0', '12', '-3', '1.5', '-2.25e3', '1E2', '1e-2', '0.1',
          '123456789012345678901234567890', '-98765432109876543210', '""', '"abc"', '[]', '{}',
          ' [1, 2 ,3 ] ', '{"a": {"b": [true, false, null]}}', '\n\t{ "k" :\r\n "v" }\n',
          '[[[[]]]]', '[{}, {"x": []}]', '1.0', '5e0', 'NaN', 'Infinity', '-Infinity']:
    v = json.loads(s)
    print(repr(s), repr(v), type(v).__name__)
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"z": 1, "y": 2, "x": 3}'))
print(json.loads(b'[1, "bytes"]'), json.loads(bytearray(b'{"ba": true}')))
doc = {'list': [1, 2.5, 'three', None, True], 'nested': {'k': {'k2': []}}, 'n': -10**25}
print(json.loads(json.dumps(doc)) == doc)
print(json.loads(json.dumps(doc, indent=2, sort_keys=True)) == doc)
