# Arithmetic dunders: binary, reflected, in-place, unary, and fallbacks.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "N(%r)" % (self.v,)
    def __add__(self, o):
        return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o):
        return N(o + self.v)
    def __sub__(self, o):
        return N(self.v - o)
    def __mul__(self, o):
        return N(self.v * o)
    __rmul__ = __mul__
    def __truediv__(self, o):
        return N(self.v / o)
    def __floordiv__(self, o):
        return N(self.v // o)
    def __mod__(self, o):
        return N(self.v % o)
    def __pow__(self, o, m=None):
        return N(pow(self.v, o, m))
    def __neg__(self):
        return N(-self.v)
    def __pos__(self):
        return self
    def __abs__(self):
        return N(abs(self.v))
    def __invert__(self):
        return N(~self.v)
    def __iadd__(self, o):
        self.v += o
        return self
    def __lshift__(self, o):
        return N(self.v << o)
    def __and__(self, o):
        return N(self.v & o)
n = N(6)
print(n + 1, 1 + n, n + N(2), n - 2, 3 * n, n * 3, n / 4, n // 4, n % 4, n ** 2, -n, +n, abs(N(-3)), ~n, n << 2, n & 3)
m = n
m += 4
print(m is n, n)
m -= 1
print(m is n, m, n)
print(sum([N(1), N(2)], N(0)), sum([N(1), N(2)]))
for op in [lambda: n | 1, lambda: 1 - n, lambda: n @ n]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
