# Classes: attributes, methods, class attributes, instance dicts.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
p = Point(3, 4)
print(p, p.x, p.norm2(), Point.dims, p.dims, Point.norm2(p), type(p).__name__)
p.z = 5
Point.dims = 3
print(p.z, p.dims, hasattr(p, "z"), getattr(p, "x"))
q = Point(1, 1)
print(q.dims, isinstance(q, Point), isinstance(1, Point), Point.__name__)
setattr(q, "x", 10)
print(q)
m = p.norm2
print(m(), m.__self__ is p)
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object))
try:
    e.missing
except AttributeError as err:
    print("AttributeError", err)
try:
    Empty.missing
except AttributeError as err:
    print("AttributeError", err)
try:
    Empty(1)
except TypeError as err:
    print("TypeError", err)
