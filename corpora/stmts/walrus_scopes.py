# Assignment expressions in conditions, comprehensions (binding in enclosing scope) and loops.
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long", n)
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
def f():
    [last := v for v in range(4)]
    return last
print(f())
it = iter(range(5))
while (v := next(it, None)) is not None:
    if v == 3:
        break
print(v)
print((a := 1) + (b := 2), a, b, [(z := i) for i in range(3)], z)
total = 0
print([total := total + x for x in range(5)], total)
