# Scope declaration errors are SyntaxErrors at compile time.
cases = [
    "nonlocal x",
    "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    def g():\n        nonlocal y\n    y = 1\n",
    "def f(a, a):\n    pass\n",
    "return 5",
    "yield 1",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src))
