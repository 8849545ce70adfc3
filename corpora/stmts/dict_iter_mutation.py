# Mutating a dict's values while iterating is allowed; list mutation during iteration is seen by the loop.
d = {1: 1, 2: 2}
for k in d:
    d[k] = 5
print(d)
l = [1, 2, 3]
for x in l:
    if x == 1:
        l.append(4)
print(l)
for k in list(d):
    del d[k]
print(d)
