# Bound methods: __self__/__func__, equality, rebinding, methods stored on instances vs classes.
class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
a, b = C(1), C(2)
m = a.get
print(m(), m.__self__ is a, m.__func__ is C.get, a.get == a.get, a.get == b.get, C.get(b))
f = C.get
print(f(a), type(m).__name__, type(f).__name__)
a.get = lambda: "instance attr"
print(a.get(), b.get(), C.get(a))
del a.get
print(a.get())
methods = [x.get for x in (C(5), C(6))]
print([mm() for mm in methods])
class D:
    pass
D.get = C.get
d = D()
d.n = "borrowed"
print(d.get())
