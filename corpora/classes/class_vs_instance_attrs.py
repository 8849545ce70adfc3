# Class attributes vs instance attributes: shadowing, mutation through instances, deletion.
class K:
    shared = []
    n = 0
    def add(self, v):
        self.shared.append(v)
        self.n += 1
a, b = K(), K()
a.add(1); b.add(2)
print(K.shared, a.n, b.n, K.n, "n" in vars(a), "shared" in vars(a))
a.n = 100
del a.n
print(a.n)
try:
    del a.n
except AttributeError as e:
    print("AttributeError", e)
K.n = 7
print(a.n, b.n)
a.shared = ["own"]
print(a.shared, b.shared, K.shared)
K.newattr = "late"
print(a.newattr)
del K.newattr
print(hasattr(b, "newattr"))
def method(self):
    return "added " + str(self.n)
K.method = method
print(a.method(), b.method())
