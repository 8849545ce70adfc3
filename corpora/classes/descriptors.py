class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('expected ' + self.kind.__name__)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        delattr(obj, self.name)

class P:
    x = Typed(int)
    y = Typed(str)

p = P()
p.x = 3
p.y = 'a'
print(p.x, p.y, P.x.name, P.y.kind.__name__)
try:
    p.x = 'no'
except TypeError as e:
    print('TypeError', e)
del p.x
print(p.x)

class NonData:
    def __get__(self, obj, t=None):
        return 'nd'
class Q:
    a = NonData()
q = Q()
print(q.a)
q.__dict__['a'] = 'inst'
print(q.a)

class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, t):
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class R:
    calls = 0
    @Lazy
    def val(self):
        R.calls += 1
        return 42
r = R()
print(r.val, r.val, R.calls)
