# User iterators: __iter__/__next__, the old __getitem__ protocol, generators as __iter__.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), sum(Countdown(10)), [x * 2 for x in Countdown(3)])
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), max(t))
a, b, c, d = t
print(a, b, c, d)
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError", e)
