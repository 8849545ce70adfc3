# dict errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: {}["x"])
check(lambda: {1: 2}[2])
check(lambda: {}.pop("k"))
check(lambda: {}.popitem())
check(lambda: {[1]: 2})
check(lambda: {1: 2} + {3: 4})
check(lambda: dict([1, 2]))
check(lambda: {(1, [2]): 3})
def delmissing():
    d = {}
    del d["q"]
check(delmissing)
