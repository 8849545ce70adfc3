# global and nonlocal.
count = 0
def inc():
    global count
    count += 1
inc()
inc()
print(count)
def outer():
    n = 0
    def bump():
        nonlocal n
        n += 10
        return n
    bump()
    bump()
    return n, bump()
print(outer())
def make_counter():
    c = 0
    def counter():
        nonlocal c
        c += 1
        return c
    return counter
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c2(), c1())
def g():
    global newname
    newname = "set in g"
g()
print(newname)
