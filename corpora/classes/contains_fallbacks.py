# `in` falls back from __contains__ to __iter__ to __getitem__; __contains__ result is coerced to bool.
class WithContains:
    def __contains__(self, x):
        return x  # truthiness of the value decides
class WithIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * 2
print(5 in WithContains(), 0 in WithContains(), "" not in WithContains(), [1] in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(4 in WithGetitem(), 5 in WithGetitem())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print("TypeError", e)
def gen():
    yield 1
    yield 2
g = gen()
print(1 in g, 1 in g, list(g))
