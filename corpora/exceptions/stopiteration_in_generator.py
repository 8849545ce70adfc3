# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("inner")
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
def uses_next():
    it = iter([1])
    while True:
        yield next(it)
try:
    print(list(uses_next()))
except RuntimeError as e:
    print("RuntimeError", e)
def safe():
    it = iter([1, 2])
    for x in it:
        yield x
print(list(safe()))
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("from class")
print(list(It()))
