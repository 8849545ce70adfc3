# Special methods inherited, overridden and reached through super().
class Base:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return type(self) == type(o) and self.v == o.v
    def __hash__(self):
        return self.v
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.v)
    def __add__(self, o):
        return type(self)(self.v + o.v)
class Child(Base):
    def __add__(self, o):
        r = super().__add__(o)
        r.v *= 10
        return r
print(Base(1) + Base(2), Child(1) + Child(2), Child(1) == Child(1), Child(1) == Base(1), {Child(5): "x"})
print(repr(Child("s")), [Child(1), Base(2)], Child(3).__class__.__name__)
class Grand(Child):
    def __repr__(self):
        return "G/" + super().__repr__()
print(Grand(7), Grand(1) + Grand(1))
