# all and any: empty iterables, short-circuiting, generators, truthiness.
print(all([]), any([]), all(()), any({}))
print(all([1, 2, 3]), all([1, 0, 3]), any([0, 0, 1]), any([0, "", None]))
print(all("abc"), any(""), all([[], 1]), any([[], [0]]))
seen = []
def gen(vals):
    for v in vals:
        seen.append(v)
        yield v
print(all(gen([1, 1, 0, 1, 1])), seen)
seen.clear()
print(any(gen([0, 0, 5, 0])), seen)
print(all(x > 0 for x in range(1, 10)), any(x > 8 for x in range(9)))
class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(all([T(True), T(True)]), any([T(False), T(False)]))
for bad in [1, None]:
    try:
        all(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    any()
except TypeError as e:
    print(type(e).__name__)
