# Slices with every combination of bounds and steps.
s = list(range(10))
for a in [None, -12, -3, 0, 4, 12]:
    for b in [None, -12, -2, 0, 6, 12]:
        for c in [None, -3, -1, 2]:
            print(a, b, c, s[a:b:c], "abcdefghij"[a:b:c])
print(slice(1, 5), slice(2), slice(1, 5, 2).step, s[slice(2, 4)])
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
