# __eq__ and __hash__ interplay with dicts and sets.
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
d = {K(1): "one", K(2): "two"}
print(d[K(1)], K(2) in d, K(3) in d, len({K(1), K(1), K(2)}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError", e)
class Plain:
    pass
p = Plain()
print({p: 1}[p], p == p, p == Plain(), p != Plain())
class Ord:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "Ord(%d)" % self.v
print(sorted([Ord(3), Ord(1), Ord(2)]), min(Ord(5), Ord(4)), Ord(1) > Ord(0))
