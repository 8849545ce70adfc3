# collections.deque appends/pops on both ends, extendleft order, indexing and errors.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(list(d), d.pop(), d.popleft(), list(d), len(d), d[0], d[-1])
d.extend([7, 8]); d.extendleft([-1, -2])
print(list(d))
e = deque()
for call in [e.pop, e.popleft]:
    try:
        call()
    except IndexError as ex:
        print("IndexError", ex)
m = deque(range(5), 3)
print(list(m), m.maxlen)
m.append(9)
m.appendleft(-9)
print(list(m), 9 in m, bool(deque()), bool(m))
try:
    d[100]
except IndexError as ex:
    print("IndexError", ex)
