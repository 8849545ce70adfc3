# The in operator across container types and user classes.
print(1 in [1, 2], 3 in (1, 2), "b" in "abc", "bc" in "abc", "" in "x", 2 in {2: 0}, 0 in {2: 0}, 5 in range(0, 10, 5))
print(b"a" in b"cat", 97 in b"a", (1, 2) in [(1, 2)], [1] in [[1]], None in [None], 1.0 in [1], True in [1])
print("k" in {"k": 1}.keys(), 1 in {"k": 1}.values(), ("k", 1) in {"k": 1}.items(), 3 in {1, 2, 3}, 3 in frozenset())
class C:
    def __contains__(self, x):
        return x == "magic"
print("magic" in C(), "other" in C(), "magic" not in C())
class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 5 in It())
try:
    1 in 5
except TypeError as e:
    print("TypeError", e)
