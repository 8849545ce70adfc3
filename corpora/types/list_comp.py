# Comprehensions over lists, nested, with conditions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x % 3 for x in range(10)} == {0, 1, 2}, {k: v for k, v in zip("abc", range(3))})
m = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in m for i in range(len(row))], [[r[i] for r in m] for i in range(3)])
n = 10
print([n * i for i in range(3)], sum(i for i in range(n)), list(x for x in "ab"))
