# zip: unequal lengths, no/one argument, strict=True errors, laziness, unzipping.
print(list(zip()), list(zip([1, 2])), list(zip("ab", [1, 2, 3])), list(zip("abc", "de", "f")))
print(list(zip(*[(1, "a"), (2, "b")])))
print(dict(zip("xyz", range(3))))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
for a in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2], [1, 2, 3]), ([], [1])]:
    try:
        print(list(zip(*a, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
it = iter(range(5))
print(list(zip(it, it)))
z = zip(range(3), "ab")
print(next(z), next(z), next(z, "end"))
try:
    zip(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], bogus=True)
except TypeError as e:
    print(type(e).__name__, e)
print(list(zip(range(2), strict=False)))
