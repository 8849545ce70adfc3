# list.copy/reverse/`[:]` copies are shallow; list() and list * share inner objects.
a = [[1], [2], 3]
b = a.copy()
c = a[:]
d = list(a)
b[0].append("x")
b[2] = 99
print(a, b, c is a, c == a, d[0] is a[0])
a.reverse()
print(a, c)
grid = [[0] * 2] * 2
grid[0][0] = 5
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 5
print(grid2)
e = []
e.reverse()
print(e, [1].copy(), list(reversed(a)) == a[::-1])
