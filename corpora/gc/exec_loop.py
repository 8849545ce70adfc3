# The exec loop the harness seeds with: compile and run source text many times.
import gc
def f(x):
    return x * 3 + 1
total = 0.0
seen = 0
for i in range(300):
    exec('total += f(float({:d}) / 7)'.format(i * 13 + 5), locals(), globals())
    seen += 1
    if i % 50 == 0:
        gc.collect()
print(total, seen)
src = "def h(n):\n    return sum(k * k for k in range(n))\nresult = h(10)"
for i in range(50):
    ns = {}
    exec(src, ns)
print(ns["result"], eval("h(4)", ns))
