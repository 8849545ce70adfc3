# iter and next: the sentinel form, defaults, exhausted iterators, user iterators, errors.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
data = [5, 4, 3, 0, 9]
pos = [0]
def take():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(take, 0)), pos)
pos[0] = 0
s = iter(take, 4)
print(next(s), next(s, "x"))
class Count:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Count(), 4)))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), next(iter(It())))
i2 = iter(It())
print(next(i2), next(i2), next(i2), next(i2, "end"))
for bad in [5, None]:
    try:
        iter(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di), next(di, "end"))
g = (x * 2 for x in range(2))
print(next(g), next(g), next(g, "gen-end"))
print(iter(it) is it)
