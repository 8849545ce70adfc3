# Iterating non-iterables, unpacking errors, and next() on non-iterators.
for obj in [1, None, 1.5, len]:
    try:
        for _ in obj:
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        iter(obj)
    except TypeError as e:
        print("TypeError", e)
for obj in [[1], "ab", (1,)]:
    try:
        next(obj)
    except TypeError as e:
        print("TypeError", e)
print(next(iter([]), "default"), next(iter("x"), None))
try:
    a, b = 1
except TypeError as e:
    print("TypeError", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    [*None]
except TypeError as e:
    print("TypeError", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError", e)
