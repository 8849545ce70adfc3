# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __repr__(self):
        return "Seq%r" % (tuple(self.items),)
s = Seq(1, 2, 3, 4)
print(len(s), s[0], s[-1], s[1:3], list(s), 3 in s, 9 in s, list(reversed(s)), bool(Seq()))
s[0] = 10
del s[1]
print(s, sorted(s), max(s), sum(s))
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
class Contains:
    def __contains__(self, x):
        return x == "yes"
print("yes" in Contains(), "no" in Contains(), "no" not in Contains())
class Iter:
    def __iter__(self):
        return iter("abc")
    def __reversed__(self):
        return iter("zyx")
print(list(Iter()), list(reversed(Iter())), "b" in Iter(), [*Iter()])
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError", e)
