# Small-int arithmetic and the floor/modulo sign rules.
for a in [-7, -1, 0, 1, 7, 13]:
    for b in [-3, -1, 1, 2, 5]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** 0, (-2) ** 3, 2 ** -1, 10 ** -2)
print(-(5), +(5), ~5, ~-1, abs(-9))
