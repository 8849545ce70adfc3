# Rich comparison dunders: reflection, NotImplemented fallback, sorting with __lt__ only.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v
    def __repr__(self):
        return "V(%d)" % self.v
a, b = V(1), V(2)
print(a < b, b > a, a == V(1), a != V(1), a != b, sorted([V(3), V(1), V(2)]), min(V(5), V(4)))
for op in [lambda: a <= b, lambda: a < 1, lambda: 1 > a]:
    try:
        print(op())
    except TypeError as e:
        print("TypeError", e)
print(a == 1, 1 == a, a != "x")
class Log:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print("eq", self.n, getattr(o, "n", o))
        return NotImplemented
print(Log(1) == Log(2))
print(Log(3) != Log(4))
