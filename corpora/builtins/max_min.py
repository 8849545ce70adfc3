# max and min: iterables vs several arguments, key, default, ties, mixed numbers, errors.
print(max([3, 1, 4, 1, 5]), min([3, 1, 4, 1, 5]), max(3, 9, 2), min("b", "a", "c"))
print(max("hello"), min((2.5, 1, True)), max([1, 2.5, -3]), min([[2], [1, 5], [1]]))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([], default=None), min((), default="empty"), max([7], default=0))
pairs = [(1, "a"), (3, "b"), (3, "c"), (0, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]))
print(max(1, 2, key=lambda v: -v), min(x * x for x in range(-3, 2)))
print(max({1: "x", 5: "y"}), min({3, 1, 2}), max(range(10)))
for args, kw in [((), {}), (([],), {}), ((1,), {}), ((1, 2), {"default": 0}), (([1], ), {"bad": 1}), ((1, "a"), {})]:
    try:
        print(max(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
print(max([2**70, 2**69, -2**71]), min([2**70, 1.5]))
