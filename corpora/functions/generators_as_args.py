# Generator expressions as sole arguments, in sum/min/max/any/all/sorted/dict/set.
data = [5, 3, 8, 1, 9, 2]
print(sum(x * x for x in data), min(x for x in data if x > 2), max((x % 4, x) for x in data))
print(any(x > 8 for x in data), all(x > 0 for x in data), sorted((x for x in data), reverse=True))
print(dict((str(x), x) for x in data[:3]), set(x % 3 for x in data) == {0, 1, 2}, tuple(x for x in "ab"))
print(list(enumerate(x for x in "xyz")), "".join(c.upper() for c in "abc"))
