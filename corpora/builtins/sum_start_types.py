# sum with start values of various types, and rejected str start.
print(sum([]), sum([], 10), sum([1, 2, 3]), sum([1, 2], start=5), sum(range(101)), sum([0.5, 0.25]), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1j, 2]), sum([True, True, False]))
for call in [lambda: sum(["a", "b"], ""), lambda: sum(["a", "b"]), lambda: sum([b"a"], b""), lambda: sum(5), lambda: sum([[1]])]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(sum([0.1] * 10) == 1.0, round(sum([0.1] * 10), 10), sum(x * x for x in range(4)), sum({1: 0, 2: 0}))
