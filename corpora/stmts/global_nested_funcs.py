# global declarations from nested functions and class bodies; nonlocal through several levels.
g = 0
def outer():
    def inner():
        global g
        g += 1
        return g
    return inner() + inner()
print(outer(), g)
class C:
    global g
    g = 100
    h = g + 1
print(g, C.h)
def level1():
    x = 1
    def level2():
        def level3():
            nonlocal x
            x += 10
            return x
        return level3()
    r = level2()
    return r, x
print(level1())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
try:
    exec("def f():\n    global q\n    return q\nf()", {})
except NameError as e:
    print("NameError", e)
def unbound():
    print(z)
    z = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
