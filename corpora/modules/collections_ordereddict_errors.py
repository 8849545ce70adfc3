# OrderedDict errors: missing keys, empty popitem, bad arguments.
from collections import OrderedDict

od = OrderedDict(a=1)
for f in (lambda: od['zz'], lambda: od.move_to_end('zz'), lambda: od.pop('zz'),
          lambda: OrderedDict().popitem(), lambda: OrderedDict().popitem(last=False)):
    try:
        f()
    except KeyError as e:
        print(type(e).__name__, e)
try:
    OrderedDict(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    OrderedDict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    OrderedDict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    OrderedDict([(1,)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    od.move_to_end()
except TypeError as e:
    print(type(e).__name__, e)
try:
    od.popitem(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    OrderedDict({}, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    od[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
print(od)
