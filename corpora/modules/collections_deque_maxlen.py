# deque(maxlen=): items fall off the opposite end; maxlen is read-only.
from collections import deque

q = deque([1, 2, 3], maxlen=3)
print(q, q.maxlen)
q.append(4)
print(q)
q.appendleft(0)
print(q)
q.extend([7, 8])
print(q)
q.extendleft([-1, -2])
print(q)
print(deque(range(10), 4), deque(range(10), maxlen=2))
z = deque([1, 2], maxlen=0)
z.append(5)
z.appendleft(6)
print(z, len(z))
print(deque().maxlen, deque([], None).maxlen)
try:
    q.maxlen = 10
except AttributeError:
    print('AttributeError')
c = q.copy()
print(c, c.maxlen)
last3 = deque(maxlen=3)
for line in ['a', 'b', 'c', 'd', 'e']:
    last3.append(line)
print(list(last3))
