# json.loads string escapes: simple escapes, \uXXXX, surrogate pairs, raw non-ASCII.
import json

for s in [r'"a\"b"', r'"back\\slash"', r'"\/"', r'"\b\f\n\r\t"', r'"\u0041\u00e9\u20ac"',
          r'"\ud83d\ude00"', r'"x\u00e9y"', '"café"', '"日本"', r'"\u0000"', r'"\uABCD"']:
    v = json.loads(s)
    print(s, repr(v), len(v))
print(json.loads(json.dumps('😀 and é')), json.loads(json.dumps('😀', ensure_ascii=False)))
print([ord(c) for c in json.loads(r'"\ud83d\ude00\u00ff"')])
