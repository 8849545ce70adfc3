# Class body scope: names visible in the body but not in methods or comprehensions (except the first iterable).
x = "global"
class C:
    x = "class"
    y = x + "!"
    first_iter = [v for v in x]
    try:
        z = [x for _ in range(1)]
    except NameError:
        z = "NameError"
    def method(self):
        return x
print(C.y, C.first_iter[:3], C.z, C().method())
def outer():
    v = "enclosing"
    class Inner:
        w = v
        def m(self):
            return v
    return Inner.w, Inner().m()
print(outer())
class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))
