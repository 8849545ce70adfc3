# Starred assignment targets in every position and with various iterables.
a, *b = [1, 2, 3]; print(a, b)
*a, b = "xyz"; print(a, b)
a, *b, c = range(5); print(a, b, c)
a, *b, c = (1, 2); print(a, b, c)
[a, *b] = {7: 0}; print(a, b)
(a, b), *c = [(1, 2), 3, 4]; print(a, b, c)
*a, = iter([9, 8]); print(a)
a, (b, *c), d = 1, [2, 3, 4], 5; print(a, b, c, d)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
for code in ["a, *b, c = [1]", "a, b = [1, 2, 3]", "a, b = 1", "a, b, c = 'ab'", "*a, b, c, d = (1, 2)"]:
    try:
        exec(code, {})
    except Exception as e:
        print(type(e).__name__, e)
x = [0, 0, 0]
x[0], *x[1:] = "abc"
print(x)
