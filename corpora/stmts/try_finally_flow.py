# finally overriding return, exceptions in finally, loops through finally.
def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(g())
def h():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        return repr(e), repr(e.__context__)
print(h())
def loop():
    out = []
    for i in range(5):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())
def nested():
    log = []
    try:
        try:
            log.append("try")
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")
print(nested())
def exc_in_except():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            {}["k"]
    except KeyError as e:
        return type(e.__context__).__name__
print(exc_in_except())
