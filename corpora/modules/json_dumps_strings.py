# json.dumps string escaping: quotes, backslash, controls, non-ASCII with and without ensure_ascii, astral characters as surrogate pairs.
import json

for s in ['plain', 'quote"s', 'back\\slash', 'nl\nret\rtab\t', '\b\f', '\x00\x01\x1f', '\x7f',
          'café', '€uro', '日本', '😀', 'a/b', "'single'"]:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False))
print(json.dumps({'ключ': 'значение'}), json.dumps({'ключ': 'значение'}, ensure_ascii=False))
print(json.dumps(['é' * 3, {'ü': 'ö'}]))
