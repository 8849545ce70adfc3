# slice objects: attributes, indices(), use with sequences, equality and errors.
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s, slice(5), slice(None), slice(1, None))
data = list(range(10))
print(data[s], data[slice(None, None, -3)], "abcdef"[slice(2, None)], (1, 2, 3)[slice(-2, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
class Idx:
    def __index__(self):
        return 2
print(data[Idx():], data[:Idx()])
try:
    data["a":]
except TypeError as e:
    print("TypeError", e)
