# getattr, setattr, delattr, hasattr: defaults, instance vs class, str subclass names, errors.
class P:
    cls_attr = 1
    def __init__(self):
        self.x = 10
    @property
    def prop(self):
        return "p"
p = P()
print(getattr(p, "x"), getattr(p, "cls_attr"), getattr(p, "prop"), getattr(p, "nope", "dflt"))
setattr(p, "y", 20)
print(p.y, hasattr(p, "y"), hasattr(p, "z"), hasattr(P, "cls_attr"))
delattr(p, "y")
print(hasattr(p, "y"))
try:
    delattr(p, "y")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(p, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
for bad in [1, None]:
    try:
        getattr(p, bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    setattr(p, "prop", 3)
except AttributeError as e:
    print(type(e).__name__, e)
class G:
    def __getattr__(self, name):
        if name.startswith("g"):
            return name.upper()
        raise AttributeError(name)
g = G()
print(getattr(g, "go"), hasattr(g, "go"), hasattr(g, "no"), getattr(g, "no", 0))
setattr(P, "added", 5)
print(p.added, P.added)
print(getattr(3, "real"), hasattr("s", "upper"), getattr([], "append").__name__)
try:
    setattr(3, "x", 1)
except AttributeError as e:
    print(type(e).__name__)
try:
    getattr(p)
except TypeError as e:
    print(type(e).__name__)
