# A handful of built-ins.
print(abs(-3), abs(2.5), min(3, 1, 2), max([4, 9, 2]), min("bca"), max([], default=0), min([3, 1], key=lambda v: -v))
print(sum([1, 2, 3]), sum([[1], [2]], []), sum(range(5), 10), any([0, 1]), all([1, 0]), any([]), all([]))
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), divmod(17, 5), divmod(-17, 5), pow(3, 4), round(2.567, 1))
print(callable(len), callable(5), callable(lambda: 0), chr(65), ord("a"), hex(4095), isinstance(3, (str, int)), issubclass(bool, int))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(type(1), type("s"), type([]), type(len), type(type), repr(int), str(ValueError))
print(getattr(1, "real"), getattr([], "nope", "dflt"), hasattr("s", "upper"), hasattr(1, "zz"))
print(sorted({"b": 1, "a": 2}.items()), len({1: 2}), len(range(3, 10, 2)))
try:
    min([])
except ValueError as e:
    print("ValueError", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
