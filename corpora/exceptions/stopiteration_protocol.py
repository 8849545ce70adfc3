# StopIteration from user iterators ends for loops; next() with default; value carried.
class Two:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration("done")
        return self.i
print(list(Two()), [x for x in Two()], sum(Two()), next(Two()), next(iter([]), "default"))
it = Two()
next(it); next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
def gen():
    return 5
    yield
try:
    next(gen())
except StopIteration as e:
    print("value", e.value)
