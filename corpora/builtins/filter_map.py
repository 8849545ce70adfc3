# filter and map: None as predicate, several iterables for map, laziness, errors.
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
calls = []
def f(x):
    calls.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(calls, next(m), calls)
print(list(m), calls)
fl = filter(lambda x: x > 1, iter([3, 0, 2]))
print(next(fl), next(fl), next(fl, "end"))
try:
    map(abs)
except TypeError as e:
    print(type(e).__name__)
try:
    list(map(abs, 5))
except TypeError as e:
    print(type(e).__name__, e)
try:
    filter(None, 3)
except TypeError as e:
    print(type(e).__name__, e)
print(sum(map(len, ["a", "bb", "ccc"])))
