# Laziness: generator bodies run only when pulled; side effects in order.
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
g = noisy(3)
print("created")
for x in g:
    print("consume", x)
    if x == 1:
        break
print("after break")
print(next(g, "done?"))
ge = (print("eval", i) or i for i in range(2))
print("genexpr made")
print(list(ge))
def first_true(it):
    for x in it:
        if x:
            return x
print(first_true(noisy(5)))
