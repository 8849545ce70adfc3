# __call__, __bool__ and __len__ truthiness, __index__, __int__, __float__ conversions.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, k=0):
        return self.n + x + sum(rest) + k
a = Adder(10)
print(a(1), a(1, 2, 3, k=4), callable(a), callable(Adder), list(map(a, [1, 2])))
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(T()), bool(L()), bool(Both()), not T(), "y" if L() else "n", bool(object()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class I:
    def __index__(self):
        return 3
print([10, 20, 30, 40][I()], "abcdef"[I():], bin(I()), hex(I()), range(I()), operator_ok := 1)
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))
try:
    [1][Num()]
except TypeError as e:
    print("TypeError", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError", e)
