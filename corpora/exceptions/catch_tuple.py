# except with tuples of classes, base classes, and bad except clauses.
def f(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-ish " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
for e in [KeyError, IndexError("i"), ZeroDivisionError(), OverflowError, ValueError, StopIteration]:
    print(f(e))
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as t:
    print("TypeError", t)
try:
    raise SystemExit(3)
except Exception:
    print("not here")
except BaseException as b:
    print("BaseException", type(b).__name__, b.code)
