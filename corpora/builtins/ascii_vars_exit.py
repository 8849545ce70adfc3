# ascii, vars and exit/quit: escapes of non-ASCII text, namespaces as dicts, SystemExit.
print(ascii("plain"), ascii("héllo"), ascii("€uro"), ascii("😀"), ascii(["ü", b"\xff"]))
print(ascii(1), ascii(None), ascii({"k": "ñ"}))
class P:
    cls_level = 1
    def __init__(self):
        self.a = 1
        self.b = "two"
p = P()
print(sorted(vars(p).items()))
vars(p)["c"] = 3
print(p.c)
print("cls_level" in vars(P))
def f():
    x = 1
    return vars()
print(f())
import sys
print(vars(sys) is sys.__dict__ if hasattr(sys, "__dict__") else True)
for bad in [1, "s"]:
    try:
        vars(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for fn in [exit, quit]:
    for args in [(), (3,), ("msg",)]:
        try:
            fn(*args)
        except SystemExit as e:
            print(type(e).__name__, e.args, e.code)
print(issubclass(BrokenPipeError, OSError), issubclass(ConnectionResetError, ConnectionError), IOError is OSError)
print(EnvironmentError is OSError, issubclass(TimeoutError, OSError), issubclass(PermissionError, OSError))
