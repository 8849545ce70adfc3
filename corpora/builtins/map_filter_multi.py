# map with several iterables, filter with None and functions, laziness and errors.
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(max, [1, 5], [4, 2], [3, 3])), list(map(len, [])), list(map(int, ["1", "2"], [10, 16])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(8))), list(filter(str.isdigit, "a1b2")))
m = map(lambda x: 10 // x, [5, 0, 1])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(m))
for call in [lambda: map(len), lambda: map(len, 5), lambda: filter(None, 5), lambda: list(map(5, [1]))]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
f = filter(None, [1])
print(iter(f) is f)
