# Augmented assignment evaluates the target once.
calls = []
def idx(i):
    calls.append(i)
    return i
l = [1, 2, 3]
l[idx(0)] += 10
l[idx(2)] *= 3
print(l, calls)
class A:
    def __init__(self):
        self.n = 0
a = A()
def get():
    calls.append("get")
    return a
get().n += 5
print(a.n, calls)
d = {"k": [1]}
d["k"] += [2]
d["k"] *= 2
print(d)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError", e)
print(t)
