# Evaluation order: left to right in calls, subscripts, comparisons and assignments.
log = []
def v(x):
    log.append(x)
    return x
d = {}
d[v("k")] = v("val")
print(log)
log.clear()
r = v(1) + v(2) * v(3)
print(r, log)
log.clear()
f = lambda *a, **k: a
f(v("a"), v("b"), c=v("c"))
print(log)
log.clear()
x = [v(0), v(1)][v(1)]
print(x, log)
log.clear()
print(v(1) < v(2) < v(0) < v(9), log)
