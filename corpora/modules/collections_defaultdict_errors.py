# defaultdict errors: a None factory raises KeyError, a non-callable factory is a TypeError, the factory's own error propagates.
from collections import defaultdict

d = defaultdict(None)
print(d)
try:
    d[3]
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    defaultdict('abc')
except TypeError as e:
    print(type(e).__name__, e)
def bad():
    raise ValueError('no default')
d = defaultdict(bad)
try:
    d['k']
except ValueError as e:
    print(type(e).__name__, e)
print('k' in d, len(d))
try:
    defaultdict(list).pop('x')
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(list)[[1]]
except TypeError as e:
    print(type(e).__name__, e)
d = defaultdict(list)
d.__missing__('m')
print(d)
