# Recursive algorithms over data: quicksort, permutations, tree depth, flatten.
def qsort(xs):
    if len(xs) <= 1:
        return xs
    p = xs[0]
    return qsort([x for x in xs[1:] if x < p]) + [p] + qsort([x for x in xs[1:] if x >= p])
data = [(i * 37) % 101 for i in range(60)]
print(qsort(data) == sorted(data), qsort(data)[:10])
def perms(xs):
    if not xs:
        return [[]]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
print(len(perms([1, 2, 3, 4])), perms("abc"))
def queens(n, row=0, cols=()):
    if row == n:
        return 1
    return sum(queens(n, row + 1, cols + (c,)) for c in range(n)
               if all(c != cc and abs(c - cc) != row - r for r, cc in enumerate(cols)))
print([queens(n) for n in range(1, 7)])
