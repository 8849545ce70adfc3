# reversed() on sequences, on __reversed__ objects, on __len__+__getitem__ objects, and its errors.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(0, 10, 3))), list(reversed([])))
class Rev:
    def __reversed__(self):
        return iter("custom")
print("".join(reversed(Rev())))
r = reversed([1, 2])
print(next(r), list(r), list(r))
for bad in [5, {1, 2}, (x for x in [1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError", e)
print(list(reversed({"a": 1, "b": 2})))
