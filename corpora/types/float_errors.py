# Float errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: 1.0 / 0)
check(lambda: 1.0 // 0.0)
check(lambda: 1.0 % 0)
check(lambda: float("abc"))
check(lambda: float(""))
check(lambda: int(float("inf")))
check(lambda: int(float("nan")))
check(lambda: 0.0 ** -1)
check(lambda: float([]))
check(lambda: 1.5 + "x")
