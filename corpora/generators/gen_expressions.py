# Generator expressions: laziness, single pass, early binding of the first iterable.
log = []
def src():
    for i in range(3):
        log.append(i)
        yield i
g = (x * 10 for x in src())
print(log)
print(next(g), log)
print(list(g), log, list(g))
lst = [1, 2]
ge = (x for x in lst)
lst = [9, 9]
print(list(ge))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
ge2 = (1 / x for x in [1, 0])
print(next(ge2))
try:
    next(ge2)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(ge2))
print(sum(x * x for x in range(5)), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(type(x for x in []).__name__)
