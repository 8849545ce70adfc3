# Mutating lists while and after iterating; aliasing; slice assignment shapes.
a = list(range(10))
for x in a[:]:
    if x % 3 == 0:
        a.remove(x)
print(a)
b = a
b += [100]
print(a is b, a[-1])
c = a
c = c + [200]
print(a[-1], c[-1])
s = [1, 2, 3, 4, 5]
s[1:1] = [9, 9]
print(s)
s[:] = "ab"
print(s)
s[5:] = [1]
print(s)
s[-1:] = []
print(s)
del s[:]
print(s, len(s))
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
q = [3, 1, 2]
q.extend(range(3))
q.extend("xy")
q.insert(-100, "first")
print(q, q.count(1), q.index(2, 3))
