# vars() and dir() on instances, classes and modules (filtered to non-dunder names).
class Base:
    base_attr = 1
    def method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.x = 1
        self.y = 2
c = Child()
print(vars(c), sorted(vars(c)))
c.z = 3
print(sorted(vars(c).items()))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(sorted(k for k in vars(Child) if not k.startswith("__")))
vars(c)["w"] = 4
print(c.w)
for v in [5, "s"]:
    try:
        vars(v)
    except TypeError as e:
        print("TypeError", e)
import math
print("sqrt" in dir(math), "pi" in vars(math))
