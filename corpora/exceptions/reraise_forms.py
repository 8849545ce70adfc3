# Bare raise, raise of caught exception, raise inside finally, and re-raise after handling.
def f(mode):
    try:
        raise ValueError(mode)
    except ValueError as e:
        if mode == "bare":
            raise
        if mode == "same":
            raise e
        if mode == "new":
            raise KeyError(mode)
        return "handled"
for m in ["bare", "same", "new", "other"]:
    try:
        print(f(m))
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
def g():
    try:
        raise ValueError("inner")
    finally:
        print("finally runs")
try:
    g()
except ValueError as e:
    print("caught", e)
def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(h())
try:
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        raise
except TypeError as e:
    print("reraised", type(e).__name__, e)
