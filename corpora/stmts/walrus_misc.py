data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 6], y)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
def f(a, /, b, *, c=3):
    return a + b + c
print(f(1, 2), f(1, b=2, c=0))
try:
    f(a=1, b=2)
except TypeError as e:
    print(e)
print(1 < 2 < 3, 3 > 2 > 2, (lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x, x[::-1], x[-2:], [*x, *'ab'], {**{'a': 1}, 'b': 2})
def deco(tag):
    def wrap(fn):
        def inner(*a):
            return tag + str(fn(*a))
        return inner
    return wrap
@deco('<')
@deco('>')
def g(v):
    return v * 2
print(g(21))
print(f'{"nested " + f"{1 + 1}"}', f'{3.14159:.2f}', f'{"x"!r:>5}', f'{10:#x}')
