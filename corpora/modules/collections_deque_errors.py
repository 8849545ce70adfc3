# deque errors: empty pops, index range and type, remove/index misses, maxlen checks, unhashable.
from collections import deque

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

q = deque(['a', 'b', 'c'])
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: q[3])
t(lambda: q[-4])
t(lambda: q['a'])
t(lambda: q[0:1])
t(lambda: q.remove('zz'))
t(lambda: q.index('zz'))
t(lambda: deque(maxlen=-1))
t(lambda: deque(maxlen='3'))
t(lambda: deque(5))
t(lambda: deque([1], 1).insert(0, 2))
t(lambda: hash(deque()))
t(lambda: deque() + [1])
def setitem():
    q[5] = 1
t(setitem)
def delitem():
    del q[-10]
t(delitem)
print(q)
