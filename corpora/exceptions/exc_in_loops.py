# Exceptions raised and caught inside loops and comprehensions.
results = []
for x in [1, 0, "a", 2, None]:
    try:
        results.append(10 / x)
    except ZeroDivisionError:
        results.append("div0")
    except TypeError as e:
        results.append("type:" + type(x).__name__)
print(results)
def safe(f, *a):
    try:
        return f(*a)
    except Exception as e:
        return type(e).__name__
print([safe(int, s) for s in ["1", "x", "3", ""]], [safe(lambda i: [1, 2][i], i) for i in range(-3, 3)])
total = 0
for i in range(100):
    try:
        if i % 10 == 0:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total -= e.args[0]
print(total)
