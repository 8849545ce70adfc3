# try/except/else: else runs only without exceptions; exceptions in else are not caught by the same try.
def run(k):
    try:
        if k == 1:
            raise KeyError(k)
        out = "try ok"
    except KeyError:
        out = "except"
    else:
        out += " + else"
        if k == 2:
            raise ValueError("from else")
    finally:
        out += " + finally"
    return out
for k in range(3):
    try:
        print(run(k))
    except ValueError as e:
        print("escaped", e)
for i in range(2):
    try:
        pass
    except Exception:
        pass
    else:
        if i == 0:
            continue
        print("else at", i)
