# Calling non-callables and calling functions with wrong argument counts or names.
def f(a, b=1):
    return a
for call in [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: f(b=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
for obj in [1, "s", None, [], (), 1.5]:
    try:
        obj()
    except TypeError as e:
        print("TypeError", e)
class C:
    def m(self, x):
        return x
try:
    C().m()
except TypeError as e:
    print("TypeError", e)
try:
    C().m(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    C.m(1)
except TypeError as e:
    print("TypeError", e)
def g(*, k):
    return k
try:
    g(k=1, j=2)
except TypeError as e:
    print("TypeError", e)
