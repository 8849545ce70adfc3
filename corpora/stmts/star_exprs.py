# Star expressions in literals and calls, double-star in dicts.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 5), {*a, *b} == {1, 2, 3, 4}, [*"hi", *range(2)])
d1 = {"x": 1}
d2 = {"y": 2, "x": 3}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1})
def f(*args, **kw):
    return args, kw
print(f(*a, *b, 9), f(**d1, **{"w": 1}), f(*[], **{}))
first, *middle, last = range(6)
print(first, middle, last)
*_, tail = "abc"
print(tail)
try:
    f(**d1, **{"x": 2})
except TypeError as e:
    print("TypeError", e)
try:
    f(**5)
except TypeError as e:
    print("TypeError", e)
