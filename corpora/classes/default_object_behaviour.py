# Default object behaviour: identity equality, unorderable, default hash usable, default repr shape.
class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a is not b, len({a, b, a}), {a: 1}[a])
for op in [lambda: a < b, lambda: a <= b, lambda: a > 1]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
r = repr(a)
print(r.startswith("<__main__.P object at 0x"), r.endswith(">"), str(a) == r)
print(bool(a), P.__name__, type(a) is P, isinstance(a, object), P.__module__)
print(object() != object(), type(object()).__name__)
