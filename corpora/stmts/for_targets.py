# for-loop targets: attributes, subscripts, tuples; the loop variable after the loop.
class Box:
    pass
b = Box()
for b.item in [1, 2, 3]:
    pass
print(b.item)
d = {}
for d["k"] in "xyz":
    pass
print(d)
l = [0, 0]
for l[0], l[1] in [(1, 2), (3, 4)]:
    print(l)
for i in range(3):
    pass
print(i)
for ch in "":
    pass
try:
    print(ch)
except NameError as e:
    print("NameError", e)
total = 0
for a, (b1, c) in zip(range(3), [(1, 2), (3, 4), (5, 6)]):
    total += a * b1 + c
print(total)
