# namedtuple defaults= (applied to the rightmost fields) and rename= (bad names become _N).
from collections import namedtuple

P = namedtuple('P', ['a', 'b', 'c'], defaults=[7, 8])
print(P(1), P(1, 2), P(1, 2, 3), P(a=0, c=5))
print(P._field_defaults)
Q = namedtuple('Q', 'x y', defaults=(None,))
print(Q(1), Q(1, 2), Q._field_defaults)
R = namedtuple('R', 'a def a _b 2c ok', rename=True)
print(R._fields)
print(R(1, 2, 3, 4, 5, 6))
print(namedtuple('S', 'x', defaults=())(5), namedtuple('S', 'x', defaults=[0])())
# Field names that are also names the generated class uses.
O = namedtuple('O', 'o object self cls', defaults=(4,))
print(O(1, 2, 3), O(o=1, object=2, self=3, cls=5), O._fields)
