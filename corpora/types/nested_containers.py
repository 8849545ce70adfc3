# Nested containers: repr, equality, copying by reference.
a = [1, [2, [3, [4]]], (5, {"six": [6]}), {7}]
print(a, len(a), a[1][1][1][0], a[2][1]["six"])
b = a[:]
b[1][0] = 200
print(a[1][0], b is a, b == a)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
bad = [[0] * 3] * 3
bad[1][1] = 5
print(grid, bad)
t = ([], [])
t[0].append(1)
print(t, {"k": (1, 2)}, [{}, set(), ()], [[]] == [[]], [()] != [[]])
