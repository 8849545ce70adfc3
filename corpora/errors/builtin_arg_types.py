# Builtin functions given wrong argument types or counts: CPython's TypeError messages.
calls = ["len(5)", "sorted(None)", "sum('abc')", "min()", "abs(None)", "chr('a')", "round(None)", "divmod(None, 1)", "range('a')",
         "enumerate(None)", "zip(None)", "hash([])", "getattr(1)", "isinstance(1)", "ord(1)", "bin(1.0)", "pow(1)", "iter(1, 2, 3)",
         "next(5)", "list(1)", "tuple(None)", "dict(1)", "set(1)", "frozenset(1)", "callable()", "repr()", "any(1)", "max(None)"]
for c in calls:
    try:
        eval(c)
        print("no error", c)
    except TypeError as e:
        print(c, "->", e)
