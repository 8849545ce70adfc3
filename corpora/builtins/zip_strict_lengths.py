# zip with unequal lengths, no arguments, strict=True, and lazy consumption.
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(2), range(5), "xyz")), list(zip([])))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1], [2], [])]:
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError", e)
it = iter(range(10))
print(list(zip(it, "ab")), next(it))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
z = zip([1], [2])
print(iter(z) is z, next(z))
try:
    next(z)
except StopIteration:
    print("StopIteration")
