# globals() and locals() at module level, in functions, closures and class bodies.
g = globals()
print(g is globals(), "__name__" in g, g["__name__"])
top = 1
print(globals()["top"])
globals()["made"] = 42
print(made)
def f(a, b=2):
    c = a + b
    l = locals()
    return sorted(l.items())
print(f(1))
def outer():
    x = 1
    def inner():
        y = x + 1
        return sorted(locals().items())
    return inner()
print(outer())
class K:
    p = 1
    q = p + 1
    names = sorted(n for n in locals() if not n.startswith("__"))
print(K.names)
def g2():
    return globals() is g
print(g2())
print(locals() is globals())
def unbound():
    l1 = locals()
    z = 1
    return "z" in l1, "z" in locals()
print(unbound())
