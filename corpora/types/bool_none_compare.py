# Comparisons involving None and bools, and their errors.
def check(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
check(lambda: None == None)
check(lambda: None != 0)
check(lambda: None < 1)
check(lambda: [1] < (1,))
check(lambda: {} < {})
check(lambda: True < 2)
check(lambda: sorted([True, 0, -1, 0.5]))
check(lambda: max(None, 1))
check(lambda: "a" >= None)
