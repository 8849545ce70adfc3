# list.sort and sorted: stable, key, reverse.
a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "fig", "elderberry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3.5, 1, 2.25, -1]), sorted("hello"), sorted({3: 1, 1: 2}), sorted([]))
big = [(i * 7919) % 1000 for i in range(200)]
print(sorted(big)[:10], sorted(big)[-5:])
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", e)
