# sorted/list.sort with key and reverse: stability, key errors, mixed types.
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True), sorted(pairs, reverse=True))
print(sorted("hello"), sorted({3: 0, 1: 0, 2: 0}), sorted(range(5), key=lambda x: -x), sorted([]), sorted([1], reverse=True))
print(sorted([3, 1.5, True, 2]), sorted([-1, 0, 1], key=abs))
for call in [lambda: sorted([1, "a"]), lambda: sorted([1, 2], key=5), lambda: sorted(5), lambda: sorted([1], cmp=None), lambda: sorted([3, 2], lambda x: x)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
l = [5, 3, 8]
print(l.sort(), l, l.sort(reverse=True), l)
try:
    l.sort(key=lambda x: 1 / (x - 3))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, l)
