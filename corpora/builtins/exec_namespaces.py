# exec/eval in loops with swapped namespaces: exec(src, locals(), globals()) as the seed program does.
def f(x):
    return x * 2
acc = []
for i in range(10):
    exec("acc.append(f({:d}))".format(i), locals(), globals())
print(len(acc), sum(acc), acc[:5])
def in_function():
    out = []
    for i in range(5):
        exec("out.append(i * i)", globals(), {"out": out, "i": i})
    return out
print(in_function())
g = {}
for i in range(10):
    exec("v{0} = {0}".format(i), g)
print(sum(g["v%d" % i] for i in range(10)))
code = compile("total = total + step", "<loop>", "exec")
ns = {"total": 0, "step": 3}
for _ in range(10):
    exec(code, ns)
print(ns["total"])
print(sum(eval(str(i) + " * 2") for i in range(10)))
src = "def h(n):\n    return n + 1\n"
for i in range(3):
    d = {}
    exec(src, d)
    print(d["h"](i))
