# AttributeError messages for builtin instances, classes, modules and None.
import math
for obj, name in [(1, "foo"), ("s", "append"), ([], "add"), (None, "x"), ({}, "append"), ((), "sort"), (1.5, "real_"), (math, "nope"), (int, "nope")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print("AttributeError", e)
for obj in [1, "s", [], None]:
    try:
        obj.newattr = 1
    except AttributeError as e:
        print("AttributeError", e)
class C:
    __slots__ = ("a",)
c = C()
try:
    c.b = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    c.a
except AttributeError as e:
    print("AttributeError", e)
