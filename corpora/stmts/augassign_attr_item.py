# Augmented assignment on attributes, subscripts and slices evaluates the target once.
log = []
class Box:
    def __init__(self):
        self.v = 1
    def __getitem__(self, k):
        log.append(("get", k))
        return 10
    def __setitem__(self, k, v):
        log.append(("set", k, v))
def key():
    log.append("key")
    return "k"
def obj():
    log.append("obj")
    return b
b = Box()
obj()[key()] += 5
print(log)
log.clear()
obj().v *= 7
print(log, b.v)
lst = [1, 2, 3]
i = 0
lst[i] += 10
lst[-1] **= 2
print(lst)
lst[0:2] += [9]
print(lst)
d = {"a": [1]}
d["a"] += [2]
d["a"][0] -= 5
print(d)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(t)
try:
    b.missing += 1
except AttributeError as e:
    print("AttributeError", e)
