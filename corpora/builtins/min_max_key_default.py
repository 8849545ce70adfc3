# min/max with key, default, multiple args and the errors for empty input.
print(max(3, 1, 2), min(3, 1, 2), max([1, 5, 2]), min("hello"), max("ab", "b", key=len), min([], default="empty"))
print(max([], default=None), max([1, 2], default=0), min(["aa", "b", "cc"], key=len), max(["aa", "b", "cc"], key=len))
print(max([(1, "b"), (1, "a")]), min(range(10), key=lambda x: (x - 4) ** 2), max({1: "a", 5: "b"}), max(x for x in [2, 8, 3]))
for call in [lambda: max([]), lambda: min(()), lambda: max(1), lambda: max(1, 2, default=0), lambda: min([1, "a"]), lambda: max()]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(max(1, 1.0), max(1.0, 1), min(0, False), max([True, 1]), min([[2], [1, 5]]))
