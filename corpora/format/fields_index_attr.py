# Indexed and attribute fields: {0[1]}, {a.b}, {0[key]}, chains
class P:
    def __init__(self):
        self.x = 3
        self.inner = Q()


class Q:
    y = 'why'
    items = [10, 20]


d = {'k': 'vee', 'n': [1, 2, 3], 1: 'int-key', '1': 'str-key'}
print('{0[0]} {0[2]} {1[k]} {1[n][1]}'.format([5, 6, 7], d))
print('{0.x} {0.inner.y} {0.inner.items[1]} {p.inner.items[0]:>5}'.format(P(), p=P()))
print('{d[k]} {d[n]} {d[1]}'.format(d=d))
print('{0[1]}'.format({1: 'int', '1': 'str'}), '{0[-1]}'.format({'-1': 'minus'}))
print('{[0]}-{[1]}'.format('ab', 'cd'), '{.real}'.format(5), '{0.imag}'.format(3))
print('{0[a b]}'.format({'a b': 'space'}), '{0[:]}'.format({':': 'colon'}))
for f, args, kw in [('{0[5]}', ([1],), {}), ('{0[x]}', ({},), {}), ('{0.nope}', (1,), {}), ('{0[}', ([1],), {}),
                    ('{0.}', (1,), {}), ('{0[0]x}', ([1],), {}), ('{0[]}', ([1],), {}), ('{a[0]}', (), {'a': 5})]:
    try:
        print(f.format(*args, **kw))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(f, type(e).__name__, e)
