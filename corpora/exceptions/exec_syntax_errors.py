# Syntax errors from exec/eval become SyntaxError (or its subclasses) with CPython's message.
try:
    exec("if 1:\nx = 1")
except SyntaxError as e:
    print(type(e).__name__, e)
for src in ["1 +", "x = (1", "def f(:\n  pass", "return 5", "a b", "if True:\n\tx = 1\n        y = 2"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e)
