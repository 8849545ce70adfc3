# list errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: [][0])
check(lambda: [1, 2][-3])
check(lambda: [].pop())
check(lambda: [1].pop(5))
check(lambda: [1].remove(2))
check(lambda: [1].index(2))
check(lambda: [1]["a"])
check(lambda: [1] + (2,))
check(lambda: {}[[1]])
def setx():
    a = [1, 2, 3]
    a[::2] = [1]
check(setx)
def assign():
    a = [1]
    a[5] = 1
check(assign)
