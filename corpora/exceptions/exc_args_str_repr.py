# Exception args, str and repr with zero, one and several arguments, for several classes.
for cls in [Exception, ValueError, KeyError, IndexError, StopIteration]:
    for args in [(), ("msg",), (1, 2), (None,), ("",)]:
        e = cls(*args)
        print(cls.__name__, e.args, repr(str(e)), repr(e))
e = KeyError("quote'd")
print(str(e), repr(e))
e = ValueError("a")
e.args = ("b", "c")
print(e, e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code)
print(str(UnicodeError("u")), ArithmeticError("a").args, isinstance(ZeroDivisionError(), ArithmeticError))
