# Reflected operators and NotImplemented fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __repr__(self):
        return "Money(%d)" % self.cents
print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5), sum([Money(1), Money(2)], Money(0)), sum([Money(1), Money(2)]))
print(Money(9) - Money(4), Money(2) * 3, 3 * Money(2), Money(1) == Money(1), Money(1) != Money(2))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError", e)
try:
    "x" + Money(1)
except TypeError as e:
    print("TypeError", e)
