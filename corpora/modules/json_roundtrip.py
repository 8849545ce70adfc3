# json round trips: generated nested structures survive dumps/loads under every formatting option.
import json

def make(seed, depth):
    seed = (seed * 1103515245 + 12345) % 2147483648
    k = seed % 7
    if depth > 3 or k == 0:
        return [None, True, False, seed % 1000 - 500, (seed % 997) / 8, 'str%d' % seed, 'ü%d' % (seed % 10)][seed % 7]
    if k < 4:
        return [make(seed + i, depth + 1) for i in range(k)]
    return {'k%d' % i: make(seed * 3 + i, depth + 1) for i in range(k - 3)}

ok = 0
for s in range(2):
    v = make(s, 0)
    for opts in ({'indent': 2}, {'sort_keys': True, 'separators': (',', ':')}, {'ensure_ascii': False}):
        text = json.dumps(v, **opts)
        if json.loads(text) == v:
            ok += 1
        else:
            print('mismatch', s, opts, text)
print(ok)
print(json.dumps(make(7, 0)))
print(json.dumps(make(12, 0), indent=1, sort_keys=True))
big = list(range(-5, 60, 7))
print(json.loads(json.dumps(big)) == big, json.loads(json.dumps([10 ** 40, -10 ** 40])))
print(json.loads(json.dumps([0.1, 1e300, 2.5e-300, 123456789.125])))
