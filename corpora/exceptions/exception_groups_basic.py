# except with a tuple of classes, exception variable unbinding after the handler.
def raise_it(cls):
    raise cls("x")
for cls in [ValueError, TypeError, KeyError, ZeroDivisionError]:
    try:
        raise_it(cls)
    except (ValueError, TypeError) as e:
        print("first", type(e).__name__)
    except (LookupError, ArithmeticError) as e:
        print("second", type(e).__name__)
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError", e)
classes = (IndexError,)
try:
    [][1]
except classes as e:
    print("tuple var", type(e).__name__)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    raise 42
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError", e)
