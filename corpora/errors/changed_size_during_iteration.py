d = {1: 0, 2: 0}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 0, 2: 0, 3: 0}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e, d)
s = {1, 2}
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 0, 2: 0}
for k in d:
    d[k] = k * 2
print(d)
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print('RuntimeError', e)
print(list(d))
