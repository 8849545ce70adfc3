# Exceptions raised inside except and finally blocks replace the original and chain to it.
def inner(kind):
    try:
        raise ValueError("original")
    except ValueError:
        if kind == "except":
            raise KeyError("from except")
    finally:
        if kind == "finally":
            raise IndexError("from finally")
for kind in ["finally", "none", "except"]:
    try:
        inner(kind)
        print("no error")
    except Exception as e:
        ctx = e.__context__
        print(type(e).__name__, e, "context:", type(ctx).__name__ if ctx else None)
def swallow():
    try:
        raise ValueError("v")
    finally:
        return "swallowed"
print(swallow())
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise e from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print("NameError", e, type(e.__context__).__name__)
