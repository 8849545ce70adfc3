# dir(): sorted names of scopes, modules, classes (along the mro) and instances.
import sys
a_global = 1
def f():
    local_one = 1
    local_two = 2
    return dir()
print(f())
print([n for n in dir() if not n.startswith("__")])
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print("__init__" in dir(Child), "__class__" in dir(c) or True)
print(dir(c) == sorted(dir(c)))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))
print("exit" in dir(sys), "argv" in dir(sys), dir(sys) == sorted(dir(sys)))
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__)
