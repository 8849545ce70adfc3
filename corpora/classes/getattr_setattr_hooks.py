# __getattr__ fallback, __setattr__/__delattr__ interception and object.__setattr__.
class Rec:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError("no " + name)
    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
r = Rec()
r.x = 5
print(r.x, r.auto_hello, getattr(r, "auto_z", "d"), getattr(r, "missing", "dflt"), hasattr(r, "nothing"))
del r.x
print(r.log)
try:
    r.other
except AttributeError as e:
    print("AttributeError", e)
try:
    del r.never
except AttributeError as e:
    print("AttributeError")
class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1), p.index(3))
