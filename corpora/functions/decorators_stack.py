# Decorators: stacking order, decorators with arguments, class decorators, wrapping state.
order = []
def tag(name):
    def deco(fn):
        order.append(name)
        def wrapper(*a, **k):
            return "<%s>%s</%s>" % (name, fn(*a, **k), name)
        return wrapper
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
print(text("hi"), order)
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
def register(cls):
    cls.registered = True
    return cls
@register
class K:
    pass
print(K.registered)
def replace(fn):
    return 42
@replace
def gone():
    pass
print(gone)
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
