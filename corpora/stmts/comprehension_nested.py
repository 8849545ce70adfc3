# Nested comprehensions: multiple for/if clauses, dict/set/gen forms, order of evaluation.
print([(x, y) for x in range(3) for y in range(x)])
print([x * y for x in range(1, 4) if x != 2 for y in range(3) if y])
print([[c for c in range(r)] for r in range(4)])
print({k: [v for v in range(k)] for k in range(3)})
print(sorted({x % 4 for x in range(20) if x % 3}))
print(sum(x for x in range(10) if x % 2), list(x for x in "ab" for _ in (1, 2)))
m = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*m)], [v for row in m for v in row])
print([y for x in [[1, [2]], [3]] for y in x])
print({x: x * x for x in range(4) if x}.get(3), [i for i in range(3) if i if i > 1])
g = (x for x in range(3))
print(list(g), list(g))
print([(lambda x=x: x)() for x in range(3)])
print([x for x in range(5)][::-1], [(x, y) for x, y in enumerate("ab")])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
