# abs, divmod and pow over ints, floats, bools and big ints, with their errors.
for x in [0, 5, -5, True, False, -2**70, 2**70, 2.5, -0.0, -3.75]:
    print(repr(x), abs(x))
print(abs(3+4j))
class A:
    def __abs__(self):
        return "absolute"
print(abs(A()))
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (2**65, 7), (-2**65, 3), (7.5, 2), (-7.5, 2), (7, 0.5)]:
    print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8.0, 2))
print(pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7), pow(3, 0, 1))
print(pow(7, -1, 13), pow(3, -2, 7), pow(38, -1, 97), pow(5, -1, -7))
for args in [(2, 3, 0), (2.0, 3, 5), (2, -1, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__)
print(pow(base=2, exp=5) if False else pow(2, 5))
