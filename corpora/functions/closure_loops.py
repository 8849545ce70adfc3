# Closures created in loops share the loop variable unless bound per iteration.
def make_all():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(make_all())
def make_each():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(make_each())
def make_via_factory():
    def factory(v):
        return lambda: v
    return [factory(i)() for i in range(3)]
print(make_via_factory())
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter_pair()
inc(); inc()
print(get())
