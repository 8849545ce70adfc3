# Errors of int arithmetic.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: 1 / 0)
check(lambda: divmod(1, 0))
check(lambda: 1 + "a")
check(lambda: "a" + 1)
check(lambda: 1 - None)
check(lambda: [] * [])
check(lambda: -"x")
check(lambda: ~1.5)
check(lambda: 2 ** 100 // 0)
