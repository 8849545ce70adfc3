# Exception objects: args mutation, attributes, comparison, str of various args.
e = ValueError("a")
e.args = ("b", "c")
print(e, e.args, repr(e))
e.extra = 5
print(e.extra)
print(str(KeyError("k")), str(KeyError("k", 1)), str(IndexError()), repr(StopIteration(3)), StopIteration(3).value)
print(isinstance(KeyError(), LookupError), type(e) is ValueError, ValueError is ValueError)
try:
    raise Exception("multi", 1, [2])
except Exception as x:
    print(x, x.args[2])
class E(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b
x = E(1, 2)
print(x.args, x.a, x.b, str(x))
