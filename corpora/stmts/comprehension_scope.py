# Comprehension scoping: the loop variable does not leak, closures see the class body rules.
x = "outer"
l = [x for x in range(3)]
print(x, l)
def f():
    y = 10
    return [y + i for i in range(3)], {i: y for i in range(2)}, list(i * y for i in range(2))
print(f())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
print([[i * j for j in range(i)] for i in range(4)])
print([(i, c) for i, c in enumerate("ab") if c != "a"])
n = 5
print([n for _ in range(2)], [lambda: n for _ in range(1)][0]())
