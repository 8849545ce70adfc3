# Functions consuming iterators: partial consumption, passing generators through calls.
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def nat():
    n = 0
    while True:
        yield n
        n += 1
g = nat()
print(take(3, g), take(3, g), next(g))
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)), list(it))
def pairs(*its):
    return list(zip(*its))
print(pairs(range(3), "abc", (x * x for x in range(10))))
print(sum(x for x in range(4)), max((len(w), w) for w in ["aa", "b", "ccc"]), sorted(x % 3 for x in range(7)))
print(", ".join(str(i) for i in range(5)), dict((k, k * 2) for k in range(3)))
