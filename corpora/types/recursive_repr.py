# repr/str of self-referential containers uses ... placeholders.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a), a[2] is a)
d = {"k": 1}
d["self"] = d
print(d)
b = [a, [a]]
print(b)
x = []
y = [x]
x.append(y)
print(x, y)
print(a == a, [a] == [a])
