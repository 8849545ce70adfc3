# The built-in exception hierarchy and args/str.
for cls in [ZeroDivisionError, KeyError, IndexError, UnboundLocalError, RecursionError, ModuleNotFoundError, StopIteration]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print(issubclass(KeyError, LookupError), issubclass(ValueError, ArithmeticError), isinstance(ValueError(), Exception))
e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(ValueError("x")), repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
try:
    raise IndexError("custom")
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    {}["missing"]
except KeyError as e:
    print(e, e.args)
