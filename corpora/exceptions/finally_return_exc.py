# Exceptions raised inside finally, except and else blocks.
def a():
    try:
        return 1
    finally:
        raise ValueError("from finally")
try:
    a()
except ValueError as e:
    print("ValueError", e)
def b():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise KeyError("from else")
try:
    b()
except KeyError as e:
    print("KeyError", e)
def c():
    try:
        raise TypeError("t")
    except TypeError:
        raise IndexError("from except")
try:
    c()
except IndexError as e:
    print("IndexError", e, type(e.__context__).__name__)
def d(n):
    for i in range(n):
        try:
            if i == 2:
                return "returned at 2"
        finally:
            if i == 2:
                print("finally at 2")
    return "end"
print(d(5), d(1))
