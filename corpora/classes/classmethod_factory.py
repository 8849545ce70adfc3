# classmethods as alternative constructors, respected by subclasses.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    @classmethod
    def zero(cls):
        return cls(0, 0)
    @classmethod
    def from_tuple(cls, t):
        return cls(*t)
    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self.x, self.y)
class Vec3(Vec):
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return super().__repr__()[:-1] + ", %r)" % self.z
print(Vec.zero(), Vec3.zero(), Vec.from_tuple((1, 2)), Vec3.from_tuple((1, 2, 3)))
print(Vec3.zero.__self__ is Vec3, type(Vec.zero).__name__)
