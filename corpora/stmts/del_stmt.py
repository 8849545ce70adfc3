# del of names, items, slices and attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
l = list(range(8))
del l[0], l[-1]
del l[::2]
print(l)
d = {1: 2, 3: 4}
del d[1]
print(d)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(hasattr(c, "a"), c.b)
try:
    del c.zz
except AttributeError as e:
    print("AttributeError", e)
def f():
    y = 1
    del y
    return y
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
