# json.dumps errors and the default= hook: unserializable types, bad keys, skipkeys, circular references, allow_nan.
import json

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: json.dumps({1, 2}))
t(lambda: json.dumps(b'bytes'))
t(lambda: json.dumps(object()) and 0)
t(lambda: json.dumps({(1, 2): 3}))
t(lambda: json.dumps({(1, 2): 3, 'ok': 1}, skipkeys=True))
t(lambda: json.dumps(float('nan'), allow_nan=False))
t(lambda: json.dumps([float('inf')], allow_nan=False))
a = [1]
a.append(a)
t(lambda: json.dumps(a))
d = {}
d['self'] = d
t(lambda: json.dumps(d))
t(lambda: json.dumps({3, 1}, default=sorted))
t(lambda: json.dumps({'s': {5}, 'c': 1 + 2j}, default=lambda o: str(o), sort_keys=True))
class Pt:
    def __init__(self, x):
        self.x = x
t(lambda: json.dumps([Pt(1), Pt(2)], default=lambda o: {'x': o.x}))
t(lambda: json.dumps(Pt(1)) and 0)
def bad(o):
    raise ValueError('nope')
t(lambda: json.dumps([complex(1, 1)], default=bad))
t(lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True))
