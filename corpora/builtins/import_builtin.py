# __import__: built-in modules, modules written to disk, fromlist and level arguments, errors.
import sys
m = __import__("sys")
print(m is sys, m.__name__)
g = __import__("gc", globals(), locals(), [], 0)
print(g.__name__, callable(g.collect))
print(__import__("sys", fromlist=["argv"]) is sys)
for bad in ["no_such_module_xyz", "no_such_pkg.sub"]:
    try:
        __import__(bad)
    except ImportError as e:
        print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    __import__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print(type(e).__name__, e)
print("sys" in sys.modules, sys.modules["sys"] is sys)
