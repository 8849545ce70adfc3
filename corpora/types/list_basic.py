# list: building, indexing, slicing, mutation.
a = [1, 2, 3]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(-1, 55)
a.insert(100, 99)
print(a, len(a), a[0], a[-1], a[2:4], a[::2], a[::-1])
print(a.pop(), a.pop(0), a, a.index(3), a.count(3))
a.remove(55)
a.reverse()
print(a)
a[1:3] = [10, 20, 30]
print(a)
a[::2] = [0, 0, 0, 0]
print(a)
del a[0]
del a[1:3]
print(a)
b = a.copy()
b.clear()
print(a, b, [1, 2] + [3], [0] * 3, [[]] * 2, 2 in [1, 2], 5 not in [1, 2])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [], list("abc"), list(range(3)), list((1, 2)))
x = [3, 1, 2]
x += [4]
print(x, sorted(x), x)
