# Order of execution of try/except/else/finally across return, break, continue and nested blocks.
def f(x):
    try:
        print("try", x)
        if x == 1:
            raise ValueError
        if x == 2:
            return "ret"
    except ValueError:
        print("except")
        return "from except"
    else:
        print("else")
        return "from else"
    finally:
        print("finally", x)
for x in range(3):
    print(f(x))
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("fin", i)
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
nested()
