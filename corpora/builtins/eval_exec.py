# eval and exec with explicit globals and locals, statements vs expressions, errors.
print(eval("1 + 2 * 3"))
x = 5
print(eval("x * 2"))
g = {"a": 1}
print(eval("a + 1", g))
l = {"a": 100}
print(eval("a + 1", g, l))
exec("b = a + 1", g)
print(g["b"])
exec("c = a * 3", g, l)
print(l["c"], "c" in g)
def f():
    y = 7
    return eval("y + 1")
print(f())
ns = {}
exec("def sq(n):\n    return n * n\nres = sq(9)", ns)
print(ns["res"], ns["sq"](4))
print(exec("1 + 1"))
for src in ["1 +", "x = = 1", "def f(:", "  x = 1"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__)
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print(type(e).__name__, e)
r = {}
exec("import sys\nm = sys.maxsize > 0", r)
print(r["m"])
exec("for i in range(3): total = total + i", {"total": 10}, r)
print(r["total"])
print(eval("[i * i for i in range(4)]"))
print(eval("  3 + 4"))
