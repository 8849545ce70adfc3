# range.
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), r.count(5), range(3) == range(0, 3))
print(range(0, 10, 2), repr(range(3)), sum(range(101)), list(reversed(range(4))), max(range(7)))
for i in range(3, -3, -2):
    print(i)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
