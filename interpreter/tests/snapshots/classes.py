class Base:
    count = 0
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

class Derived(Base, metaclass=Meta):
    """Docstring."""
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def both(self):
        return __class__, self.get() + self.w
    @staticmethod
    def s(x): return x

def factory(n):
    class Local:
        size = n
        def method(self): return n
    return Local
