o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
class C: pass
c = C(); c.x = 1; print(c.x)
