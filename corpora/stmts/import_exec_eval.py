# import of the built-in gc and sys modules; exec/eval with globals and locals; locals().
import gc
from gc import collect
print(gc.collect() >= 0, collect() >= 0, gc.isenabled(), type(gc).__name__)
gc.disable()
print(gc.isenabled())
gc.enable()
import sys
print(sys.maxsize > 2 ** 30, sys.byteorder, "gc" in sys.modules)
def f(x):
    return x * 2
total = 0
for i in range(5):
    exec('total += f(float({:d}))'.format(i), locals(), globals())
print(total)
print(eval("1 + 2 * 3"), eval("f(21)"), eval("x + 1", {"x": 41}), eval("[y for y in range(3)]"))
ns = {}
exec("a = 5\ndef g():\n    return a * 2\nb = g()", ns)
print(ns["a"], ns["b"], sorted(k for k in ns if not k.startswith("__")))
def loc():
    q = 3
    return sorted(locals().items())
print(loc())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e)
try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e)
try:
    from gc import nope
except ImportError as e:
    print(type(e).__name__, e)
try:
    gc.nope
except AttributeError as e:
    print("AttributeError", e)
