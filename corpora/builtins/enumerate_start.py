# enumerate with start values (negative, big, keyword) and on various iterables.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-2)), list(enumerate([], 5)))
print(list(enumerate(range(3), 2 ** 20)), dict(enumerate("xy")), list(enumerate({7: 0, 8: 0})))
e = enumerate(x * x for x in range(3))
print(next(e), list(e))
for args in [(5,), ("ab", "1"), ("ab", 1.5)]:
    try:
        list(enumerate(*args))
    except TypeError as ex:
        print("TypeError", ex)
for i, (a, b) in enumerate([(1, 2), (3, 4)], 1):
    print(i, a, b)
