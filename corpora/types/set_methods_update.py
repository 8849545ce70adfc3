# In-place set methods: update/intersection_update/difference_update/symmetric_difference_update.
s = {1, 2, 3}
s.update([4], (5, 6), range(7, 9))
print(sorted(s))
s.intersection_update(range(0, 10, 2), [2, 4, 6, 8, 100])
print(sorted(s))
s.difference_update([2], {4})
print(sorted(s))
s.symmetric_difference_update([6, 7, 9])
print(sorted(s))
s.add(1); s.add(1)
s.discard(100); s.discard(1)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
print(sorted([s.pop() for _ in range(len(s))]), s)
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
try:
    s.update(5)
except TypeError as e:
    print("TypeError", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError", e)
t = {1, 2}
t |= {3}; t &= {1, 3, 4}; t ^= {4, 5}; t -= {5}
print(sorted(t))
try:
    t |= [1]
except TypeError as e:
    print("TypeError", e)
u = {1, 2, 3}
u.intersection_update()
print(sorted(u))
u.clear()
print(u, len(u))
