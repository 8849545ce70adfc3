# list.index with start/stop, list.count, and `in` with mixed types.
a = [1, 2, 3, 2, 1, 2.0, True, "2"]
print(a.count(2), a.count(1), a.count("2"), a.count(None))
print(a.index(2), a.index(2, 2), a.index(2, -3), a.index(1, 1))
for args in [(2, 6, 7), (9,), ("x", 0, 100), (1, 5, 2)]:
    try:
        print(a.index(*args))
    except ValueError as e:
        print("ValueError", e)
print(a.index(2, -100, 100))
print(2 in a, "2" in a, 3.0 in a, [] in a)
b = [[1], [2], [1]]
print(b.count([1]), b.index([2]))
