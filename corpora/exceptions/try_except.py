# try/except/else/finally in every combination.
def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            raise KeyError("one")
        r = 10 / x
    except ValueError as e:
        print("value", e)
        return "v"
    except (KeyError, TypeError) as e:
        print("key or type", repr(e))
        return "k"
    else:
        print("else", r)
        return "e"
    finally:
        print("finally", x)
print(f(0), f(1), f(2))
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())
def h():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(h())
def k():
    try:
        raise ValueError
    except ValueError:
        return "caught bare class"
print(k())
try:
    raise ValueError
except Exception as e:
    print(type(e).__name__, repr(e), e.args)
