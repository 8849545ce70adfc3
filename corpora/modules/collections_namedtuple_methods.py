# namedtuple helpers: _asdict, _replace, _make, _fields, _field_defaults, count, index.
from collections import namedtuple

P = namedtuple('P', 'a b c')
p = P(1, 2, 1)
print(p._asdict(), type(p._asdict()).__name__)
print(p._replace(b=20), p._replace(a=0, c=0), p)
print(P._make([7, 8, 9]), P._make(range(3)), P._make('xyz'))
print(p.count(1), p.index(2), p.index(1, 1))
print(P._fields, P._field_defaults)
q = p._replace()
print(q == p, q is p)
for name in P._fields:
    print(name, getattr(p, name))
print(dict(zip(P._fields, p)))
