# enumerate: start values (positive, negative, big, keyword), nested, errors.
print(list(enumerate("abc")))
print(list(enumerate("abc", 10)), list(enumerate("ab", start=-3)))
print(list(enumerate([], 5)))
e = enumerate(range(3))
print(next(e), next(e), list(e))
print(dict(enumerate("xy")))
for i, (a, b) in enumerate(zip("ab", "cd"), 1):
    print(i, a, b)
print(list(enumerate(enumerate("pq"))))
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
