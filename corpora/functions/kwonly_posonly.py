# Positional-only and keyword-only parameters: valid calls and the TypeErrors for misuse.
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(1, 2, 3, d=4, z=0), lambda: f(1, 2, 3, c=3, d=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def g(a, /, **kw):
    return a, sorted(kw.items())
print(g(1, a=2))
def h(*, x):
    return x
try:
    h()
except TypeError as e:
    print("TypeError", e)
def k(*args, sep="-"):
    return sep.join(map(str, args))
print(k(1, 2, 3), k(sep="+"), k(1, sep=""))
