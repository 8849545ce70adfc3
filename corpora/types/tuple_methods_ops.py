# tuple count/index, comparison, concatenation, repetition and errors.
t = (1, 2, 3, 2, 1)
print(t.count(2), t.count(5), t.index(3))
try:
    t.index(7)
except ValueError as e:
    print("ValueError", e)
print((1, 2) < (1, 2, 3), (2,) > (1, 5), (1, "a") < (1, "b"), () == (), (1,) == (1.0,))
print((1,) * 3, (1, 2) * 0, 3 * ("a",), (1,) + (2, 3))
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
try:
    (1,) < ("a",)
except TypeError as e:
    print("TypeError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
print(t[::-1], t[1:3], t[-2:], t[::2], t[5:], t[-100:1])
print(tuple("abc"), tuple(range(3)), tuple([1, [2]]), tuple((1, 2)))
u = t
u += (9,)
print(t, u, u is t)
print(len(()), len((1,)), bool(()), bool((0,)))
a, *b = t
print(a, b)
print(max(t), min(t), sum(t), sorted(t))
print((1, 2, 3) == (1, 2, 3), (1, 2) != (1, 2), ((),) < ((), ()))
