# Nested loops with else clauses: finding primes and searching a grid.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 6
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == target:
            print("found", r, c)
            break
    else:
        continue
    break
else:
    print("not found")
