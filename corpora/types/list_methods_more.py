# list methods with every argument form.
l = [5, 3, 5, 1, 5]
print(l.index(5), l.index(5, 1), l.index(5, 3), l.index(1, -2), l.count(5), l.count(9))
try:
    l.index(5, 3, 4)
except ValueError as e:
    print("ValueError", e)
l.insert(-1, 0)
l.insert(0, -1)
print(l, l.pop(-2), l.pop(1), l)
c = l.copy()
c.sort(key=lambda v: -v)
print(c, l, c is l, c == sorted(l, reverse=True))
l.reverse()
print(l, list(reversed(l)), l[::-1] == list(reversed(l)))
l.clear()
print(l, len(l))
try:
    l.sort(1)
except TypeError as e:
    print("TypeError", e)
