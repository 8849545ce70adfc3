class Log:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError('no secret')
        if name == 'magic':
            return 99
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback:' + name

l = Log()
print(l.a, l.magic, l.secret, l.other)

class Count:
    n = 0
    def __getattribute__(self, name):
        type(self).n += 1
        return super().__getattribute__(name)
c = Count()
c.z = 5
print(c.z, c.z, Count.n)

class SA:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
    def __delattr__(self, k):
        print('del', k)
        object.__delattr__(self, k)
s = SA()
s.q = 4
print(s.q)
del s.q
print(hasattr(s, 'q'))
try:
    object.__getattribute__(s, 'nope')
except AttributeError as e:
    print('AttributeError', e)
