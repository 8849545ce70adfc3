# del on names, attributes, items, slices, and nested targets; errors after deletion.
a = 1
del a
try:
    a
except NameError as e:
    print("NameError", e)
lst = list(range(8))
del lst[0], lst[-1]
print(lst)
del lst[1:3], lst[::2]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["x"]
print(d)
try:
    del d["x"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.p = 1
del o.p
try:
    del o.p
except AttributeError as e:
    print("AttributeError", e)
x, y = 1, 2
del (x, y)
try:
    print(x)
except NameError as e:
    print("NameError", e)
m = [[1, 2], [3]]
del m[0][1]
print(m)
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
