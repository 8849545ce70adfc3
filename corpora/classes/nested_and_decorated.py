# Nested classes, class decorators, methods defined outside, class-level closures.
def register(cls):
    cls.registered = True
    return cls
@register
class Outer:
    class Inner:
        def hi(self):
            return "inner hi"
    def make(self):
        return self.Inner()
print(Outer.registered, Outer().make().hi(), Outer.Inner.__qualname__, Outer.Inner.__name__)
def method(self):
    return "external " + type(self).__name__
class UsesExternal:
    m = method
print(UsesExternal().m())
def factory(n):
    class Made:
        size = n
        def get(self):
            return self.size * n
    return Made
M3 = factory(3)
print(M3().get(), factory(4)().get(), M3.__name__)
class WithStatic:
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls, x):
        return cls.__name__, x
class Sub(WithStatic):
    pass
print(WithStatic.s(1), WithStatic().s(2), Sub.c(3), Sub().c(4))
