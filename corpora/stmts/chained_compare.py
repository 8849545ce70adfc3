# Chained comparisons evaluate each operand once and short-circuit.
def v(n):
    print("v", n)
    return n
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 1, 1 != 2 != 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) < v(0) < v(5) < v(6))
x = 5
print(0 <= x < 10, 0 <= x <= 4, x in [5] in [[5]], x is x is not None)
print([] == [] != [1], (1, 2) < (1, 3) <= (1, 3))
try:
    print(1 < "a" < 2)
except TypeError as e:
    print("TypeError", e)
print(1 > 2 < "a")
