# array: indexing, slicing, assignment, deletion, iteration and methods
from array import array

a = array('i', range(10))
print(a[0], a[-1], a[3:7], a[::3], a[::-2], a[100:], a[-3:], len(a), 5 in a, 50 in a, list(reversed(a))[:3])
a[0] = -1
a[-1] = 99
a[2:4] = array('i', [20, 30, 40])
print(a)
a[::2] = array('i', [0] * 6)
print(a)
del a[1]
del a[-2:]
del a[::3]
print(a, sum(a), max(a), min(a), sorted(a))
b = array('h')
b.extend([3, 1, 2])
b.extend(array('h', [7]))
b.append(5)
b.insert(0, 9)
b.insert(-1, 8)
b.insert(100, 6)
b.insert(-100, 4)
print(b, b.index(2), b.count(7), b.pop(), b.pop(0), b.pop(-2), b)
b.remove(7)
b.reverse()
print(b, b.tolist(), [x * 2 for x in b], bool(b), bool(array('h')))
c = array('b', [1, 2, 3])
print(c == array('b', [1, 2, 3]), c == array('h', [1, 2, 3]), c == array('b', [1, 2]), c != c, c == [1, 2, 3])
print(array('u' if False else 'd'), repr(array('B')), str(array('l', [-5])), type(c).__name__)
import array as arraymod
print(isinstance(c, arraymod.array), arraymod.ArrayType is arraymod.array)
it = iter(array('d', [1.5, 2.5]))
print(next(it), next(it), next(it, 'done'))
for i, v in enumerate(array('Q', [2 ** 64 - 1, 0])):
    print(i, v)
