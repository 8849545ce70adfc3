# deque: appends and pops at both ends, extend/extendleft, len, iteration, indexing.
from collections import deque

q = deque()
print(q, len(q), bool(q))
q.append(1)
q.append(2)
q.appendleft(0)
q.appendleft(-1)
print(q, len(q), bool(q), list(q))
print(q.pop(), q.popleft(), q)
q.extend([5, 6])
q.extend(range(7, 9))
q.extendleft('ab')
print(q)
print(q[0], q[1], q[-1], q[-2])
q[0] = 'B'
del q[1]
print(q)
print([x for x in q], list(reversed(q)), 5 in q, 'zz' in q)
q.extend(q)
print(q, len(q))
print(deque('hello'), deque((1, 2)), deque({'k': 1}), deque(deque([3])))
print(deque(x * x for x in range(5)))
total = 0
d = deque()
for i in range(100):
    d.append(i)
    if len(d) > 10:
        total += d.popleft()
print(total, d)
print(repr(deque([[1], (2,), 'x', None])))
