# compile: exec/eval/single modes, code objects run by exec/eval, filenames in errors, bad modes.
c = compile("x = 6\ny = x * 7", "<prog>", "exec")
ns = {}
exec(c, ns)
print(ns["y"])
e = compile("2 ** 10", "<expr>", "eval")
print(eval(e), eval(e))
s = compile("40 + 2", "<single>", "single")
exec(s)
s2 = compile("None", "<single>", "single")
exec(s2)
print(type(c).__name__)
g = {"v": 3}
print(eval(compile("v * v", "f", "eval"), g))
b = compile(b"print('from bytes')", "b", "exec")
exec(b)
try:
    compile("1 +", "my_file.py", "exec")
except SyntaxError as err:
    print(type(err).__name__)
try:
    compile("x = 1", "f", "eval")
except SyntaxError as err:
    print(type(err).__name__)
try:
    compile("1", "f", "bad")
except ValueError as err:
    print(type(err).__name__, err)
try:
    compile(1, "f", "exec")
except TypeError as err:
    print(type(err).__name__)
try:
    compile("1", "f")
except TypeError as err:
    print(type(err).__name__)
c2 = compile(source="z = 1", filename="kw", mode="exec")
exec(c2, ns)
print(ns["z"])
def run_twice(code):
    d = {}
    exec(code, d)
    exec(code, d)
    return d["n"]
print(run_twice(compile("n = globals().get('n', 0) + 1", "t", "exec")))
