# Operator overloading and the special methods.
class V:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "V%r" % (tuple(self.c),)
    def __add__(self, o):
        return V(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __contains__(self, x):
        return x in self.c
    def __iter__(self):
        return iter(self.c)
    def __bool__(self):
        return any(self.c)
    def __hash__(self):
        return hash(tuple(self.c))
    def __call__(self, x):
        return x * 100
    def __str__(self):
        return "<" + ",".join(str(a) for a in self.c) + ">"
a, b = V(1, 2), V(3, 4)
print(a + b, a * 3, 2 * a, -a, a == V(1, 2), a != b, a < b, b > a, len(a), a[1], 2 in a, list(a), bool(V(0)), bool(a))
a[0] = 9
print(a, str(a), f"{a}", a(2), {a: 1}[V(9, 2)], sorted([b, a, V(0, 0)]))
class N:
    pass
try:
    N() + N()
except TypeError as e:
    print("TypeError", e)
try:
    N() < N()
except TypeError as e:
    print("TypeError", e)
print(N() == N(), len([N()]))
class I:
    def __init__(self):
        self.v = 1
    def __iadd__(self, o):
        self.v += o
        return self
i = I()
i += 5
print(i.v)
