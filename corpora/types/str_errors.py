# str errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: "abc"[5])
check(lambda: "abc"["x"])
check(lambda: "abc".index("z"))
check(lambda: "a" * "b")
check(lambda: "a" < 1)
check(lambda: 1 in "abc")
check(lambda: "".join([1, 2]))
check(lambda: "a,b".split(""))
check(lambda: ord("ab"))
check(lambda: chr(-1))
check(lambda: "{}".format())
check(lambda: "x".startswith(1))
