# namedtuple errors: bad names, keywords, underscores, duplicates, arity, _replace/_make mismatches, read-only fields.
from collections import namedtuple

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: namedtuple('T', '1x'))
t(lambda: namedtuple('T', 'class'))
t(lambda: namedtuple('T', 'a a'))
t(lambda: namedtuple('T', '_x'))
t(lambda: namedtuple('1T', 'a'))
t(lambda: namedtuple('T', 'a-b'))
t(lambda: namedtuple('T', 'a', defaults=(1, 2)))
P = namedtuple('P', 'a b')
p = P(1, 2)
t(lambda: p._replace(c=1))
t(lambda: P._make([1]))
t(lambda: P._make([1, 2, 3]))
t(lambda: p[2])
def setter():
    p.a = 5
t(setter)
print(p)
