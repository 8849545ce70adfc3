# Call-site unpacking: multiple * and ** in a call, ordering, duplicates and non-mapping errors.
def f(*a, **k):
    return a, sorted(k.items())
print(f(*[1, 2], 3, *(4,), *"ab"))
print(f(**{"x": 1}, y=2, **{"z": 3}))
print(f(1, *range(2), k=0, **dict(m=5)))
for call in [lambda: f(**{"x": 1}, x=2), lambda: f(**{"x": 1}, **{"x": 2}), lambda: f(**[1]), lambda: f(**{1: 2})]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def g(a, b, c):
    return a + b + c
print(g(*[1], **{"c": 3, "b": 2}), g(*"xyz"), g(1, *(2, 3)))
try:
    g(1, *[2], **{"b": 5, "c": 1})
except TypeError as e:
    print("TypeError", e)
