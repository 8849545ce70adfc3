# len() on builtins and on objects returning big, negative, bool or non-int lengths.
print(len([]), len("héllo"), len(b"ab"), len({1: 2}), len(range(0, 100, 7)), len(set()), len(frozenset([1])), len((1, 2)), len(bytearray(3)))
class L:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
print(len(L(5)), len(L(True)), bool(L(0)), bool(L(3)))
for v in [-1, 1.5, "3"]:
    try:
        print(len(L(v)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for obj in [5, None]:
    try:
        len(obj)
    except TypeError as e:
        print("TypeError", e)
