# Class attributes shared and shadowed, counting instances, class methods.
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
    @classmethod
    def count(cls):
        return cls.instances
cs = [Counter() for _ in range(3)]
print(Counter.count(), [c.id for c in cs], cs[0].instances)
cs[0].instances = 99
print(cs[0].instances, cs[1].instances, Counter.instances)
class Sub(Counter):
    pass
Sub()
print(Sub.count(), Counter.instances, Sub.instances)
print(Counter.__qualname__, Sub.__bases__[0].__name__)
