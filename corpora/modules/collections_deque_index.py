# deque.index with start/stop, insert, remove, comparisons, concatenation and repetition.
from collections import deque

q = deque('abcabc')
print(q.index('b'), q.index('b', 2), q.index('c', 0, 3))
try:
    q.index('a', 1, 3)
except ValueError as e:
    print(type(e).__name__, e)
q.insert(1, 'X')
q.insert(-1, 'Y')
q.insert(100, 'Z')
print(q)
q.remove('a')
print(q)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == deque([2, 1]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque() <= deque(), deque([1]) >= deque([1, 0]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
d = deque([1])
d += [2, 3]
d += deque([4])
print(d)
print(sorted(deque([3, 1, 2])), sum(deque(range(10))), max(deque('xyz')))
