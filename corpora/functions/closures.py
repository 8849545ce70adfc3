# Closures: cells shared between functions, late binding, nesting.
def outer():
    x = 1
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
get, set_ = outer()
print(get())
set_(42)
print(get())
def level1():
    a = "a"
    def level2():
        b = "b"
        def level3():
            return a + b
        return level3
    return level2()()
print(level1())
def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter()
print(c(), c(), c())
def unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()
print(unbound())
def param_cell(p):
    def show():
        return p * 2
    return show
print(param_cell(21)())
