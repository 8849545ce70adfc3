# Implicit (__context__) and explicit (__cause__) chaining, suppress_context with `from None`.
def show(e):
    c = e.__cause__
    x = e.__context__
    print(type(e).__name__, e, "cause:", type(c).__name__ if c else None, "context:", type(x).__name__ if x else None, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError as k:
        raise TypeError("explicit") from k
except TypeError as e:
    show(e)
try:
    try:
        [][0]
    except IndexError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    show(e)
try:
    raise ValueError("plain")
except ValueError as e:
    show(e)
try:
    raise KeyError("x") from ValueError("v")
except KeyError as e:
    show(e)
e = ValueError("manual")
e.__cause__ = KeyError("c")
print(type(e.__cause__).__name__, e.__suppress_context__)
