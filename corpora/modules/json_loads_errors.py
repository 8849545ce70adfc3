# json.loads errors: JSONDecodeError (a ValueError) with CPython's messages and line/column/char positions.
import json

print(issubclass(json.JSONDecodeError, ValueError))
for s in ['', '   ', 'x', '[', '[1', '[1,]', '[1 2]', '{', '{"a"', '{"a" 1}', '{"a": }', '{"a": 1,}',
          '{1: 2}', "{'a': 1}", '"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"tab\there"', '1 2',
          '01', '-', '1.', '.5', 'nul', 'True', '[1]\n\n  x', '{\n  "a": [1,\n   ]\n}']:
    try:
        json.loads(s)
        print('no error', repr(s))
    except json.JSONDecodeError as e:
        print(repr(s), '->', e)
        print('  ', e.msg, e.pos, e.lineno, e.colno)
for bad in [5, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    json.loads('[')
except ValueError as e:
    print('caught as ValueError:', e)
try:
    json.loads('\ufeff1')
except json.JSONDecodeError as e:
    print(e)
