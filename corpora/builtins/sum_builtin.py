# sum: start values (positional and keyword), floats, lists, mixed numbers, errors.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([1, 2], start=100))
print(sum([0.1] * 10), sum([1, 2.5, True]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(5)), sum({1: "a", 2: "b"}), sum([2**64, 2**64]))
print(sum([1j, 2]), sum([], 5.5))
for args, kw in [(([1, "a"],), {}), (("abc", ""), {}), ((1,), {}), ((["a"], ""), {}), (([b"a"], b""), {}), (([[1]],), {})]:
    try:
        print(sum(*args, **kw))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    sum()
except TypeError as e:
    print(type(e).__name__)
class V:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return V(o + self.v)
    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))
print(sum([V(1), V(2), V(3)]).v)
